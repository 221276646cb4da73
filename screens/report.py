"""Write a printable report of the journal (Markdown or HTML) to a new file, after a
plain warning that the file is not encrypted."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static

from styles import stylesheet
from tui import export, journal, report
from tui.session import Session
from tui.vault import VaultError, VaultExists

from ._footer import CairnFooter
from ._plain import PlainInput
from ._text import say
from .confirm import ask

SUFFIX = {"markdown": ".md", "html": ".html"}


class ReportProblem(ValueError):
    """What is wrong with the report's settings, in one sentence."""


class ReportScreen(Screen[None]):
    CSS_PATH = stylesheet("report.tcss")
    BINDINGS = [
        Binding("ctrl+s", "write", "Write the report", id="report-write"),
        Binding("escape", "app.pop_screen", "Back", id="report-back"),
    ]

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today or date.today()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="report-body"):
            yield Static(say("report", "title"), classes="title", markup=False)
            yield Static(say("report", "intro"), markup=False)
            yield Static(say("report", "warning"), id="report-warning", markup=False)
            yield Label(say("report", "format"), classes="field-label", markup=False)
            yield Select(
                [("Markdown (.md)", "markdown"), ("Web page for printing (.html)", "html")],
                value="html",
                allow_blank=False,
                id="report-format",
            )
            yield Label(say("report", "start"), classes="field-label", markup=False)
            yield PlainInput(id="report-start")
            yield Label(say("report", "end"), classes="field-label", markup=False)
            yield PlainInput(id="report-end")
            yield Label(say("report", "file"), classes="field-label", markup=False)
            yield PlainInput(self._default_path("html"), id="report-file")
        yield Static("", id="report-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.set_focus(self.query_one("#report-format", Select))

    def _default_path(self, kind: str) -> str:
        return str(Path.home() / f"journal-report-{self.today:%Y-%m-%d}{SUFFIX[kind]}")

    def on_select_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#report-file", Input)
        kind = str(event.value)
        for other, suffix in SUFFIX.items():
            if other != kind and field.value.endswith(suffix):
                field.value = field.value.removesuffix(suffix) + SUFFIX[kind]

    def _settings(self) -> tuple[str, date | None, date | None, Path]:
        kind = str(self.query_one("#report-format", Select).value)
        start = _day(self.query_one("#report-start", Input).value, "From")
        end = _day(self.query_one("#report-end", Input).value, "To")
        if start and end and start > end:
            raise ReportProblem("The first day is after the last day.")
        text = self.query_one("#report-file", Input).value.strip()
        if not text:
            raise ReportProblem("Choose a file to write.")
        path = Path(text).expanduser().absolute()
        if os.path.lexists(path):
            raise ReportProblem(say("report", "exists", path=path))
        if not path.parent.is_dir():
            raise ReportProblem(say("report", "no_folder", folder=path.parent))
        return kind, start, end, path

    def action_write(self) -> None:
        message = self.query_one("#report-message", Static)
        try:
            kind, start, end, path = self._settings()
        except ReportProblem as problem:
            message.update(str(problem))
            return

        ask(
            self,
            "report.confirm",
            keys=("y", "n"),
            then=lambda: self._write(kind, start, end, path),
            path=path,
        )

    def _write(self, kind: str, start: date | None, end: date | None, path: Path) -> None:
        message = self.query_one("#report-message", Static)
        vault = self.session.unlocked
        record = report.collect(vault, start, end)
        document = report.FORMATS[kind](record)
        try:
            export.write_file(path, document.encode("utf-8"), overwrite=False)
        except VaultExists:
            message.update(say("report", "exists", path=path))
            return
        except VaultError as problem:
            message.update(str(problem))
            return
        message.update(say("report", "written", count=len(record.entries), path=path))


def _day(text: str, which: str) -> date | None:
    try:
        return journal.parse_day(text)
    except journal.BadTime:
        raise ReportProblem(f"{which}: write the day like 2026-11-24.") from None
