"""Data, not code: every word a person reads, the phases, questionnaires, learn pages, the
safety plan's sections. Read once, each file through its strict reader, by bundle.py.

English files sit in this folder; every other language has a folder of its own (``es/``)
holding the same files under the same names, each written in that language. Which one is
read is the person's ``language`` setting (tui/config.py), chosen before the first word is
shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources
from importlib.resources.abc import Traversable

LANGUAGES = ("en", "es")
_chosen = ["en"]
# A language spoken for a while in one thread or task only (a bilingual report, written in
# a worker while the screens go on in the person's language).
_for_now: ContextVar[str | None] = ContextVar("cairn_language_for_now", default=None)


def use_language(code: str) -> None:
    """Read the content of ``code`` from now on (one of LANGUAGES)."""
    if code not in LANGUAGES:
        raise ValueError(code)
    _chosen[0] = code


def language() -> str:
    return _for_now.get() or _chosen[0]


def other_languages() -> tuple[str, ...]:
    return tuple(code for code in LANGUAGES if code != language())


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Words in ``code`` inside the block, in this thread or task only."""
    if code not in LANGUAGES:
        raise ValueError(code)
    token = _for_now.set(code)
    try:
        yield
    finally:
        _for_now.reset(token)


def path_in(code: str, name: str) -> str:
    """Where ``name`` is, inside this package, for language ``code``."""
    return name if code == "en" else f"{code}/{name}"


def read_text(name: str) -> str:
    """A text file shipped in this package (``name`` as given by ``path_in``), read from
    inside the installed wheel."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def folder(code: str, name: str) -> Traversable:
    """A folder of files (the learn pages, the questionnaires) for language ``code``."""
    return resources.files(__name__).joinpath(path_in(code, name))
