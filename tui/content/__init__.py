"""Data, not code: phases, questionnaires, learn pages and resources ship here."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def load_toml(name: str) -> dict[str, Any]:
    """A TOML file shipped in this package, read from inside the installed wheel."""
    with resources.files(__name__).joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def read_text(name: str) -> str:
    """A text file shipped in this package, read from inside the installed wheel."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
