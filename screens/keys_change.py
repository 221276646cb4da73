"""Changing the passphrase, and making a new recovery code, from inside the app.

Both need the current passphrase, typed again: someone who finds Cairn open must not be
able to lock its owner out. Both seal everything under a new key (``Vault.change_passphrase``
and ``Vault.replace_recovery_code``), off the UI thread, so the panic key keeps working
while Argon2 runs. Nothing typed here is ever kept as a draft.
"""

from __future__ import annotations

import asyncio

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from styles import stylesheet
from tui.passphrase_policy import new_passphrase_problem
from tui.session import Session
from tui.vault import PassphraseNeeded, VaultError, WrongPassphrase

from ._focus import focus_then_cue
from ._footer import CairnFooter
from ._keys import bind
from ._passphrase_hint import strength_hint, suggestion
from ._plain import FormBody, PlainInput
from ._text import say

SUGGEST_ID = "change-passphrase-suggest"


class ChangePassphraseScreen(Screen[None]):
    CSS_PATH = stylesheet("keys_change.tcss")
    BINDINGS = [
        bind("change-passphrase-back", "app.pop_screen"),
        bind(SUGGEST_ID, "suggest"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with FormBody(id="keys-body"):
            yield Static(say("change_passphrase", "title"), classes="title", markup=False)
            yield Static(say("change_passphrase", "intro"), classes="paragraph", markup=False)
            yield PlainInput(
                placeholder=say("change_passphrase", "current"), password=True, id="current"
            )
            yield PlainInput(
                placeholder=say("change_passphrase", "first"), password=True, id="first"
            )
            yield Static("", id="keys-hint", markup=False)
            yield PlainInput(
                placeholder=say("change_passphrase", "second"), password=True, id="second"
            )
            yield Static("", id="keys-suggestion", markup=False)
            yield Static("", id="keys-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        hint = self.query_one("#keys-hint", Static)
        focus_then_cue(
            self, self.query_one("#current", Input), hint, say("change_passphrase", "cue")
        )

    @on(events.DescendantFocus)
    def say_which_field(self, event: events.DescendantFocus) -> None:
        hint = self.query_one("#keys-hint", Static)
        if event.widget.id == "first":
            hint.update(self._hint(self.query_one("#first", Input).value))
        elif event.widget.id == "second":
            hint.update(say("create", "again"))

    @on(Input.Changed, "#first")
    def show_strength(self, event: Input.Changed) -> None:
        self.query_one("#keys-hint", Static).update(self._hint(event.value))

    def _hint(self, passphrase: str) -> str:
        return strength_hint(self.session, passphrase, SUGGEST_ID)

    def action_suggest(self) -> None:
        self.query_one("#keys-suggestion", Static).update(suggestion(self.session, SUGGEST_ID))

    @on(Input.Submitted, "#current")
    def to_first(self) -> None:
        self.set_focus(self.query_one("#first", Input))

    @on(Input.Submitted, "#first")
    def to_second(self) -> None:
        self.set_focus(self.query_one("#second", Input))

    @on(Input.Submitted, "#second")
    def change(self) -> None:
        current = self.query_one("#current", Input).value
        first = self.query_one("#first", Input).value
        second = self.query_one("#second", Input).value
        message = self.query_one("#keys-message", Static)
        if not current:
            message.update(say("change_passphrase", "current_missing"))
            self.set_focus(self.query_one("#current", Input))
            return
        problem = new_passphrase_problem(first, second)
        if problem is not None:
            message.update(str(problem))
            return
        for field in self.query(Input):
            field.disabled = True
        message.update(say("change_passphrase", "working"))
        self.run_worker(self._change(current, first), name="change-passphrase", exclusive=True)

    async def _change(self, current: str, new: str) -> None:
        message = self.query_one("#keys-message", Static)
        try:
            code = await asyncio.to_thread(self.session.unlocked.change_passphrase, current, new)
        except VaultError as problem:
            wrong = isinstance(problem, WrongPassphrase)
            message.update(say("change_passphrase", "wrong") if wrong else str(problem))
            for field in self.query(Input):
                field.disabled = False
                field.value = ""
            self.set_focus(self.query_one("#current", Input))
            return
        for field in self.query(Input):
            field.value = ""
        if code is None:
            message.update(say("change_passphrase", "done"))
            return
        from .recovery import RecoveryScreen

        # A vault from an earlier version: its recovery code could not follow the new key.
        self.app.switch_screen(RecoveryScreen(self.session, code, then="back", intro="intro_old"))


class NewRecoveryCodeScreen(Screen[None]):
    CSS_PATH = stylesheet("keys_change.tcss")
    BINDINGS = [bind("new-code-back", "app.pop_screen")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with FormBody(id="keys-body"):
            yield Static(say("new_code", "title"), classes="title", markup=False)
            yield Static(say("new_code", "intro"), classes="paragraph", markup=False)
            yield PlainInput(placeholder=say("new_code", "passphrase"), password=True, id="current")
            yield Static("", id="keys-hint", markup=False)
            yield Static("", id="keys-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        hint = self.query_one("#keys-hint", Static)
        focus_then_cue(self, self.query_one("#current", Input), hint, say("new_code", "cue"))

    @on(Input.Submitted, "#current")
    def make(self, event: Input.Submitted) -> None:
        if not event.value:
            return
        field = self.query_one("#current", Input)
        field.disabled = True
        self.query_one("#keys-message", Static).update(say("new_code", "working"))
        self.run_worker(self._make(event.value), name="new-code", exclusive=True)

    async def _make(self, passphrase: str) -> None:
        field = self.query_one("#current", Input)
        field.value = ""
        try:
            code = await asyncio.to_thread(
                self.session.unlocked.replace_recovery_code, passphrase, confirm_later=True
            )
        except VaultError as problem:
            wrong = isinstance(problem, WrongPassphrase | PassphraseNeeded)
            text = say("new_code", "wrong") if wrong else str(problem)
            self.query_one("#keys-message", Static).update(text)
            field.disabled = False
            self.set_focus(field)
            return
        from .recovery import RecoveryScreen

        self.app.switch_screen(RecoveryScreen(self.session, code, then="back", intro="intro_new"))
