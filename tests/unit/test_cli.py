"""The ``cairn`` command contract: subcommands, passphrase intake and exit codes."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

from tests.helpers import CAIRN, PASSPHRASE, Result, fingerprint, new_vault, run_cairn
from tui import cli, journal
from tui.vault import Vault

NEW = "a different long passphrase"


def _init(path: Path) -> str:
    done = run_cairn(
        "init", "--vault", str(path), "--insecure-fast-kdf", lines=(PASSPHRASE, PASSPHRASE)
    )
    assert done.code == 0, done.err
    match = re.search(r"Recovery code: ([0-9A-Z-]{39})", done.out)
    assert match, done.out
    return match.group(1)


def _log(path: Path, text: bytes, passphrase: str = PASSPHRASE) -> Result:
    return run_cairn("log", "--vault", str(path), lines=(passphrase,), stdin=text)


def _export(path: Path) -> dict[str, object]:
    done = run_cairn("export", "--format", "json", "--vault", str(path), lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    return json.loads(done.out)  # type: ignore[no-any-return]


def test_init_log_export_round_trip(vault_path: Path) -> None:
    code = _init(vault_path)
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    done = _log(vault_path, 'He said: "you\'re [b]nothing[/b]" ✓\n'.encode())
    assert done.code == 0, done.err
    entry_id = done.out.strip()
    assert re.fullmatch(r"[0-9a-f]{32}", entry_id)
    document = _export(vault_path)
    assert document["format"] == "cairn-export" and document["version"] == 1
    [entry] = document["journal"]  # type: ignore[misc]
    assert entry["id"] == entry_id
    assert entry["text"] == 'He said: "you\'re [b]nothing[/b]" ✓'
    assert set(entry) >= {"id", "created", "occurred", "text", "phase", "tags"}
    assert entry["phase"] is None and entry["tags"] == []
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", entry["created"])
    # The recovery code works wherever the passphrase is asked for.
    assert run_cairn("check", "--vault", str(vault_path), lines=(code,)).code == 0


def test_init_says_the_fast_kdf_is_insecure(vault_path: Path) -> None:
    done = run_cairn(
        "init", "--vault", str(vault_path), "--insecure-fast-kdf", lines=(PASSPHRASE,) * 2
    )
    assert "tests only" in done.err


def test_log_with_the_passphrase_on_standard_input(vault_path: Path) -> None:
    _init(vault_path)
    done = subprocess.run(
        [CAIRN, "log", "--vault", str(vault_path), "--passphrase-fd", "0"],
        input=f"{PASSPHRASE}\nfirst line\nsecond line\n".encode(),
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    [entry] = _export(vault_path)["journal"]  # type: ignore[misc]
    assert entry["text"] == "first line\nsecond line"


def test_vault_location_from_environment_then_default(tmp_path: Path) -> None:
    env = {**os.environ, "CAIRN_VAULT": str(tmp_path / "env" / "v.cairn")}
    done = run_cairn("init", "--insecure-fast-kdf", lines=(PASSPHRASE,) * 2, env=env)
    assert done.code == 0 and (tmp_path / "env" / "v.cairn").exists()
    env = {k: v for k, v in os.environ.items() if k != "CAIRN_VAULT"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    done = run_cairn("init", "--insecure-fast-kdf", lines=(PASSPHRASE,) * 2, env=env)
    assert done.code == 0, done.err
    assert (tmp_path / "data" / "cairn" / "vault.cairn").exists()
    assert stat.S_IMODE((tmp_path / "data" / "cairn").stat().st_mode) == 0o700


def test_vault_option_after_or_before_the_command(vault_path: Path) -> None:
    _init(vault_path)
    done = run_cairn("--vault", str(vault_path), "check", lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    assert "Journal entries: 0" in done.out


def test_passwd_changes_the_passphrase(vault_path: Path) -> None:
    _init(vault_path)
    assert _log(vault_path, b"kept").code == 0
    done = run_cairn("passwd", "--vault", str(vault_path), lines=(PASSPHRASE, NEW, NEW))
    assert done.code == 0, done.err
    assert run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,)).code == 3
    done = run_cairn("check", "--vault", str(vault_path), lines=(NEW,))
    assert done.code == 0 and "Journal entries: 1" in done.out


def test_export_to_a_file_is_private_and_never_overwrites(vault_path: Path, tmp_path: Path) -> None:
    _init(vault_path)
    out = tmp_path / "export.json"
    args = ("export", "--format", "json", "--vault", str(vault_path), "--out", str(out))
    done = run_cairn(*args, lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    assert "unencrypted" in done.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out.write_text("mine")
    done = run_cairn(*args, lines=(PASSPHRASE,))
    assert done.code == 2 and "already exists" in done.err
    assert out.read_text() == "mine"
    done = run_cairn(*args, "--force", lines=(PASSPHRASE,))
    assert done.code == 0 and json.loads(out.read_text())["journal"] == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


# -- bad input: one sentence, a documented code, nothing lost ----------------------------------


def _assert_one_sentence(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize(
    ("stdin", "message"),
    [(b"\xff\xfe not utf-8", "not valid UTF-8"), (b"", "empty"), (b"  \n\n", "empty")],
)
def test_bad_log_input_is_refused_and_saves_nothing(
    vault_path: Path, stdin: bytes, message: str
) -> None:
    _init(vault_path)
    before = fingerprint(vault_path)
    done = _log(vault_path, stdin)
    assert done.code == 2 and message in done.err and done.out == ""
    _assert_one_sentence(done.err)
    assert fingerprint(vault_path) == before


def test_wrong_passphrase_exits_3_and_changes_nothing(vault_path: Path) -> None:
    _init(vault_path)
    before = fingerprint(vault_path)
    done = _log(vault_path, b"text", passphrase="not it at all")
    assert done.code == 3 and done.out == ""
    _assert_one_sentence(done.err)
    assert fingerprint(vault_path) == before


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (("", ""), "empty"),
        ((PASSPHRASE, NEW), "differ"),
        (("short", "short"), "at least 8"),
        ((PASSPHRASE,), "ended"),
    ],
)
def test_bad_new_passphrases_create_nothing(
    vault_path: Path, lines: tuple[str, ...], message: str
) -> None:
    done = run_cairn("init", "--vault", str(vault_path), "--insecure-fast-kdf", lines=lines)
    assert done.code == 2 and message in done.err
    _assert_one_sentence(done.err)
    assert not vault_path.exists()


def test_passwd_with_differing_new_passphrases_changes_nothing(vault_path: Path) -> None:
    _init(vault_path)
    before = fingerprint(vault_path)
    done = run_cairn("passwd", "--vault", str(vault_path), lines=(PASSPHRASE, NEW, NEW + "x"))
    assert done.code == 2 and "differ" in done.err
    assert fingerprint(vault_path) == before


def test_an_empty_passphrase_is_refused(vault_path: Path) -> None:
    _init(vault_path)
    done = run_cairn("check", "--vault", str(vault_path), lines=("",))
    assert done.code == 2 and "empty" in done.err


def test_paths_that_are_not_vaults(tmp_path: Path, vault_path: Path) -> None:
    done = run_cairn("check", "--vault", str(tmp_path / "missing.cairn"), lines=(PASSPHRASE,))
    assert done.code == 2 and "cairn init" in done.err
    done = run_cairn("check", "--vault", str(tmp_path), lines=(PASSPHRASE,))
    assert done.code == 2 and "a folder" in done.err
    _init(vault_path)
    link = vault_path.with_name("link.cairn")
    link.symlink_to(vault_path)
    done = run_cairn("check", "--vault", str(link), lines=(PASSPHRASE,))
    assert done.code == 4 and "symbolic link" in done.err
    vault_path.chmod(0o644)
    done = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 4 and "chmod 600" in done.err
    _assert_one_sentence(done.err)


def test_a_damaged_vault_exits_4(vault_path: Path) -> None:
    _init(vault_path)
    data = bytearray(vault_path.read_bytes())
    data[-5] ^= 0x40
    vault_path.write_bytes(bytes(data))
    before = fingerprint(vault_path)
    done = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 4 and "damaged" in done.err
    _assert_one_sentence(done.err)
    assert fingerprint(vault_path) == before


def test_a_vault_open_elsewhere_exits_5_naming_the_pid(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    try:
        done = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    finally:
        vault.lock()
    assert done.code == 5 and f"process {os.getpid()}" in done.err
    _assert_one_sentence(done.err)


def test_unknown_options_are_usage_errors(vault_path: Path) -> None:
    done = run_cairn("export", "--format", "pdf", "--vault", str(vault_path))
    assert done.code == 2 and "Traceback" not in done.err
    assert run_cairn("frobnicate").code == 2
    assert run_cairn("check", "--passphrase-fd", "x").code == 2


def test_a_closed_descriptor_is_a_clear_usage_error(vault_path: Path) -> None:
    _init(vault_path)
    code = cli.main(["check", "--vault", str(vault_path), "--passphrase-fd", "987"])
    assert code == 2


# -- in-process: failures that a subprocess cannot easily provoke ------------------------------


def _main_with(
    args: list[str], lines: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    read_end, write_end = os.pipe()
    os.write(write_end, "".join(f"{line}\n" for line in lines).encode())
    os.close(write_end)
    try:
        code = cli.main([*args, "--passphrase-fd", str(read_end)])
    finally:
        os.close(read_end)
    return code, capsys.readouterr().err


def test_a_failed_write_exits_6_and_keeps_the_old_passphrase(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _init(vault_path)
    before = fingerprint(vault_path)

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, err = _main_with(["passwd", "--vault", str(vault_path)], (PASSPHRASE, NEW, NEW), capsys)
    assert code == 6 and "disk is full" in err
    assert fingerprint(vault_path) == before


def test_an_unexpected_error_exits_1_without_a_traceback_or_content(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _init(vault_path)

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("CANARY-secret-entry-text")

    monkeypatch.setattr(journal, "count", broken)
    code, err = _main_with(["check", "--vault", str(vault_path)], (PASSPHRASE,), capsys)
    assert code == 1
    assert "CANARY" not in err and "Traceback" not in err and "RuntimeError" in err
    Vault.open(vault_path, PASSPHRASE).lock()  # the lock was released on the way out


def test_ctrl_c_exits_130(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _init(vault_path)

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(journal, "count", interrupted)
    code, err = _main_with(["check", "--vault", str(vault_path)], (PASSPHRASE,), capsys)
    assert code == 130 and "Traceback" not in err


def test_log_records_when_it_happened_and_its_phase(vault_path: Path) -> None:
    from datetime import datetime, timedelta

    from tui import journal

    _init(vault_path)
    done = run_cairn(
        "log", "--vault", str(vault_path), "--when", "yesterday 21:00", "--phase", "incident",
        lines=(PASSPHRASE,), stdin=b"He took my keys.",
    )
    assert done.code == 0, done.err
    with Vault.open(vault_path, PASSPHRASE) as vault:
        (entry,) = journal.entries(vault)
    moment = datetime.fromisoformat(entry.occurred)
    assert moment.date() == (datetime.now().astimezone() - timedelta(days=1)).date()
    assert (moment.hour, moment.minute, entry.phase) == (21, 0, "incident")


def test_log_refuses_a_time_it_cannot_read_before_asking_anything(vault_path: Path) -> None:
    _init(vault_path)
    done = run_cairn("log", "--vault", str(vault_path), "--when", "03/04 9pm", stdin=b"x")
    assert done.code == 2
    assert done.err == (
        "--when: Write the time like 2026-11-24 18:30 (year, month, day, then hours and "
        "minutes).\n"
    )
    done = run_cairn("log", "--vault", str(vault_path), "--phase", "angry", stdin=b"x")
    assert done.code == 2 and "invalid choice: 'angry'" in done.err
