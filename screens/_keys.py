"""A binding made from its id: its keys from the table of every binding (tui/keys.py), its
words from the catalogue ([bindings] in tui/content/screens.toml). One id, one place for
each: the person's keymap moves the keys, the catalogue says the words."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from tui.keys import DEFAULT_KEYS

from ._text import say


def bind(binding_id: str, action: str, **options: Any) -> Binding:
    return Binding(
        DEFAULT_KEYS[binding_id], action, say("bindings", binding_id), id=binding_id, **options
    )
