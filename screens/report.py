"""Write a printable report of the journal (Markdown or HTML) to a new file, after a
plain warning that the file is not encrypted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from tui import bundle, journal, report
from tui.vault import VaultError
from tui.visible import visible
from tui.words import plural

from ._export_screen import ExportProblem, ExportScreen
from ._plain import PlainInput
from ._text import say, say_count


class ReportScreen(ExportScreen):
    text = "report"
    formats = (("html", ".html"), ("markdown", ".md"), ("bundle", ".age"))

    def more_fields(self) -> Iterable[Widget]:
        yield Label(say("report", "start"), classes="field-label", markup=False)
        yield PlainInput(id="report-start")
        yield Label(say("report", "end"), classes="field-label", markup=False)
        yield PlainInput(id="report-end")
        yield Label(say("report", "tags"), classes="field-label", markup=False)
        yield PlainInput(id="report-tags")
        yield Checkbox(say("report", "felt"), value=True, id="report-felt")
        yield Checkbox(say("report", "daily"), value=True, id="report-daily")
        yield Label(say("report", "language"), classes="field-label", markup=False)
        yield Select(
            [(say("report.languages", key), key) for key in ("own", "both")],
            value="own",
            allow_blank=False,
            id="report-language",
        )
        yield Label(say("report", "recipient"), classes="field-label", markup=False)
        yield PlainInput(placeholder=say("report", "recipient_hint"), id="report-recipient")

    def _choice(self) -> report.Choice:
        start = _day(self.query_one("#report-start", Input).value, say("report", "from"))
        end = _day(self.query_one("#report-end", Input).value, say("report", "to"))
        if start and end and start > end:
            raise ExportProblem(say("report", "backwards"))
        return report.Choice(
            start=start,
            end=end,
            tags=journal.split_tags(self.query_one("#report-tags", Input).value),
            felt=self.query_one("#report-felt", Checkbox).value,
            daily=self.query_one("#report-daily", Checkbox).value,
            bilingual=self.query_one("#report-language", Select).value == "both",
        )

    def check_more(self) -> None:
        self._choice()
        if self._kind() == "bundle":
            self._recipients()

    def _kind(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    def _recipients(self) -> list[Any]:
        typed = self.query_one("#report-recipient", Input).value
        if not typed.strip():
            raise ExportProblem(say("report", "recipient_needed"))
        try:
            return bundle.recipients_from(typed)
        except VaultError as problem:
            raise ExportProblem(str(problem)) from None

    def question(self, kind: str) -> str:
        return "report.bundle_confirm" if kind == "bundle" else "report.confirm"

    def _write(self, kind: str, path: Path) -> None:
        if kind != "bundle":
            super()._write(kind, path)
            return
        message = self.query_one(".export-message", Static)
        try:
            recipients, choice = self._recipients(), self._choice()
        except ExportProblem as problem:
            message.update(str(problem))
            return
        message.update(say("report", "bundle_working"))
        self.run_worker(
            lambda: self._seal(path, choice, recipients), thread=True, exit_on_error=False
        )

    def _seal(self, path: Path, choice: report.Choice, recipients: list[Any]) -> None:
        try:
            made = bundle.make_bundle(self.session.unlocked, path, choice, recipients=recipients)
        except VaultError as problem:
            said = str(problem)
        else:
            said = say(
                "report",
                "bundle_written",
                path=visible(str(made.path)),
                exhibits=plural("count.exhibits", made.exhibits),
                head=made.chain_head[:16],
            )
        self.app.call_from_thread(self.query_one(".export-message", Static).update, said)

    def document(self, kind: str, path: Path) -> tuple[str, str]:
        record = report.collect(self.session.unlocked, self._choice())
        written = say_count("report", "written", len(record.entries), path=path)
        return report.FORMATS[kind](record), written


def _day(text: str, which: str) -> date | None:
    try:
        return journal.parse_day(text)
    except journal.BadTime:
        raise ExportProblem(say("report", "bad_day", which=which)) from None
