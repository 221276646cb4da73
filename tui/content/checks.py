"""Strict reading of a content file: every problem names the file and the place in it, so a
mistake in the content is found when Cairn starts, never as a half-drawn screen."""

from __future__ import annotations

import tomllib
from typing import Any


class ContentProblem(ValueError):
    """A content file is not usable; ``str()`` names the file and the place."""


class TableReader:
    """Reads one table of a file, naming where it is when something is wrong."""

    def __init__(
        self,
        table: Any,
        where: str,
        name: str,
        problem: type[ContentProblem] = ContentProblem,
    ) -> None:
        self._problem = problem
        if not isinstance(table, dict):
            raise problem(f"{name}: {where} should be a table.")
        self.table: dict[str, Any] = table
        self.where, self.name = where, name

    def within(self, table: Any, where: str) -> TableReader:
        """A reader for a table inside this one, raising the same kind of problem."""
        return TableReader(table, where, self.name, self._problem)

    def problem(self, message: str) -> ContentProblem:
        return self._problem(f"{self.name}: {self.where}: {message}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.table.get(key, default)
        if value is None:
            raise self.problem(f"'{key}' is missing.")
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.problem(f"'{key}' should be text.")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.problem(f"'{key}' should be a list of text.")
        return tuple(value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            raise self.problem(f"'{key}' should be true or false.")
        return value

    def tables(self, key: str) -> list[Any]:
        value = self.table.get(key, [])
        if not isinstance(value, list):
            raise self.problem(f"'{key}' should be a list of tables.")
        return value

    def only(self, *keys: str) -> None:
        unknown = sorted(set(self.table) - set(keys))
        if unknown:
            raise self.problem(f"unknown key '{unknown[0]}'.")


def parse_toml(text: str, name: str, problem: type[ContentProblem] = ContentProblem) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise problem(f"{name}: not valid TOML ({error}).") from None
