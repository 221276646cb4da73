"""Text as something to look at, never to obey: control characters made visible.

Terminal escape sequences and other control characters that a person typed or piped in
are kept exactly in the vault. Wherever such text is drawn in a terminal or written to a
printable report, each control character is shown as a visible symbol instead, so it can
neither drive the terminal nor hide the text around it.
"""

from __future__ import annotations

import re

# C0 and C1 controls other than newline and tab, DEL, the invisible controls that reorder
# text in terminals that do bidirectional layout (embeddings, overrides, isolates, direction
# marks), and lone surrogates (not text at all: no encoding can write them); letters of
# right-to-left scripts are left alone.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# What JSON leaves raw (it escapes C0 itself) but a terminal would obey or no encoder writes.
_JSON_RAW = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class _Symbols:
    # The Linux console's fonts have no control pictures (U+2400...): there every control is
    # written as its code point, which any font can show.
    code_points_only = False


def use_code_points(on: bool) -> None:
    _Symbols.code_points_only = on


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if _Symbols.code_points_only:
        return f"<U+{code:04X}>"
    if code < 0x20:
        return chr(0x2400 + code)  # ESC becomes ␛, NUL ␀, and so on
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    return _CONTROL.sub(_picture, text)


def json_safe(json_text: str) -> str:
    """JSON text with C1 controls, bidi controls and lone surrogates written as \\uXXXX
    escapes: the same JSON value, safe to show in a terminal and to encode as UTF-8. (They
    can only stand inside strings, where an escape means the same character.)"""
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group(0)):04x}", json_text)


def one_line(text: str) -> str:
    """The text on one line: visible controls, newlines and tabs as spaces."""
    flat = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return visible(flat)
