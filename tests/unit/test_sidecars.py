"""Files beside the vault, and the settings file, as a hostile co-user or a cleanup tool could
leave them: a named pipe, a folder, a symbolic link or a hard link to another of the
person's files, a huge file, junk. None may hang Cairn (every step runs in a process of its
own with a deadline), crash it, write through a link, change the mode of a link's target,
truncate another file, or grow the vault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault, run_cairn
from tui.vault.attempts import attempts_path
from tui.vault.drafts import draft_path
from tui.vault.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 30  # seconds; a hang shows as a failure, never as a stuck run

Make = Callable[[Path, Path], None]


def _fifo(path: Path, other: Path) -> None:
    os.mkfifo(path, 0o600)


def _folder(path: Path, other: Path) -> None:
    path.mkdir(mode=0o700)
    (path / "inside").write_text("kept")


def _symlink(path: Path, other: Path) -> None:
    path.symlink_to(other)


def _hard_link(path: Path, other: Path) -> None:
    os.link(other, path)


def _huge(path: Path, other: Path) -> None:
    with open(path, "wb") as handle:  # sparse: huge to stat, nothing on disk
        handle.truncate(1024 * 1024 * 1024)
    path.chmod(0o600)


def _junk(path: Path, other: Path) -> None:
    path.write_bytes(b"\xff\x00junk line that is not a record\n" * 5000)
    path.chmod(0o600)


KINDS: dict[str, Make] = {
    "named pipe": _fifo,
    "folder": _folder,
    "symlink to another file": _symlink,
    "hard link to another file": _hard_link,
    "huge": _huge,
    "junk": _junk,
}


@pytest.fixture
def other_file(tmp_path: Path) -> Path:
    """Another file of the person's, which nothing Cairn does may touch."""
    other = tmp_path / "private" / "notes.txt"
    other.parent.mkdir(mode=0o700, exist_ok=True)
    other.write_text("my own notes, not Cairn's\n")
    other.chmod(0o640)
    return other


def _state(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return path.read_text(), info.st_mode, info.st_size


def _probe(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.unit.sidecar_probe", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=DEADLINE,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def closed_vault(vault_path: Path) -> Path:
    from tui import journal

    vault, _ = new_vault(vault_path)
    journal.add_entry(vault, "kept")
    vault.lock()
    return vault_path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_strange_draft_is_set_aside_and_said_so(
    closed_vault: Path, other_file: Path, kind: str
) -> None:
    path = draft_path(closed_vault)
    KINDS[kind](path, other_file)
    before_other = _state(other_file)

    found = _probe("unlock", str(closed_vault))
    assert found["draft"] == {"items": [], "set_aside": [f"{path.name}.aside-1"]}
    assert os.path.lexists(path.with_name(f"{path.name}.aside-1"))  # kept, never deleted
    assert not os.path.lexists(path)
    # A later draft is sealed normally and never replaces what was set aside.
    sealed = _probe("seal", str(closed_vault), "typed before the panic")
    assert sealed["draft"] == {
        "saved": "2026-12-01T10:00:00+00:00",
        "items": [{"kind": "quick-note", "state": {"text": "typed before the panic"}}],
    }
    assert os.path.lexists(path.with_name(f"{path.name}.aside-1"))
    assert _state(other_file) == before_other


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_sealing_a_draft_over_something_strange_keeps_the_work(
    closed_vault: Path, other_file: Path, kind: str
) -> None:
    """The panic path seals without asking first: what is in the way is moved, not used."""
    KINDS[kind](draft_path(closed_vault), other_file)
    before_other = _state(other_file)
    sealed = _probe("seal", str(closed_vault), "typed before the panic")
    draft = sealed["draft"]
    assert isinstance(draft, dict)
    assert draft["items"] == [{"kind": "quick-note", "state": {"text": "typed before the panic"}}]
    # The next unlock names what was moved aside.
    assert draft["set_aside"] == [f"{draft_path(closed_vault).name}.aside-1"]
    assert _state(other_file) == before_other


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_strange_attempt_record_is_never_written_through_and_reported_once(
    closed_vault: Path, other_file: Path, kind: str
) -> None:
    path = attempts_path(closed_vault)
    KINDS[kind](path, other_file)
    before_other = _state(other_file)
    vault_size = closed_vault.stat().st_size

    wrong = run_cairn(
        "check", "--vault", str(closed_vault), lines=("wrong guess",), timeout=DEADLINE
    )
    assert wrong.code == 3 and wrong.err.count("\n") == 1
    assert _state(other_file) == before_other

    found = _probe("unlock", str(closed_vault))
    assert found["damaged"] is True
    # The wrong guess is recorded only where a plain private file could take it; the junk
    # is one line in the vault, however much of it there was.
    assert found["times"] == (1 if kind == "junk" else 0)
    assert found["rows"] == found["times"] + 1
    assert closed_vault.stat().st_size < vault_size + 512  # the vault did not grow by it
    assert _state(other_file) == before_other


@pytest.mark.parametrize(
    "kind", ["named pipe", "folder", "symlink to another file", "hard link to another file"]
)
def test_a_strange_lock_file_is_refused_in_one_sentence(
    closed_vault: Path, other_file: Path, kind: str
) -> None:
    lock_path(closed_vault).unlink()
    KINDS[kind](lock_path(closed_vault), other_file)
    before_other, before_vault = _state(other_file), fingerprint(closed_vault)
    done = run_cairn("check", "--vault", str(closed_vault), lines=(PASSPHRASE,), timeout=DEADLINE)
    assert done.code == 4, done.err
    assert "not Cairn's lock file" in done.err and done.err.count("\n") == 1
    assert _state(other_file) == before_other  # never truncated, never given a pid
    assert fingerprint(closed_vault) == before_vault


@pytest.mark.parametrize("kind", ["huge", "junk"])
def test_a_lock_file_full_of_junk_is_still_a_lock_file(
    closed_vault: Path, other_file: Path, kind: str
) -> None:
    lock_path(closed_vault).unlink()
    KINDS[kind](lock_path(closed_vault), other_file)
    done = run_cairn("check", "--vault", str(closed_vault), lines=(PASSPHRASE,), timeout=DEADLINE)
    assert done.code == 0, done.err


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_strange_settings_file_is_refused_and_never_changed(
    tmp_path: Path, other_file: Path, kind: str
) -> None:
    settings = tmp_path / "private" / "settings.toml"
    KINDS[kind](settings, other_file)
    other_file.chmod(0o644)  # an editor's mode: only the settings file itself may be closed
    before_other = _state(other_file)
    found = _probe("settings", str(settings))
    sentence = str(found["settings"])
    assert sentence != "ok" and sentence.count(".") >= 1 and "\n" not in sentence
    assert _state(other_file) == before_other


def test_the_app_with_a_pipe_for_settings_says_so_and_exits_2(
    tmp_path: Path, closed_vault: Path
) -> None:
    settings = tmp_path / "private" / "settings.toml"
    os.mkfifo(settings, 0o600)
    done = subprocess.run(
        [str(Path(sys.executable).with_name("cairn")), "--vault", str(closed_vault)],
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        env={**os.environ, "CAIRN_CONFIG": str(settings)},
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "a named pipe" in done.stderr and done.stderr.count("\n") == 1
