"""A real writer for the crash tests: saves entries forever, printing each id once saved."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.vault import Vault


def main() -> None:
    path, passphrase, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    vault = Vault.open(path, passphrase)
    print("ready", flush=True)
    number = start
    while True:
        vault.collection("journal").add({"n": number, "text": "x" * (number % 5000)})
        print(number, flush=True)  # acknowledged: the save returned
        number += 1


if __name__ == "__main__":
    main()
