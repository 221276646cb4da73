"""The lock screen: one masked field, nothing that says what is behind it.

The key derivation runs in a thread, so the screen stays responsive and the panic key
still works while it runs. Repeated wrong passphrases wait longer each time.
"""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from styles import stylesheet
from tui import unlocking
from tui.session import Session
from tui.vault import VaultError, WrongPassphrase

from ._focus import focus_then_cue
from ._plain import PlainInput
from ._text import say

FREE_ATTEMPTS = 2
MAX_WAIT_SECONDS = 30


def wait_after(failures: int) -> int:
    """Seconds to wait after this many wrong passphrases in a row: 0, 0, 2, 4, 8, ... 30."""
    if failures <= FREE_ATTEMPTS:
        return 0
    return int(min(2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS))


class UnlockScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("unlock.tcss")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.failures = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Static("", id="unlock-title", markup=False)
            yield PlainInput(placeholder=say("unlock", "prompt"), password=True, id="secret")
            yield Static("", id="unlock-message", markup=False)

    def on_mount(self) -> None:
        title = self.query_one("#unlock-title", Static)
        focus_then_cue(self, self.query_one("#secret", Input), title, say("unlock", "title"))

    @on(Input.Submitted, "#secret")
    def unlock(self, event: Input.Submitted) -> None:
        if not event.value:
            return
        field = self.query_one("#secret", Input)
        field.value = ""
        field.disabled = True
        self.query_one("#unlock-message", Static).update(say("unlock", "working"))
        # A worker, not an await in this handler: awaiting here would hold this screen's
        # message queue, so nothing would repaint until the key derivation ended.
        self.run_worker(self._open(event.value), name="unlock", exclusive=True)

    async def _open(self, secret: str) -> None:
        try:
            opened = await asyncio.to_thread(
                unlocking.open_vault, self.session.vault_path, secret, self.session.read_only
            )
        except WrongPassphrase:
            self.failures += 1
            self._after_wrong_passphrase()
            return
        except VaultError as error:
            from .problem import ProblemScreen

            self.app.switch_screen(ProblemScreen(error))
            return
        self._open_home(opened, secret)

    def _after_wrong_passphrase(self) -> None:
        field = self.query_one("#secret", Input)
        message = self.query_one("#unlock-message", Static)
        seconds = wait_after(self.failures)
        if seconds == 0:
            message.update(say("unlock", "wrong"))
            field.disabled = False
            self.set_focus(field)
            return
        message.update(say("unlock", "wrong") + " " + say("unlock", "wait", seconds=seconds))

        def ready() -> None:
            message.update("")
            field.disabled = False
            self.set_focus(field)

        self.set_timer(seconds, ready, name="unlock-wait")

    def _open_home(self, opened: unlocking.Opened, secret: str) -> None:
        from .attempts import AttemptsScreen
        from .draft_offer import DraftOfferScreen
        from .home import HomeScreen
        from .quick_note import QuickNoteScreen
        from .recovery import RecoveryOfferScreen

        after = unlocking.settle(self.session, opened)
        if self.session.start == "quick-log":
            # `cairn log` in a terminal: straight to one field; the rest waits for next time.
            self.app.switch_screen(QuickNoteScreen(self.session, then_exit=True))
            if opened.attempts:
                self.app.push_screen(AttemptsScreen(opened.attempts))
            return
        self.app.switch_screen(HomeScreen(self.session))
        if after.draft is not None:
            self.app.push_screen(DraftOfferScreen(self.session, after.draft))
        if after.offer_new_code:
            self.app.push_screen(RecoveryOfferScreen(self.session, secret))
        if opened.attempts:  # on top: the first thing seen after unlocking
            self.app.push_screen(AttemptsScreen(opened.attempts))
