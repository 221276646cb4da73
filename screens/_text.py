"""The screens' own words, read from tui/content/screens.toml (text is data, not code)."""

from __future__ import annotations

from typing import Any

from tui.content.bundle import content
from tui.content.checks import ContentProblem


def screen_text() -> dict[str, Any]:
    return content().screens


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
    if not isinstance(node, dict):
        raise KeyError(section)
    return node[key]


def knows(section: str, key: str) -> bool:
    """Whether the catalogue has this word: for keys that come from data (a kind of kept
    work written by a newer Cairn), where a missing one is not damage."""
    try:
        _lookup(screen_text(), section, key)
    except KeyError:
        return False
    return True


def say(section: str, key: str, /, **values: object) -> str:
    text: Any = None
    if _Words.discreet:
        try:
            text = _lookup(screen_text()["discreet"], section, key)
        except KeyError:
            text = None
    if text is None:
        try:
            text = _lookup(screen_text(), section, key)
        except KeyError:
            # A word the screens need is not in the file: named like every damaged file.
            raise ContentProblem(f"screens.toml: [{section}] '{key}' is missing.") from None
    if not values:
        return str(text)
    try:
        return str(text).format(**values)
    except (KeyError, IndexError, ValueError):
        raise ContentProblem(
            f"screens.toml: [{section}] '{key}' has a {{placeholder}} Cairn cannot fill."
        ) from None
