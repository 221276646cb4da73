"""What makes a new passphrase acceptable, how guessable it looks, and a suggested one.

Domain code: the command line and the screens that set a passphrase share it, and it
imports nothing from Textual. The estimate is zxcvbn's (Dropbox's guess-counting model:
dictionaries, names, keyboard rows, repeats, sequences, dates), loaded only when a screen
or command sets a passphrase, so opening Cairn never pays for its word lists. Its English
feedback is never shown: the verdict is a level and the reasons found, and the screens
say them in Cairn's words (``[passphrase]`` in tui/content/screens.toml).
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from .content.bundle import content
from .content.checks import ContentProblem
from .words import Phrase

MIN_NEW_LENGTH = 8
SUGGESTED_WORDS = 7  # from 750 words: about 67 bits, far beyond guessing through Argon2id
WORDS_FILE = "passphrase_words.txt"
MIN_WORDS_IN_FILE = 512
ZXCVBN_MAX_LENGTH = 72  # zxcvbn refuses longer input; the start is what it can judge

Level = Literal["empty", "short", "weak", "fair", "strong"]
Reason = Literal["common", "names", "dates", "keyboard", "repeats", "sequence"]


@dataclass(frozen=True)
class Verdict:
    level: Level
    reasons: tuple[Reason, ...] = ()


def new_passphrase_problem(first: str, second: str) -> Phrase | None:
    """Why a new passphrase (typed twice) cannot be used, or None. Shared by the command line
    and the create screen so both apply one rule."""
    if not first:
        return Phrase("passphrase.new_empty")
    if first != second:
        return Phrase("passphrase.differ")
    if len(unicodedata.normalize("NFC", first)) < MIN_NEW_LENGTH:
        return Phrase("passphrase.too_short", least=MIN_NEW_LENGTH)
    return None


def judge(passphrase: str) -> Verdict:
    """How guessable ``passphrase`` looks to an attacker who tries likely things first."""
    if not passphrase:
        return Verdict("empty")
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_NEW_LENGTH:
        return Verdict("short")
    result = _zxcvbn()(passphrase[:ZXCVBN_MAX_LENGTH])
    reasons = _reasons(result["sequence"])
    score = int(result["score"])
    if score <= 2:
        return Verdict("weak", reasons)
    if score == 3:
        return Verdict("fair", reasons)
    # Hard to guess for a stranger; but a date in it is one the other person may know.
    # (Names are not held against a strong one: zxcvbn's surname list holds everyday words
    # such as "river", so seven random words would be called names.)
    if "dates" in reasons:
        return Verdict("fair", ("dates",))
    return Verdict("strong")


def _reasons(sequence: list[dict[str, Any]]) -> tuple[Reason, ...]:
    found: list[Reason] = []

    def add(reason: Reason) -> None:
        if reason not in found:
            found.append(reason)

    for match in sequence:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            name = match.get("dictionary_name")
            if name in ("male_names", "female_names", "surnames"):
                add("names")
            elif name == "passwords":
                add("common")
        elif pattern == "spatial":
            add("keyboard")
        elif pattern == "repeat":
            add("repeats")
        elif pattern == "sequence":
            add("sequence")
        elif pattern == "date" or (pattern == "regex" and match.get("regex_name") == "recent_year"):
            add("dates")
    return tuple(found)


@cache
def _zxcvbn() -> Any:
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # loaded only when needed

    return zxcvbn


def parse_words(text: str) -> tuple[str, ...]:
    """The word list for suggestions, checked: lowercase letters, one per line, no repeats."""
    words: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not (word.isascii() and word.isalpha() and word.islower()):
            raise ContentProblem(
                f"{WORDS_FILE}: line {number}: '{word}' is not one lowercase word."
            )
        words.append(word)
    if len(set(words)) != len(words):
        raise ContentProblem(f"{WORDS_FILE}: a word is listed twice.")
    if len(words) < MIN_WORDS_IN_FILE:
        raise ContentProblem(f"{WORDS_FILE}: fewer than {MIN_WORDS_IN_FILE} words.")
    return tuple(words)


def passphrase_words() -> tuple[str, ...]:
    return content().passphrase_words


def suggest_passphrase(count: int = SUGGESTED_WORDS) -> str:
    """``count`` words chosen uniformly at random with the system's secure generator."""
    words = passphrase_words()
    return " ".join(secrets.choice(words) for _ in range(count))
