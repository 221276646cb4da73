"""The privacy check on screen: what others on this machine could notice, each finding with
what the person can do. From the palette at any time, and once right after the vault is made.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from styles import stylesheet
from tui import privacy
from tui.session import Session

from ._footer import CairnFooter
from ._keys import bind


class PrivacyScreen(Screen[None]):
    CSS_PATH = stylesheet("privacy.tcss")
    BINDINGS = [
        bind("privacy-back", "go_on"),
        bind("privacy-go-on", "go_on", show=False),
    ]

    def __init__(self, session: Session, *, then_home: bool = False) -> None:
        super().__init__()
        self.session = session
        self.then_home = then_home  # shown once after the vault was made: home comes next

    def compose(self) -> ComposeResult:
        findings = privacy.check(self.session.vault_path)
        with VerticalScroll(id="privacy-body"):
            yield Static(privacy.words("title"), classes="title", markup=False)
            yield Static(privacy.words("intro"), classes="paragraph", markup=False)
            for finding in findings:
                yield Static(
                    f"{privacy.words(finding.level)}: {finding.heading}",
                    classes=f"finding-heading -{finding.level}",
                    markup=False,
                )
                yield Static(finding.seen, classes="finding-seen", markup=False)
                yield Static(
                    f"{privacy.words('todo')}: {finding.what_to_do}",
                    classes="finding-todo",
                    markup=False,
                )
            yield Static(privacy.words("leave"), classes="paragraph", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.query_one("#privacy-body", VerticalScroll).focus()  # arrows and PgDn scroll

    def action_go_on(self) -> None:
        if self.then_home:
            from .home import HomeScreen

            self.app.switch_screen(HomeScreen(self.session))
        else:
            self.dismiss()
