"""Data, not code: every word a person reads, the phases, questionnaires, learn pages, the
safety plan's sections. Read once, each file through its strict reader, by bundle.py."""

from __future__ import annotations

from importlib import resources


def read_text(name: str) -> str:
    """A text file shipped in this package, read from inside the installed wheel."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
