"""The passphrase policy: the rule, the estimate, the suggested passphrase, its word list."""

from __future__ import annotations

import math

import pytest

from tests.unit.test_import_hygiene import _loaded_after
from tui.content.checks import ContentProblem
from tui.passphrase_policy import (
    MIN_WORDS_IN_FILE,
    SUGGESTED_WORDS,
    judge,
    new_passphrase_problem,
    parse_words,
    passphrase_words,
    suggest_passphrase,
)


@pytest.mark.parametrize(
    ("passphrase", "level", "reason"),
    [
        ("", "empty", None),
        ("short", "short", None),
        ("passwordpassword", "weak", "repeats"),  # called strong enough before zxcvbn
        ("qwertyuiopasdfgh", "weak", None),  # the same
        ("abcdefghijklmnop", "weak", "sequence"),
        ("maria1987maria", "fair", "names"),
        ("ilovehim2019", "weak", "dates"),
        ("john smith 12 march 1987", "fair", "dates"),
        ("a quiet river at dawn", "strong", None),
    ],
)
def test_the_verdict(passphrase: str, level: str, reason: str | None) -> None:
    verdict = judge(passphrase)
    assert verdict.level == level
    if reason is not None:
        assert reason in verdict.reasons


def test_a_very_long_passphrase_is_judged_not_refused() -> None:
    assert judge("word " * 200).level in {"weak", "fair", "strong"}


def test_the_rule_is_unchanged() -> None:
    assert str(new_passphrase_problem("", "")) == "The new passphrase is empty."
    assert new_passphrase_problem("abcdefgh", "abcdefgi") is not None
    assert new_passphrase_problem("short", "short") is not None
    assert new_passphrase_problem("abcdefgh", "abcdefgh") is None


def test_the_word_list_is_checked_and_large_enough() -> None:
    words = passphrase_words()
    assert len(words) >= MIN_WORDS_IN_FILE and len(set(words)) == len(words)
    # Seven words from this list: at least 60 bits, far beyond guessing through Argon2id.
    assert SUGGESTED_WORDS * math.log2(len(words)) >= 60


def test_suggestions_are_random_words_from_the_list() -> None:
    suggested = [suggest_passphrase().split() for _ in range(50)]
    assert all(len(words) == SUGGESTED_WORDS for words in suggested)
    assert {word for words in suggested for word in words} <= set(passphrase_words())
    assert len({" ".join(words) for words in suggested}) == 50


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("apple\nApple Pie\n", "line 2: 'Apple Pie' is not one lowercase word"),
        ("apple\napple\n", "a word is listed twice"),
        ("apple\npear\n", f"fewer than {MIN_WORDS_IN_FILE} words"),
    ],
)
def test_a_damaged_word_list_is_one_sentence(text: str, says: str) -> None:
    with pytest.raises(ContentProblem, match=f"passphrase_words.txt: {says}"):
        parse_words(text)


def test_the_estimator_is_loaded_only_where_a_passphrase_is_set() -> None:
    assert "zxcvbn" not in _loaded_after("import tui.launch, tui.cli, tui.app, tui.domain")
    assert "zxcvbn" in _loaded_after("import tui.passphrase_policy as p; p.judge('x' * 9)")
