"""Shared test helpers: run the installed ``cairn`` with passphrases on a pipe."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.vault import INSECURE_FAST_KDF, Vault

PASSPHRASE = "a quiet river at dawn"
CAIRN = str(Path(sys.executable).with_name("cairn"))


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cairn(
    *args: str,
    lines: tuple[str, ...] = (),
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> Result:
    """Run the installed ``cairn`` with ``lines`` on a pipe given as --passphrase-fd."""
    read_end, write_end = os.pipe()
    os.write(write_end, "".join(f"{line}\n" for line in lines).encode("utf-8"))
    os.close(write_end)
    try:
        done = subprocess.run(
            [CAIRN, *args, "--passphrase-fd", str(read_end)],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            pass_fds=(read_end,),
            env=env if env is not None else {**os.environ},
            timeout=timeout,
        )
    finally:
        os.close(read_end)
    return Result(done.returncode, done.stdout.decode(), done.stderr.decode())


def new_vault(path: Path, passphrase: str = PASSPHRASE) -> tuple[Vault, str]:
    return Vault.create(path, passphrase, INSECURE_FAST_KDF)


def fingerprint(path: Path) -> tuple[str, int, int]:
    """Content hash, mtime in ns and inode: enough to prove a file was left alone."""
    info = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_ino


# Code page 437 as the Linux console's fonts map it: Python's codec, plus the pictures its
# first 32 positions and DEL have on screen.
CP437 = set(bytes(range(256)).decode("cp437")) | set(
    "\u263a\u263b\u2665\u2666\u2663\u2660\u2022\u25d8\u25cb\u25d9\u2642\u2640\u266a\u266b"
    "\u263c\u25ba\u25c4\u2195\u203c\u00b6\u00a7\u25ac\u21a8\u2191\u2193\u2192\u2190\u221f"
    "\u2194\u25b2\u25bc\u2302"
)
