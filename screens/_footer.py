"""The footer with the panic key always first and the help key next, so neither is cut off
on the right of a narrow terminal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tui.textual_compat import FooterKey

from ._keys import bind, described

PANIC_ACTIONS = frozenset({"panic", "app.panic"})
HELP_ACTIONS = frozenset({"help_now", "app.help_now"})
KEYS_ACTIONS = frozenset({"show_keys", "app.show_keys"})

# A modal screen hides the app's bindings from the footer, so each modal lists the panic key
# itself. Same id as the app's binding: the person's keymap moves both.
MODAL_PANIC = bind("panic", "app.panic")


class CairnFooter(Footer):
    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        # The footer shows, for each action, the first shown binding that has it, and the
        # palette's own (not "shown") at the end (Textual's Footer.compose): each with its
        # words in the language chosen now, looked up by its id.
        bindings: dict[str, Binding] = {}
        for shown in (True, False):
            for active in self.screen.active_bindings.values():
                if active.binding.show == shown:
                    bindings.setdefault(active.binding.action, active.binding)
        for key in keys:
            if isinstance(key, FooterKey) and key.description and key.action in bindings:
                key.description = described(bindings[key.action])
        first = []
        for actions in (PANIC_ACTIONS, HELP_ACTIONS, KEYS_ACTIONS):
            first += [k for k in keys if isinstance(k, FooterKey) and k.action in actions]
        # Panic, then help, then the list of every key: all three survive a narrow terminal.
        yield from first
        yield from (k for k in keys if k not in first)
