"""The recovery code, shown once, confirmed by typing its last four characters.

Until it is confirmed the vault remembers that it is not (see ``Vault.create`` and
``Vault.replace_recovery_code``): a panic, an idle lock or a quit while the code is on the
screen is then noticed at the next unlock, which offers a new code (``RecoveryOfferScreen``).
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from styles import stylesheet
from tui.session import Session
from tui.vault import VaultError

from ._focus import focus_then_cue
from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._plain import FormBody, PlainInput
from ._text import say

AfterConfirming = Literal["privacy", "home", "back"]


class RecoveryScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("recovery.tcss")

    def __init__(
        self,
        session: Session,
        code: str,
        *,
        then: AfterConfirming = "privacy",
        intro: str = "intro",
    ) -> None:
        super().__init__()
        self.session = session
        self._code = code
        self._then = then
        self._intro = intro

    def compose(self) -> ComposeResult:
        with FormBody(id="recovery-body"):
            yield Static(say("recovery", "title"), classes="title", markup=False)
            yield Static(say("recovery", self._intro), classes="paragraph", markup=False)
            yield Static(self._code, id="code", markup=False)
            yield Static("", id="confirm-prompt", classes="paragraph", markup=False)
            yield PlainInput(max_length=9, id="confirm")
            yield Static("", id="recovery-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        prompt = self.query_one("#confirm-prompt", Static)
        focus_then_cue(self, self.query_one("#confirm", Input), prompt, say("recovery", "confirm"))

    @on(Input.Submitted, "#confirm")
    def confirm(self, event: Input.Submitted) -> None:
        typed = "".join(event.value.split()).upper()
        message = self.query_one("#recovery-message", Static)
        if typed != self._code[-4:]:
            message.update(say("recovery", "mismatch"))
            return
        try:
            self.session.unlocked.confirm_recovery_code()
        except VaultError as problem:
            message.update(str(problem))  # asked again at the next unlock: nothing is lost
            return
        self._code = ""
        if self._then == "privacy":
            from .privacy import PrivacyScreen

            # Once, with a new vault: what others on this machine could notice; then home.
            self.app.switch_screen(PrivacyScreen(self.session, then_home=True))
        elif self._then == "home":
            from .home import HomeScreen

            self.app.switch_screen(HomeScreen(self.session))
        else:
            self.dismiss()


class RecoveryOfferScreen(ModalScreen[None]):
    """After an unlock: the last recovery code shown was never confirmed. Say so plainly and
    offer a new one (the old one then stops working), or keep the one the person has."""

    offers_quick_note = False
    CSS_PATH = stylesheet("recovery.tcss")
    BINDINGS = [
        bind("recovery-offer-new", "new_code"),
        bind("recovery-offer-keep", "keep"),
        MODAL_PANIC,
    ]

    def __init__(self, session: Session, passphrase: str | None) -> None:
        super().__init__()
        self.session = session
        self._passphrase = passphrase  # only while this question is open

    def compose(self) -> ComposeResult:
        with Vertical(id="recovery-offer-box"):
            yield Static(say("recovery_offer", "title"), classes="title", markup=False)
            yield Static(say("recovery_offer", "body"), classes="paragraph", markup=False)
            yield Static(say("recovery_offer", "keys"), markup=False)
            yield Static("", id="recovery-offer-message", markup=False)
        yield CairnFooter()

    def action_new_code(self) -> None:
        message = self.query_one("#recovery-offer-message", Static)
        if self._passphrase is None:
            message.update(say("recovery_offer", "needs_passphrase"))
            return
        message.update(say("recovery_offer", "working"))
        self.run_worker(self._make_code(self._passphrase), exclusive=True)

    async def _make_code(self, passphrase: str) -> None:
        import asyncio

        vault = self.session.unlocked
        try:
            code = await asyncio.to_thread(
                vault.replace_recovery_code, passphrase, confirm_later=True
            )
        except VaultError as problem:
            self.query_one("#recovery-offer-message", Static).update(str(problem))
            return
        self._passphrase = None
        self.dismiss()
        self.app.push_screen(RecoveryScreen(self.session, code, then="back", intro="intro_new"))

    def action_keep(self) -> None:
        try:
            self.session.unlocked.confirm_recovery_code()
        except VaultError as problem:
            self.query_one("#recovery-offer-message", Static).update(str(problem))
            return
        self._passphrase = None
        self.dismiss()
