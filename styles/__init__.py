"""TCSS stylesheets, shipped inside the wheel: app.tcss plus one file per screen."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def stylesheet(name: str) -> str:
    """The path of a stylesheet in this package, as Textual's CSS_PATH wants it."""
    return str(HERE / name)
