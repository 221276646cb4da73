"""A binding made from its id: its keys from the table of every binding (tui/keys.py), its
words from the catalogue ([bindings] in tui/content/screens.toml). One id, one place for
each: the person's keymap moves the keys, the catalogue says the words."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from tui.keys import DEFAULT_KEYS

from ._text import knows, say


def bind(binding_id: str, action: str, **options: Any) -> Binding:
    return Binding(
        DEFAULT_KEYS[binding_id], action, say("bindings", binding_id), id=binding_id, **options
    )


def described(binding: Binding) -> str:
    """A binding's words in the language chosen now. Bindings are made when their screen's
    module is imported; their words are looked up again by id wherever they are shown (the
    footer, the list of keys), so a language chosen later is the one on screen."""
    if binding.id and knows("bindings", binding.id):
        return say("bindings", binding.id)
    if binding.id and binding.id.startswith("question-") and binding.id[9:].isdigit():
        from tui import questionnaire

        return say("answers", questionnaire.ANSWERS[int(binding.id[9:]) - 1])
    return binding.description
