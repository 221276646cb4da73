"""One writer, even when the lock file beside the vault is deleted or replaced while the
vault is open: no save acknowledged to anyone is ever lost (real processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, new_vault, run_cairn
from tui import journal
from tui.vault import Vault
from tui.vault.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]


class Holder:
    """A process that keeps the vault open and saves when told, as the app does."""

    def __init__(self, vault_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.unit.holder_process", str(vault_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(PASSPHRASE + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "ready"

    def save(self, text: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def holder(vault_path: Path) -> Iterator[Holder]:
    vault, _ = new_vault(vault_path)
    vault.lock()
    held = Holder(vault_path)
    yield held
    if held.process.poll() is None:
        held.close()


def _texts(vault_path: Path) -> set[str]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        return {entry.text for entry in journal.entries(vault)}


def test_deleting_the_lock_never_loses_a_save_made_by_a_second_writer(
    holder: Holder, vault_path: Path
) -> None:
    assert holder.save("written by the app before") == "saved"
    lock_path(vault_path).unlink()  # a cleanup tool, or someone who can write the folder

    logged = run_cairn("log", "--vault", str(vault_path), lines=(PASSPHRASE,), stdin=b"logged")
    assert logged.code == 0, logged.err  # the second writer got in and was told it saved

    answer = holder.save("written by the app after")
    assert answer.startswith("refused: The lock file beside the vault was removed or replaced")
    holder.close()
    assert _texts(vault_path) == {"written by the app before", "logged"}


def test_a_replaced_lock_held_by_another_process_stops_the_first(
    holder: Holder, vault_path: Path
) -> None:
    lock_path(vault_path).unlink()
    second = Holder(vault_path)  # takes a lock of its own on a new lock file
    try:
        assert second.save("second") == "saved"
        assert holder.save("first").startswith("refused: ")
    finally:
        second.close()
    holder.close()
    assert _texts(vault_path) == {"second"}


def test_a_deleted_lock_with_nobody_else_is_taken_again(holder: Holder, vault_path: Path) -> None:
    lock_path(vault_path).unlink()
    assert holder.save("still saved") == "saved"
    assert lock_path(vault_path).exists()
    refused = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert refused.code == 5 and f"process {holder.process.pid}" in refused.err
    holder.close()
    assert _texts(vault_path) == {"still saved"}


def test_a_vault_file_replaced_behind_the_holder_is_never_overwritten(
    holder: Holder, vault_path: Path, tmp_path: Path
) -> None:
    assert holder.save("first") == "saved"
    copy = tmp_path / "copy"
    copy.write_bytes(vault_path.read_bytes())
    os.replace(copy, vault_path)  # same content, another file: something else wrote it
    assert holder.save("second").startswith("refused: ")
    holder.close()
