"""The sealed draft handed across the panic relaunch (a real execv) when the disk could not
take it: it arrives once, whole, and the descriptor is closed after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import os, sys
from tui.handoff import hand_over, take_over
if sys.argv[1] == "give":
    hand_over(bytes(range(256)) * 1000)
    os.execv(sys.executable, [sys.executable, "-c", sys.argv[2], "take", sys.argv[2]])
got = take_over()
again = take_over()
fds = os.listdir("/proc/self/fd")
print(len(got or b""), got == bytes(range(256)) * 1000, again is None, "CAIRN_HANDOFF_FD" in os.environ)
"""


def test_the_sealed_draft_survives_the_exec_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "give", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["256000", "True", "True", "False"]
