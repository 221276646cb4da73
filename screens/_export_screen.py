"""Writing something out, unencrypted, because the person asked: a journal report or the
safety plan. One screen shape for both: a format, a new file, a plain warning, a question
before anything is written, and files that are 0600 and never replaced."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from styles import stylesheet
from tui import clock, export
from tui.session import Session
from tui.vault import VaultError, VaultExists
from tui.visible import visible

from ._footer import CairnFooter
from ._keys import bind
from ._plain import PlainInput
from ._text import say
from .confirm import ask


def default_file_name(day: date, suffix: str) -> str:
    """The same neutral word for every file written out (the catalogue's), then the day."""
    return f"{say('export', 'file_stem')}-{day:%Y-%m-%d}{suffix}"


class ExportProblem(ValueError):
    """What is wrong with the settings, in one sentence."""


def target_path(typed: str) -> Path:
    """Where an unencrypted file may be written: a new file in a folder that exists (never
    over anything, never a folder). The same rule for reports, the plan and saved copies."""
    text = typed.strip()
    if not text:
        raise ExportProblem(say("export", "choose"))
    path = Path(text).expanduser().absolute()
    if os.path.lexists(path):
        raise ExportProblem(say("export", "exists", path=visible(str(path))))
    if not path.parent.is_dir():
        raise ExportProblem(say("export", "no_folder", folder=visible(str(path.parent))))
    return path


class ExportScreen(Screen[None]):
    CSS_PATH = stylesheet("export.tcss")
    BINDINGS = [
        bind("export-write", "write"),
        bind("export-back", "app.pop_screen"),
    ]
    text: str  # the section of screens.toml with this screen's words
    formats: tuple[tuple[str, str], ...]  # (kind, file suffix), the first chosen; words in
    # [export.formats] of screens.toml

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today or clock.today()

    def compose(self) -> ComposeResult:
        first = self.formats[0]
        with VerticalScroll(classes="export-body"):
            yield Static(say(self.text, "title"), classes="title", markup=False)
            yield Static(say(self.text, "intro"), markup=False)
            yield Static(say(self.text, "warning"), classes="export-warning", markup=False)
            yield Label(say("export", "format"), classes="field-label", markup=False)
            yield Select(
                [(say("export.formats", kind), kind) for kind, _ in self.formats],
                value=first[0],
                allow_blank=False,
                id="export-format",
            )
            yield from self.more_fields()
            yield Label(say("export", "file"), classes="field-label", markup=False)
            yield PlainInput(self._default_path(first[1]), id="export-file")
        yield Static("", classes="export-message", markup=False)
        yield CairnFooter()

    def more_fields(self) -> Iterable[Widget]:
        """Fields a kind of export adds between the format and the file."""
        return ()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.set_focus(self.query_one("#export-format", Select))
        # Focusing scrolls the field into view; the title and the warning should show first.
        body = self.query_one(".export-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    def _default_path(self, suffix: str) -> str:
        return str(Path.home() / default_file_name(self.today, suffix))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "export-format":
            return
        field = self.query_one("#export-file", Input)
        suffix = dict(self.formats)[str(event.value)]
        for _, other in self.formats:
            if other != suffix and field.value.endswith(other):
                field.value = field.value.removesuffix(other) + suffix

    def check_more(self) -> None:
        """Raise ExportProblem if the added fields are not usable."""

    def document(self, kind: str, path: Path) -> tuple[str, str]:
        """The text to write, and the sentence that says it was written to ``path``."""
        raise NotImplementedError

    def _target(self) -> Path:
        return target_path(self.query_one("#export-file", Input).value)

    def action_write(self) -> None:
        message = self.query_one(".export-message", Static)
        try:
            self.check_more()
            path = self._target()
        except ExportProblem as problem:
            message.update(str(problem))
            return
        kind = str(self.query_one("#export-format", Select).value)
        ask(
            self,
            self.question(kind),
            keys=("yes", "no"),
            then=lambda: self._write(kind, path),
            path=path,
        )

    def question(self, kind: str) -> str:
        """The section of the question asked before writing this kind of file."""
        return f"{self.text}.confirm"

    def _write(self, kind: str, path: Path) -> None:
        message = self.query_one(".export-message", Static)
        document, written = self.document(kind, path)
        try:
            export.write_file(path, document.encode("utf-8"), overwrite=False)
        except VaultExists:
            message.update(say("export", "exists", path=path))
            return
        except VaultError as problem:
            message.update(str(problem))
            return
        message.update(written)
