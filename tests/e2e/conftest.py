from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.tmux import CAIRN, Terminal

ROOT = Path(__file__).resolve().parents[2]
CRASHING_APP = [sys.executable, str(ROOT / "tests" / "e2e" / "crashing_app.py")]

if shutil.which("tmux") is None:
    pytest.fail("tmux is needed for the real-terminal tests; .ci/run installs it", pytrace=False)


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    sockets = tmp_path / "sockets"
    sockets.mkdir(mode=0o700)
    terminal = Terminal(sockets)
    yield terminal
    terminal.close()


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    return {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "CAIRN_VAULT": str(home / "private" / "vault.cairn"),
        "CAIRN_CONFIG": str(home / "settings.toml"),
        "PYTHONPATH": str(ROOT),
    }


__all__ = ["CAIRN", "CRASHING_APP"]
