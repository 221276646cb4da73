"""The real Cairn app plus one test-only key: Ctrl+T crashes on purpose, with the text of
the focused editor in the exception, to prove a crash never shows it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from textual.binding import Binding

from tui.app import CairnApp, run_app
from tui.config import load_settings
from tui.session import Session


class CrashingApp(CairnApp):
    BINDINGS = [Binding("ctrl+t", "crash", "Crash", id="test-crash")]

    def action_crash(self) -> None:
        raise RuntimeError("CANARY-crash-secret " + self.screen.query_one("TextArea").text)  # type: ignore[attr-defined]


def main() -> int:
    session = Session(settings=load_settings(), vault_path=Path(os.environ["CAIRN_VAULT"]))
    return run_app(session, CrashingApp)


if __name__ == "__main__":
    sys.exit(main())
