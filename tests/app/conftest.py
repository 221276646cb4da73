from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static, TextArea

from tests.helpers import new_vault
from tui.app import CairnApp
from tui.config import Settings
from tui.session import Session


class NoteScreen(Screen[None]):
    """A screen defined for the tests that holds unsaved text, as the journal editor will."""

    draft_kind = "test-note"

    def __init__(self, session: Session, state: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.session = session
        self._initial = (state or {}).get("text", "")

    def compose(self) -> ComposeResult:
        yield Static("", id="note-ready")
        yield TextArea(self._initial, id="note")

    def on_mount(self) -> None:
        # As the real screens do: focus at once, then show the cue that typing will land.
        self.set_focus(self.query_one(TextArea))
        self.query_one("#note-ready", Static).update("Note")

    def draft_state(self) -> dict[str, Any] | None:
        text = self.query_one(TextArea).text
        return {"text": text} if text else None


class Relaunches:
    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.handed: list[bytes | None] = []  # a sealed draft the disk could not take

    def __call__(self, path: Path, unwritten_draft: bytes | None = None) -> None:
        self.paths.append(path)
        self.handed.append(unwritten_draft)


MakeApp = Callable[..., CairnApp]


@pytest.fixture(autouse=True)
def an_ordinary_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app draws differently on the Linux console (TERM=linux): the tests and snapshots
    see one kind of terminal whatever the machine running them is."""
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def relaunches() -> Relaunches:
    return Relaunches()


@pytest.fixture
def make_app(vault_path: Path, relaunches: Relaunches) -> MakeApp:
    def make(settings: Settings | None = None, path: Path | None = None) -> CairnApp:
        session = Session(settings=settings or Settings(), vault_path=path or vault_path)
        session.draft_screens["test-note"] = lambda s, state: NoteScreen(s, state)
        return CairnApp(session, relaunch=relaunches)

    return make


@pytest.fixture
def existing_vault(vault_path: Path) -> Path:
    vault, _ = new_vault(vault_path)
    vault.lock()
    return vault_path
