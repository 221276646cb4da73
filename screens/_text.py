"""The screens' own words, read from tui/content/screens.toml (text is data, not code)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tui.config import key_label, keys_label
from tui.content.bundle import content
from tui.content.checks import ContentProblem
from tui.keys import DEFAULT_KEYS
from tui.words import plural_key


def screen_text() -> dict[str, Any]:
    return content().screens


class _Words:
    # The discreet setting: the words most telling at a glance (on home, the plan's
    # emergency line, the titles) are replaced by the neutral ones in [discreet].
    discreet = False


def use_discreet_words(on: bool) -> None:
    _Words.discreet = on


class _Keymap:
    # The person's keymap (binding id -> keys), so that a key named in the words is the key
    # that does it: {key:ID} is the binding's first key, {keys:ID} all of them.
    keys: Mapping[str, str] = {}


def use_keymap(keys: Mapping[str, str]) -> None:
    _Keymap.keys = dict(keys)


_KEY_TOKEN = re.compile(r"\{(keys?):([a-z0-9-]+)\}")


def _with_keys(text: str, section: str, key: str) -> str:
    def label(match: re.Match[str]) -> str:
        binding = match.group(2)
        if binding not in DEFAULT_KEYS:
            raise ContentProblem(f"screens.toml: [{section}] '{key}' names no binding {binding}.")
        keys = [k.strip() for k in _Keymap.keys.get(binding, DEFAULT_KEYS[binding]).split(",")]
        return keys_label(tuple(keys)) if match.group(1) == "keys" else key_label(keys[0])

    return _KEY_TOKEN.sub(label, text)


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


def say_count(section: str, key: str, count: int, /, **values: object) -> str:
    """``key_one`` for one, ``key_other`` for any other count, with ``{count}`` filled."""
    return say(section, plural_key(key, count), count=count, **values)


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
    words = _with_keys(str(text), section, key)
    if not values:
        return words
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):
        raise ContentProblem(
            f"screens.toml: [{section}] '{key}' has a {{placeholder}} Cairn cannot fill."
        ) from None
