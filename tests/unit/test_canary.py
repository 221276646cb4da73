"""Trap 7: a canary written through every feature is found nowhere on disk in plaintext.

Every feature of the command line is driven as a person would (init, log, passwd, check,
an export to standard output), in a private HOME, data and config folder. Then the vault
folder, the config folder, the home folder, /tmp and everything printed are searched for the
canary in the encodings a leak would use.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from tests.helpers import PASSPHRASE, run_cairn

CANARY = "CANARY-7f3a-łódź-暗号"
NEW = "another canary-free passphrase"


def _needles() -> list[bytes]:
    return [
        CANARY.encode("utf-8"),
        CANARY.encode("utf-16-le"),
        CANARY.encode("unicode_escape"),
        b"CANARY-7f3a",
        PASSPHRASE.encode(),
        NEW.encode(),
    ]


def _files(root: Path) -> list[Path]:
    found = []
    for folder, _, names in os.walk(root):
        found.extend(Path(folder, name) for name in names)
    return found


def _leaks(roots: list[Path], needles: list[bytes], since: float) -> list[str]:
    """Files under ``roots`` written since ``since`` (older files, such as this test's own
    source in someone's editor cache, cannot be a leak of this run) that hold a needle."""
    hits = []
    for root in roots:
        for path in _files(root):
            try:
                info = path.lstat()
                if not path.is_file() or path.is_symlink() or info.st_mtime < since:
                    continue
                if info.st_size > 64 * 1024 * 1024:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            hits.extend(f"{path}: {needle!r}" for needle in needles if needle in data)
    return hits


def test_the_canary_is_nowhere_on_disk(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    env = {
        **{k: v for k, v in os.environ.items() if k != "CAIRN_VAULT"},
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "TMPDIR": str(tmp_path / "tmp"),
    }
    (tmp_path / "tmp").mkdir(mode=0o700)
    started = time.time() - 1
    printed: list[str] = []

    def cairn(*args: str, lines: tuple[str, ...], stdin: bytes | None = None) -> str:
        done = run_cairn(*args, lines=lines, stdin=stdin, env=env)
        assert done.code == 0, done.err
        printed.extend([done.err])
        return done.out

    cairn("init", "--insecure-fast-kdf", lines=(PASSPHRASE, PASSPHRASE))
    for number in range(3):
        cairn("log", lines=(PASSPHRASE,), stdin=f"{CANARY} entry {number}\n".encode())
    cairn("passwd", lines=(PASSPHRASE, NEW, NEW))
    cairn("check", lines=(NEW,))
    exported = cairn("export", "--format", "json", lines=(NEW,))
    assert CANARY in exported  # the feature works: the canary really went in
    for printable in ("markdown", "html"):
        assert CANARY in cairn("export", "--format", printable, lines=(NEW,))
    head = json.loads(exported)["chain_head"]
    cairn("check", "--head", head[:16], lines=(NEW,))

    leaks = _leaks([home, tmp_path / "tmp", Path("/tmp")], _needles(), started)
    assert leaks == []
    assert not any(CANARY in text or PASSPHRASE in text for text in printed)
    vault_folder = home / ".local" / "share" / "cairn"
    assert sorted(p.name for p in vault_folder.iterdir()) == ["vault.cairn", "vault.cairn.lock"]
