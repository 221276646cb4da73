"""Completing a path as it is typed: the next name in the folder that starts with what was
typed, shown after the cursor; Right (or End) takes it. Folders end with a slash, so one
more Right goes on into them. Hidden names only once a dot is typed."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

MAX_NAMES = 5000  # a folder larger than this is not listed (a slow network folder)


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder_text, _, start = value.rpartition("/")
        if not _:
            return None  # a bare name: no folder to look in yet
        folder = Path(os.path.expanduser(folder_text or "/"))
        try:
            names = []
            with os.scandir(folder) as found:
                for count, entry in enumerate(found):
                    if count >= MAX_NAMES:
                        return None
                    if entry.name.startswith(start) and (
                        start.startswith(".") or entry.name[0] != "."
                    ):
                        names.append((entry.name, entry.is_dir()))
        except OSError:
            return None
        if not names:
            return None
        name, is_folder = min(names)
        return f"{folder_text}/{name}{'/' if is_folder else ''}"
