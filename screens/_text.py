"""The screens' own words, read from tui/content/screens.toml (text is data, not code)."""

from __future__ import annotations

from functools import cache
from typing import Any

from tui.content import load_toml


@cache
def screen_text() -> dict[str, Any]:
    return load_toml("screens.toml")


def say(section: str, key: str, **values: object) -> str:
    node: Any = screen_text()
    for part in section.split("."):
        node = node[part]
    text = node[key]
    return str(text).format(**values) if values else str(text)
