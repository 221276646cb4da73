"""Writes a golden vault for the current format version. Run once per released version:

    python -m tests.golden.make_golden

Never regenerate an existing file: the point is that old files keep opening.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui import journal
from tui.vault import DEFAULT_KDF, INSECURE_FAST_KDF, Vault
from tui.vault.format import VERSION

HERE = Path(__file__).parent
PASSPHRASE = "golden vault passphrase"
TEXTS = ["Plain first entry.", "Unicode ✓ łódź 漢字 🙂 and [b]markup[/b] kept literally"]


def make(name: str, fast: bool) -> None:
    target = HERE / name
    if target.exists():
        raise SystemExit(f"{target} exists; golden files are never rewritten")
    vault, code = Vault.create(target, PASSPHRASE, INSECURE_FAST_KDF if fast else DEFAULT_KDF)
    with vault:
        for text in TEXTS:
            journal.add_entry(vault, text, phase="calm")
        records = [entry.full_record() for entry in reversed(journal.entries(vault))]
    expected = {"passphrase": PASSPHRASE, "recovery_code": code, "journal": records}
    (HERE / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
    target.with_name(target.name + ".lock").unlink()


if __name__ == "__main__":
    make(f"v{VERSION}-fast-kdf.cairn", fast=True)
    make(f"v{VERSION}-default-kdf.cairn", fast=False)
