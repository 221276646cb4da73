"""First run: choose a passphrase (twice, with plain guidance) and create the vault."""

from __future__ import annotations

import asyncio

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from styles import stylesheet
from tui import unlocking
from tui.passphrase_policy import new_passphrase_problem
from tui.session import Session
from tui.vault import VaultError

from ._focus import focus_then_cue
from ._footer import CairnFooter
from ._keys import bind
from ._passphrase_hint import strength_hint, suggestion
from ._plain import FormBody, PlainInput
from ._text import say

SUGGEST_ID = "create-suggest"


class CreateScreen(Screen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("create.tcss")
    BINDINGS = [bind(SUGGEST_ID, "suggest")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with FormBody(id="create-body"):
            yield Static(say("create", "title"), classes="title", markup=False)
            yield Static(say("create", "intro"), classes="paragraph", markup=False)
            yield PlainInput(placeholder=say("create", "first"), password=True, id="first")
            yield Static("", id="strength", markup=False)
            yield PlainInput(placeholder=say("create", "second"), password=True, id="second")
            yield Static("", id="suggestion", markup=False)
            yield Static("", id="create-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.query_one("#second", Input).cursor_blink = False
        hint = self.query_one("#strength", Static)
        focus_then_cue(self, self.query_one("#first", Input), hint, self._hint(""))

    @on(events.DescendantFocus)
    def say_which_field(self, event: events.DescendantFocus) -> None:
        hint = self.query_one("#strength", Static)
        if event.widget.id == "second":
            hint.update(say("create", "again"))
        elif event.widget.id == "first":
            hint.update(self._hint(self.query_one("#first", Input).value))

    @on(Input.Changed, "#first")
    def show_strength(self, event: Input.Changed) -> None:
        self.query_one("#strength", Static).update(self._hint(event.value))

    def _hint(self, passphrase: str) -> str:
        return strength_hint(self.session, passphrase, SUGGEST_ID)

    def action_suggest(self) -> None:
        """Seven random words, shown until the vault is made; typed in by the person, so
        that typing it twice is the first practice of remembering it."""
        self.query_one("#suggestion", Static).update(suggestion(self.session, SUGGEST_ID))

    @on(Input.Submitted, "#first")
    def to_second(self) -> None:
        self.set_focus(self.query_one("#second", Input))

    @on(Input.Submitted, "#second")
    def create(self) -> None:
        first = self.query_one("#first", Input).value
        second = self.query_one("#second", Input).value
        message = self.query_one("#create-message", Static)
        problem = new_passphrase_problem(first, second)
        if problem is not None:
            message.update(str(problem))
            return
        for field in self.query(Input):
            field.disabled = True
        message.update(say("create", "working"))
        # A worker, so this screen keeps repainting while Argon2 runs (see UnlockScreen).
        self.run_worker(self._create(first), name="create", exclusive=True)

    async def _create(self, passphrase: str) -> None:
        message = self.query_one("#create-message", Static)
        try:
            # Off the UI thread: the panic key keeps working while Argon2 runs.
            vault, code = await asyncio.to_thread(
                unlocking.create_vault, self.session.vault_path, passphrase
            )
        except VaultError as error:
            message.update(str(error))
            for field in self.query(Input):
                field.disabled = False
            return
        self.session.vault = vault
        from .recovery import RecoveryScreen

        self.app.switch_screen(RecoveryScreen(self.session, code))
