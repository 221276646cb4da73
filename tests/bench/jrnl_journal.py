"""Run by jrnl's own Python (a separate venv, see ``jrnl_side.py``): write a jrnl config and
an encrypted jrnl journal holding the given number of entries, with jrnl's own encryption.

    python jrnl_journal.py HOME ENTRIES PASSWORD_FILE
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from jrnl.encryption import determine_encryption_method_for_writing
from ruamel.yaml import YAML

WORDS = ["he", "she", "took", "phone", "keys", "car", "money", "door", "called", "dinner", "night"]


def main() -> None:
    home, count, password_file = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    journal = home / "journal.txt"
    config = {
        "colors": {"body": "none", "date": "none", "tags": "none", "title": "none"},
        "default_hour": 9,
        "default_minute": 0,
        "editor": "",
        "encrypt": True,
        "highlight": False,
        "indent_character": "|",
        "journals": {"default": {"journal": str(journal)}},
        "linewrap": 79,
        "tagsymbols": "#@",
        "template": False,
        "timeformat": "%F %r",
        "version": "v4.6",
    }
    folder = home / ".config" / "jrnl"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "jrnl.yaml").open("w") as handle:
        YAML().dump(config, handle)  # jrnl's own YAML library (a JSON file reads as an old config)

    rng = random.Random(7)
    start = datetime(2020, 1, 1, 9)
    text = []
    for n in range(count):
        moment = start + timedelta(hours=5 * n)
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 70))).capitalize()
        text.append(f"[{moment:%Y-%m-%d %I:%M:%S %p}] {body}.\n")
    method = determine_encryption_method_for_writing(True)("default", config)
    method.password = password_file.read_text().strip()
    journal.write_bytes(method.encrypt("\n".join(text)))


if __name__ == "__main__":
    main()
