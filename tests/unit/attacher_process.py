"""A real process that attaches files in a loop, for the kill -9 test.

Usage: python -m tests.unit.attacher_process VAULT PASSPHRASE SOURCE
Prints "ready", then the attachment id of each file once it is durably attached. The
passphrase in argv is acceptable only because this is a throwaway test vault.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui import journal
from tui.journal import attachments
from tui.vault import Vault


def main() -> None:
    path, passphrase, source = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    vault = Vault.open(path, passphrase)
    entry = journal.add_entry(vault, "files")
    print("ready", flush=True)
    while True:
        _, added = attachments.attach(vault, [source], entry=entry)
        print(added[0].id, flush=True)


if __name__ == "__main__":
    main()
