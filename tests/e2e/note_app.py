"""The real Cairn app plus a test-only note screen (a TextArea that keeps a draft), for the
real-terminal tests until the journal editor lands. Ctrl+N opens the note; Ctrl+T crashes
on purpose with secret text in the exception."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from textual.binding import Binding

from tests.app.conftest import NoteScreen
from tui.app import CairnApp, run_app
from tui.config import load_settings
from tui.session import Session


class NoteApp(CairnApp):
    BINDINGS = [
        Binding("ctrl+n", "note", "Note", id="test-note"),
        Binding("ctrl+t", "crash", "Crash", id="test-crash"),
    ]

    def action_note(self) -> None:
        if self.session.vault is not None:
            self.push_screen(NoteScreen(self.session))

    def action_crash(self) -> None:
        raise RuntimeError("CANARY-crash-secret " + self.screen.query_one("TextArea").text)  # type: ignore[attr-defined]


def main() -> int:
    session = Session(settings=load_settings(), vault_path=Path(os.environ["CAIRN_VAULT"]))
    session.draft_screens["test-note"] = lambda s, state: NoteScreen(s, state)
    return run_app(session, NoteApp)


if __name__ == "__main__":
    sys.exit(main())
