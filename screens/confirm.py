"""A plain yes-or-no question over the current screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from styles import stylesheet

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._text import say


class ConfirmScreen(ModalScreen[bool]):
    """Returns True for ``yes_key``, False for ``no_key`` or Escape."""

    offers_quick_note = False  # not while locking, unlocking or answering a question

    CSS_PATH = stylesheet("confirm.tcss")
    BINDINGS = [
        bind("confirm-back", "answer(False)", show=False),
        MODAL_PANIC,
    ]

    def __init__(self, title: str, body: str, *, yes: tuple[str, str], no: tuple[str, str]):
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes_key, self.yes_text = yes
        self.no_key, self.no_text = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.body, id="confirm-body", markup=False)
            yield Static(f"{self.yes_text}    {self.no_text}", id="confirm-keys", markup=False)
        yield CairnFooter()

    def on_key(self, event: events.Key) -> None:
        if event.key == self.yes_key:
            event.stop()
            self.dismiss(True)
        elif event.key == self.no_key:
            event.stop()
            self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def ask(
    screen: Screen[Any],
    section: str,
    *,
    keys: tuple[str, str],
    then: Callable[[], object],
    **values: object,
) -> None:
    """Ask the question in ``section`` of the screens' text (its ``title``, ``body``, ``yes``
    and ``no``); run ``then`` only if the answer is yes. ``keys`` name the yes and no keys
    in [confirm_keys] ("yes", "discard", ...): each language has letters of its own words."""
    yes_key, no_key = (say("confirm_keys", name) for name in keys)

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    screen.app.push_screen(
        ConfirmScreen(
            say(section, "title", **values),
            say(section, "body", **values),
            yes=(yes_key, say(section, "yes")),
            no=(no_key, say(section, "no")),
        ),
        answered,
    )


def leave_asking_first(screen: Screen[Any], *, unsaved: bool, then: Callable[[], object]) -> None:
    """Leave an editor: at once when nothing is unsaved, else only after the person agrees."""
    if unsaved:
        ask_to_discard(screen, then=then)
    else:
        then()


def ask_to_discard(screen: Screen[Any], then: Callable[[], object]) -> None:
    """Before leaving an editor with unsaved text: throw it away (D) or keep editing (K)."""
    ask(screen, "leave", keys=("discard", "keep"), then=then)
