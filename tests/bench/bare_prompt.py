"""The baseline for start-up: a bare Textual app that shows a title and one password input,
as Cairn's lock screen does, and nothing else. Run it as a script."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class BarePrompt(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Locked")
        yield Input(password=True, placeholder="Passphrase")


if __name__ == "__main__":
    BarePrompt().run()
