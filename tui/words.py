"""Every sentence Cairn says outside its screens (the command line, the vault's and the
domain's refusals, reports, the printed plan, the sealed bundle's README), read from
tui/content/words.toml by a dotted key ("vault.missing") with named {placeholders}.

An error made from a key (``Told``) is put into words only when it is shown, so the same
error reads in the language chosen at that moment, and a part of a sentence handed to
another sentence (``Phrase``) is put into words with it. The screens' own words are
screens.toml, through ``screens._text.say``.

This module imports nothing of Cairn at import time: the vault uses it, and the vault's
rule is that it stands on almost nothing (tests/unit/test_import_hygiene.py).
"""

from __future__ import annotations

import errno
import re
from typing import Any

FILE = "words.toml"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def catalogue() -> dict[str, Any]:
    from .content.bundle import content

    return content().words


def _at(key: str) -> Any:
    """What the catalogue holds at a dotted key, or None."""
    node: Any = catalogue()
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _find(key: str, kind: type) -> Any:
    """What the catalogue holds at a dotted key, if it is of ``kind``; a missing word is a
    named problem, like any damage to Cairn's own files."""
    from .content.checks import ContentProblem

    node = _at(key)
    if not isinstance(node, kind) or not node:
        raise ContentProblem(f"{FILE}: '{key}' is missing.")
    return node


def number(value: int) -> str:
    """A whole number as the language writes it: its group separator ([numbers] group), and
    from how many digits groups are made ([numbers] group_from: English groups 1,234;
    Spanish writes 1234 and 12.345)."""
    digits = str(abs(value))
    if len(digits) >= int(_find("numbers.group_from", str)):
        groups = [digits[max(0, end - 3) : end] for end in range(len(digits), 0, -3)]
        digits = _find("numbers.group", str).join(reversed(groups))
    return f"-{digits}" if value < 0 else digits


def decimal(value: float, places: int = 1) -> str:
    """A number with a fraction, with the language's decimal mark ([numbers] decimal:
    "2.5" in English, "2,5" in Spanish)."""
    return f"{value:.{places}f}".replace(".", _find("numbers.decimal", str))


def say(key: str, /, **values: object) -> str:
    """The sentence at ``key`` with its placeholders filled (each value through ``str()``,
    so a ``Phrase`` or a ``Told`` is put into words too)."""
    from .content.checks import ContentProblem

    node: str = _find(key, str)
    if not values:
        return node
    try:
        return node.format_map({name: str(value) for name, value in values.items()})
    except (KeyError, IndexError, ValueError):
        raise ContentProblem(f"{FILE}: '{key}' has a {{placeholder}} Cairn cannot fill.") from None


# Said when something failed that may be the catalogue itself (a damaged words.toml, an
# unexpected error while it was read): the catalogue's sentence when it can be read, else
# these. They are the only sentences kept in code, and the catalogue has the same ones.
_LAST_WORDS = {
    "damaged_content": "Cairn cannot start because one of its own files is damaged: {problem}",
    "unexpected": (
        "Cairn stopped because of an unexpected problem ({kind}); everything saved before it "
        "is safe."
    ),
    "stopped": "Stopped; nothing more was written.",
}


def last_words(key: str, /, **values: object) -> str:
    """One of the sentences said as Cairn stops on a failure: never fails itself."""
    try:
        return say(f"last.{key}", **values)
    except Exception:  # the catalogue is what failed: the words kept here
        return _LAST_WORDS[key].format_map({name: str(v) for name, v in values.items()})


def os_reason(error: OSError) -> Phrase | str:
    """What the system said when it refused, in the catalogue's words for the usual
    refusals ([os] by errno name), else as the system wrote it."""
    name = errno.errorcode.get(error.errno or 0, "")
    if name and isinstance(_at(f"os.{name}"), str):
        return Phrase(f"os.{name}")
    return error.strerror or type(error).__name__


def names(key: str) -> tuple[str, ...]:
    """A list of words (the days of the week, the months), in order."""
    return tuple(_find(key, list))


def table(key: str) -> dict[str, str]:
    """A table of words by name (the names of keys, say), for code that picks among them."""
    found: dict[str, str] = _find(key, dict)
    return found


def plural_key(key: str, count: int) -> str:
    """``key_one`` for one, ``key_other`` for any other count: English's and Spanish's
    rule, for this catalogue and the screens'."""
    return f"{key}_one" if count == 1 else f"{key}_other"


def plural(key: str, count: int, /, **values: object) -> str:
    """The counted sentence at ``key``, with ``{count}`` filled."""
    return say(plural_key(key, count), count=count, **values)


def placeholders(text: str) -> set[str]:
    """The names a sentence asks to be filled (for the catalogue's tests)."""
    return set(_PLACEHOLDER.findall(text))


class Phrase:
    """A part of a sentence (a reason, a kind of file) kept as its key until the whole
    sentence is put into words."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values

    def __str__(self) -> str:
        return say(self.key, **self.values)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)


class Told(Exception):
    """An exception whose message is a sentence of the catalogue: ``str()`` says it. The
    key stays in ``args``, never the filled sentence, so a repr in a log holds no path or
    name the person typed."""

    key = ""  # a subclass with one sentence names it here
    values: dict[str, object]

    def __init__(self, key: str | Phrase | Told = "", /, **values: object) -> None:
        if isinstance(key, Phrase | Told):  # a sentence made elsewhere, passed on
            self.key, self.values = key.key, {**key.values, **values}
        else:
            self.key, self.values = key or type(self).key, values
        super().__init__(self.key)

    def __str__(self) -> str:
        return say(self.key, **self.values)


__all__ = [
    "Phrase",
    "Told",
    "catalogue",
    "last_words",
    "names",
    "os_reason",
    "placeholders",
    "plural",
    "plural_key",
    "say",
    "table",
]
