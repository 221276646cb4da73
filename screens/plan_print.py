"""Print the safety plan: a web page or plain text, written to a new file only after a plain
warning that the file is not encrypted."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult

from tui import export, safety_plan

from ._emergency import EmergencyBar
from ._export_screen import ExportScreen
from ._text import say


class PlanPrintScreen(ExportScreen):
    text = "plan.print"
    formats = (
        ("plan-html", ".html"),
        ("plan-text", ".txt"),
        ("trusted-card-html", ".html"),
        ("trusted-card-text", ".txt"),
    )

    def compose(self) -> ComposeResult:
        yield EmergencyBar(safety_plan.load(self.session.unlocked))
        yield from super().compose()

    def document(self, kind: str, path: Path) -> tuple[str, str]:
        return export.render(self.session.unlocked, kind), say("plan.print", "written", path=path)
