"""Vault and settings operations in a process of their own, so that a sidecar file that
could hang Cairn (a named pipe) shows as a test failure with a timeout, never a hung run.

    python -m tests.unit.sidecar_probe unlock VAULT
    python -m tests.unit.sidecar_probe seal VAULT TEXT
    python -m tests.unit.sidecar_probe settings FILE

Prints one JSON line describing what happened.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.helpers import PASSPHRASE
from tui.config import SettingsProblem, load_settings
from tui.vault import Vault, VaultError


def main() -> None:
    action, target = sys.argv[1], Path(sys.argv[2])
    if action == "settings":
        try:
            load_settings(target)
            print(json.dumps({"settings": "ok"}))
        except SettingsProblem as problem:
            print(json.dumps({"settings": str(problem)}))
        return
    try:
        vault = Vault.open(target, PASSPHRASE)
    except VaultError as error:
        print(json.dumps({"refused": str(error), "kind": type(error).__name__}))
        return
    with vault:
        if action == "unlock":
            found = vault.take_failed_attempts()
            rows = vault.collection("failed_attempts").all()
            print(
                json.dumps(
                    {
                        "times": len(found.times),
                        "damaged": found.damaged,
                        "rows": len(rows),
                        "draft": vault.open_draft(),
                    }
                )
            )
        elif action == "seal":
            vault.seal_draft(
                {
                    "saved": "2026-12-01T10:00:00+00:00",
                    "items": [{"kind": "quick-note", "state": {"text": sys.argv[3]}}],
                }
            )
            print(json.dumps({"sealed": True, "draft": vault.open_draft()}))


if __name__ == "__main__":
    main()
