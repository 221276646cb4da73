"""Write a printable report of the journal (Markdown or HTML) to a new file, after a
plain warning that the file is not encrypted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label

from tui import journal, report

from ._export_screen import ExportProblem, ExportScreen
from ._plain import PlainInput
from ._text import say


class ReportScreen(ExportScreen):
    text = "report"
    formats = (
        ("Web page for printing (.html)", "html", ".html"),
        ("Markdown (.md)", "markdown", ".md"),
    )

    def more_fields(self) -> Iterable[Widget]:
        yield Label(say("report", "start"), classes="field-label", markup=False)
        yield PlainInput(id="report-start")
        yield Label(say("report", "end"), classes="field-label", markup=False)
        yield PlainInput(id="report-end")
        yield Label(say("report", "tags"), classes="field-label", markup=False)
        yield PlainInput(id="report-tags")
        yield Checkbox(say("report", "felt"), value=True, id="report-felt")
        yield Checkbox(say("report", "daily"), value=True, id="report-daily")

    def _choice(self) -> report.Choice:
        start = _day(self.query_one("#report-start", Input).value, "From")
        end = _day(self.query_one("#report-end", Input).value, "To")
        if start and end and start > end:
            raise ExportProblem("The first day is after the last day.")
        return report.Choice(
            start=start,
            end=end,
            tags=journal.split_tags(self.query_one("#report-tags", Input).value),
            felt=self.query_one("#report-felt", Checkbox).value,
            daily=self.query_one("#report-daily", Checkbox).value,
        )

    def check_more(self) -> None:
        self._choice()

    def document(self, kind: str, path: Path) -> tuple[str, str]:
        record = report.collect(self.session.unlocked, self._choice())
        written = say("report", "written", count=len(record.entries), path=path)
        return report.FORMATS[kind](record), written


def _day(text: str, which: str) -> date | None:
    try:
        return journal.parse_day(text)
    except journal.BadTime:
        raise ExportProblem(f"{which}: write the day like 2026-11-24.") from None
