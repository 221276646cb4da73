"""A real Cairn process holding a vault open, as the app does, for the single-writer tests.

    python -m tests.unit.holder_process VAULT

Reads the passphrase as its first line on standard input, prints "ready", then for each
further line saves a journal entry with that text and prints "saved" or "refused: ...".
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui import journal
from tui.vault import Vault, VaultError


def main() -> None:
    vault = Vault.open(Path(sys.argv[1]), sys.stdin.readline().rstrip("\n"))
    print("ready", flush=True)
    for line in sys.stdin:
        try:
            journal.add_entry(vault, line.rstrip("\n"))
            print("saved", flush=True)
        except VaultError as error:
            print(f"refused: {error}", flush=True)
    vault.lock()


if __name__ == "__main__":
    main()
