"""jrnl, the encrypted command-line journal from PyPI, as the whole-process comparison.

It is installed into its own virtual environment (``.bench/jrnl``, ignored by git) the first
time the benchmarks need it, so it never becomes one of Cairn's dependencies.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

from .pty_terminal import ProgramEnded, PtyProgram

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".bench" / "jrnl"
JRNL = VENV / "bin" / "jrnl"
MAKER = Path(__file__).with_name("jrnl_journal.py")
PASSWORD = "benchmark passphrase"


def ensure_jrnl() -> str:
    """Install jrnl if it is not there yet; return its version line."""
    if not JRNL.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "jrnl"], check=True)
    done = subprocess.run([str(JRNL), "--version"], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[0].strip()


def make_journal(home: Path, entries: int) -> None:
    """An encrypted jrnl journal with ``entries`` entries, and jrnl's config, under ``home``."""
    home.mkdir(parents=True, exist_ok=True)
    secret = home / "password"
    secret.write_text(PASSWORD)
    subprocess.run(
        [str(VENV / "bin" / "python"), str(MAKER), str(home), str(entries), str(secret)],
        check=True,
    )
    secret.unlink()


def add_one(home: Path) -> float:
    """Seconds for ``jrnl "<entry>"`` as a whole process, from start to exit, the password
    typed as soon as jrnl asks for it (in a pseudo-terminal, as a person would)."""
    env = {"HOME": str(home), "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    program = PtyProgram([str(JRNL), "A factual entry of ordinary length."], env)
    try:
        program.wait_for_hidden_input()
        program.send(PASSWORD + "\r")
        with contextlib.suppress(ProgramEnded):  # reading until jrnl ends
            program.wait_for(lambda _: False, 120)
        code = program.process.wait(30)
        took = time.perf_counter() - program.started
    finally:
        program.close()
    if code != 0:
        raise RuntimeError(f"jrnl failed ({code}): {bytes(program.output)[-300:]!r}")
    return took
