"""Every key of the screen underneath, with what it does: the keys a narrow terminal's
footer cannot fit are one key (F9) or one palette command away."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from styles import stylesheet
from tui.config import key_label

from ._footer import MODAL_PANIC, CairnFooter
from ._keys import bind, described
from ._text import say


def keys_of(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, what they do) for every binding active on ``screen``, the screen's own first,
    hidden ones included; keys that do the same thing are listed together."""
    found: dict[tuple[str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        place = (described(binding), binding.action)
        found.setdefault(place, [])
        label = key_label(key)
        if label not in found[place]:
            found[place].append(label)
    return [(", ".join(keys), description) for (description, _), keys in found.items()]


class KeysScreen(ModalScreen[None]):
    offers_quick_note = False
    CSS_PATH = stylesheet("keys_list.tcss")
    BINDINGS = [
        bind("keys-back", "dismiss"),
        MODAL_PANIC,
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.rows = keys_of(screen)

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _ in self.rows), default=0) + 2
        lines = Content("\n").join(
            Content.assemble((f"{keys:<{width}}", "bold"), what) for keys, what in self.rows
        )
        with Vertical(id="keys-box"):
            yield Static(say("keys", "title"), classes="title", markup=False)
            with VerticalScroll(id="keys-scroll"):
                yield Static(lines, id="keys-rows", markup=False)
            yield Static(say("keys", "back"), classes="keys-hint", markup=False)
        yield CairnFooter()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss()
