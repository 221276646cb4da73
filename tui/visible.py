"""Text as something to look at, never to obey: control characters made visible.

Terminal escape sequences and other control characters that a person typed or piped in
are kept exactly in the vault. Wherever such text is drawn in a terminal or written to a
printable report, each control character is shown as a visible symbol instead, so it can
neither drive the terminal nor hide the text around it.
"""

from __future__ import annotations

import re

# C0 and C1 controls other than newline and tab, DEL, and the invisible controls that
# reorder text in terminals that do bidirectional layout (embeddings, overrides, isolates,
# direction marks); letters of right-to-left scripts are left alone.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ESC becomes ␛, NUL ␀, and so on
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    return _CONTROL.sub(_picture, text)


def one_line(text: str) -> str:
    """The text on one line: visible controls, newlines and tabs as spaces."""
    flat = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return visible(flat)
