"""After unlocking: offer back the work that was sealed when Cairn last had to close, say
what it holds, and ask before throwing it away. A draft that could not be opened was moved
aside by the vault; this screen says so and where it is."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from styles import stylesheet
from tui.dates import long_moment
from tui.session import Session
from tui.visible import visible

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind
from ._text import knows, say
from .confirm import ask


def _items(draft: dict[str, Any]) -> list[dict[str, Any]]:
    items = draft.get("items", [])
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _holds(draft: dict[str, Any]) -> str:
    """What the kept work is, in the person's terms: 'a journal entry, a quick note'."""
    names = []
    for item in _items(draft):
        kind = str(item.get("kind"))
        name = (
            say("draft.kinds", kind)
            if knows("draft.kinds", kind)
            else say("draft", "kinds_unknown")
        )
        if name not in names:
            names.append(name)
    return ", ".join(names)


class DraftOfferScreen(ModalScreen[None]):
    offers_quick_note = False  # not while locking, unlocking or answering a question
    CSS_PATH = stylesheet("draft_offer.tcss")
    BINDINGS = [
        bind("draft-restore", "restore"),
        bind("draft-discard", "discard"),
        bind("draft-continue", "acknowledge"),
        MODAL_PANIC,
    ]

    def __init__(self, session: Session, draft: dict[str, Any]) -> None:
        super().__init__()
        self.session = session
        self.draft = draft
        self.has_work = bool(_items(draft))

    def compose(self) -> ComposeResult:
        with Vertical(id="draft-box"):
            yield Static(say("draft", "title"), id="draft-title", markup=False)
            if self.has_work:
                saved = long_moment(self.draft.get("saved")) or say("draft", "earlier")
                yield Static(say("draft", "body", saved=saved), markup=False)
                holds = say("draft", "holds", what=_holds(self.draft))
                yield Static(holds, id="draft-holds", markup=False)
            aside = [visible(str(name)) for name in self.draft.get("set_aside", []) if name]
            if aside:
                names = ", ".join(aside)
                yield Static(say("draft", "set_aside", names=names), id="draft-aside", markup=False)
            yield Static("", id="draft-message", markup=False)
        yield CairnFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("restore", "discard"):
            return self.has_work
        if action == "acknowledge":
            return not self.has_work
        return True

    def action_restore(self) -> None:
        screens = []
        for item in _items(self.draft):
            factory = self.session.draft_screens.get(str(item.get("kind")))
            if factory is None or not isinstance(item.get("state"), dict):
                continue
            try:
                screens.append(factory(self.session, item["state"]))
            except KeyError:  # a part this version does not have: it stays kept
                continue
        if not screens:
            self.query_one("#draft-message", Static).update(say("draft", "nothing_to_restore"))
            return
        self.dismiss()
        for screen in reversed(screens):  # items were sealed top of the stack first
            self.app.push_screen(screen)
        # The restored text now lives in its screen; a later panic seals it again.
        self.session.unlocked.discard_draft()

    def action_discard(self) -> None:
        def discard() -> None:
            self.session.unlocked.discard_draft()
            self.dismiss()

        ask(self, "draft.discard", keys=("discard", "keep"), then=discard, what=_holds(self.draft))

    def action_acknowledge(self) -> None:
        # Only the notice was kept: once read, it has done its work.
        self.session.unlocked.discard_draft()
        self.dismiss()
