"""Traps 1 and 6, with real processes: kill -9 mid-save, and one writer at a time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, new_vault
from tui.vault import Vault, VaultBusy

WRITER = [sys.executable, "-m", "tests.unit.writer_process"]
ROOT = Path(__file__).resolve().parents[2]


def _start_writer(path: Path, start: int) -> subprocess.Popen[str]:
    # The passphrase in argv is only acceptable because this is a throwaway test vault.
    return subprocess.Popen(
        [*WRITER, str(path), PASSPHRASE, str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _read_line(process: subprocess.Popen[str], deadline: float) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        assert process.stderr is not None
        raise AssertionError(f"writer ended early: {process.stderr.read()}")
    assert time.monotonic() < deadline, "writer too slow"
    return line.strip()


@pytest.mark.slow
def test_kill_9_never_loses_an_acknowledged_save(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.lock()
    rng = random.Random(1234)
    acknowledged: set[int] = set()
    start = 0
    for _ in range(12):
        writer = _start_writer(vault_path, start)
        deadline = time.monotonic() + 60
        assert _read_line(writer, deadline) == "ready"
        for _ in range(rng.randint(1, 25)):
            acknowledged.add(int(_read_line(writer, deadline)))
        # Let it run into the middle of another save, then kill it without warning.
        time.sleep(rng.random() * 0.02)  # a random point in the write, not a wait for a condition
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        assert writer.stdout is not None
        acknowledged.update(int(n) for n in writer.stdout.read().split())
        writer.stdout.close()
        assert writer.stderr is not None
        writer.stderr.close()
        with Vault.open(vault_path, PASSPHRASE) as reopened:
            saved = {doc["n"] for doc in reopened.collection("journal").all()}
        missing = acknowledged - saved
        assert not missing, f"acknowledged but lost: {sorted(missing)}"
        start = max(saved | acknowledged) + 1
    assert len(acknowledged) >= 12


@pytest.mark.slow
def test_a_second_process_is_refused_and_freed_by_kill_9(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.lock()
    writer = _start_writer(vault_path, 0)
    try:
        deadline = time.monotonic() + 60
        assert _read_line(writer, deadline) == "ready"
        with pytest.raises(VaultBusy) as refused:
            Vault.open(vault_path, PASSPHRASE)
        assert refused.value.pid == writer.pid
        assert f"process {writer.pid}" in str(refused.value)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
        for stream in (writer.stdout, writer.stderr):
            if stream is not None:
                stream.close()
    Vault.open(vault_path, PASSPHRASE).lock()  # no stale lock is left behind


def test_the_same_process_cannot_open_a_vault_twice(vault: Vault, vault_path: Path) -> None:
    with pytest.raises(VaultBusy):
        Vault.open(vault_path, PASSPHRASE)
