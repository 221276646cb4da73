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
