"""The few characters Cairn's own screens draw beyond plain text, with the ones the Linux
console's fonts have (code page 437) for when Cairn runs there (see tui/textual_compat.py
for Textual's own: borders, scroll bars, the progress bar, key names)."""

from __future__ import annotations

# A bar's height in eighths, 0 to 8. The console has only the half and the full block.
BLOCKS = " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
CONSOLE_BLOCKS = " \u2584\u2584\u2584\u2584\u2588\u2588\u2588\u2588"
ELLIPSIS = "\u2026"
CONSOLE_ELLIPSIS = "\u00bb"  # », which code page 437 has


class _Glyphs:
    console = False


def use_console(on: bool) -> None:
    _Glyphs.console = on


def blocks() -> str:
    return CONSOLE_BLOCKS if _Glyphs.console else BLOCKS


def ellipsis() -> str:
    return CONSOLE_ELLIPSIS if _Glyphs.console else ELLIPSIS
