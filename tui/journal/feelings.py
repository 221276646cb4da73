"""A gentle check that the facts field holds facts: sentences with words that usually carry
a feeling or a judgement can be moved to "How I felt", where they are kept apart on purpose."""

from __future__ import annotations

import re
from functools import cache

from ..content import load_toml

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted((str(w) for w in load_toml("journal.toml")["feelings"]["words"]), key=len)
    alternatives = "|".join(re.escape(word) for word in reversed(words))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def feeling_words(text: str) -> list[str]:
    """The feeling or judgement words found, each once, in the order they appear."""
    found: list[str] = []
    for match in _pattern().finditer(text):
        word = match.group(0).lower()
        if word not in found:
            found.append(word)
    return found


def split_feelings(text: str) -> tuple[str, str]:
    """(facts, feelings): the sentences with feeling words moved out, the rest kept as is."""
    facts: list[str] = []
    feelings: list[str] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        if not sentence.strip():
            facts.append(sentence)
        elif _pattern().search(sentence):
            feelings.append(sentence.strip())
        else:
            facts.append(sentence)
    return "".join(facts).strip(), " ".join(feelings)
