"""The screens' own words, read from tui/content/screens.toml (text is data, not code)."""

from __future__ import annotations

from functools import cache
from typing import Any

from tui.content import load_toml


@cache
def screen_text() -> dict[str, Any]:
    return load_toml("screens.toml")


class _Words:
    # The discreet setting: the words most telling at a glance (on home, the plan's
    # emergency line, the titles) are replaced by the neutral ones in [discreet].
    discreet = False


def use_discreet_words(on: bool) -> None:
    _Words.discreet = on


def discreet() -> bool:
    return _Words.discreet


def _lookup(root: Any, section: str, key: str) -> Any:
    node = root
    for part in section.split("."):
        node = node[part]
    return node[key]


def say(section: str, key: str, /, **values: object) -> str:
    text: Any = None
    if _Words.discreet:
        try:
            text = _lookup(screen_text()["discreet"], section, key)
        except KeyError:
            text = None
    if text is None:
        text = _lookup(screen_text(), section, key)
    return str(text).format(**values) if values else str(text)
