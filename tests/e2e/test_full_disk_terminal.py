"""The panic key on a disk that is really full, in a real terminal: the fresh process the
panic starts still offers back what was typed (handed over in memory, sealed), and saving
says why it cannot until there is room."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import CAIRN
from tests.e2e.tmux import Terminal, unlock
from tests.helpers import PASSPHRASE, new_vault
from tests.tmpfs import NEEDS_ROOT, small_disk
from tui import journal
from tui.vault import Vault

CANARY = "CANARY-typed-on-a-full-disk"
pytestmark = [pytest.mark.slow, NEEDS_ROOT]


def test_panic_on_a_full_disk_keeps_what_was_typed(
    term: Terminal, app_env: dict[str, str], tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk.mount_point / "private" / "vault.cairn"
        new_vault(path)[0].lock()
        disk.fill()
        term.start([CAIRN], {**app_env, "CAIRN_VAULT": str(path)})
        unlock(term)
        term.keys("n")
        term.wait_text("The facts, in order")
        term.type(CANARY)
        term.wait_text(CANARY)
        term.keys("F12")
        term.wait(lambda s: "Locked" in s and CANARY not in s, what="the lock screen")
        assert not path.with_name(path.name + ".draft").exists()
        assert CANARY not in term.scrollback()
        unlock(term)
        term.wait_text("Unsaved work")
        term.keys("r")
        term.wait_text(CANARY)
        term.keys("C-s")
        term.wait_text("The disk is full")
        disk.free()
        term.keys("C-s")
        term.wait_text("Saved.")
        term.keys("C-q")
        assert term.exit_code() == 0
        with Vault.open(path, PASSPHRASE) as vault:
            assert [entry.text for entry in journal.entries(vault)] == [CANARY]
