"""How search compares text, in the journal and the learn pages: without case, and without
the marks accents add to a letter, so that a search typed without them ("dia", "jose")
still finds the words written with them ("día", "José"), and the other way round."""

from __future__ import annotations

import unicodedata


class _Bare(dict[int, str]):
    """Each character without its accent marks ("í" -> "i", a lone combining mark -> ""),
    worked out the first time it is met, so that folding is one str.translate pass."""

    def __missing__(self, code: int) -> str:
        apart = unicodedata.normalize("NFKD", chr(code))
        bare = "".join(c for c in apart if not unicodedata.combining(c))
        self[code] = bare
        return bare


_BARE = _Bare()


def fold(text: str) -> str:
    folded = text.casefold()
    return folded if folded.isascii() else folded.translate(_BARE)
