"""No English from code on any screen, and none at all in Spanish: every screen of the snapshot set is drawn with a
pseudo catalogue (tests/app/pseudo_words.py) and no plain-letter word is left that the
content files or the person's data do not hold. The scan of the code's string literals
(tests/unit/test_words_in_content.py) reads the source; this reads the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _found(*args: str) -> dict[str, list[str]]:
    """What the scan printed, run in its own process (see tests/app/pseudo_words.py)."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": "/home/someone"},
        timeout=600,
        check=True,
    )
    found: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_no_screen_shows_a_word_the_catalogue_did_not_give() -> None:
    assert _found("-m", "tests.app.pseudo_words") == {}


def test_the_scan_finds_english_written_in_code() -> None:
    """The scan can fail: with the words of one screen taken from code, it names them."""
    injected = (
        "import sys; from tests.app import pseudo_words as p; p.install();"
        "import screens.unlock as u;"
        "u.say = lambda *a, **k: 'Blorptastic words in code';"
        "sys.argv = ['x', 'unlock']; p.main()"
    )
    assert _found("-c", injected) == {"unlock": ["Blorptastic"]}


def test_no_screen_in_spanish_shows_english() -> None:
    """Every screen of the snapshot set, drawn in Spanish with a Spanish record, holds no word
    that only the English content uses (tests/app/spanish_words.py)."""
    assert _found("-m", "tests.app.spanish_words") == {}


def test_the_spanish_scan_finds_an_english_word() -> None:
    """The scan can fail: one English catalogue word put on the lock screen is named."""
    injected = (
        "import sys; from tests.app import spanish_words as s;"
        "import screens.unlock as u;"
        "u.say = lambda *a, **k: 'Locked';"
        "sys.argv = ['x', 'unlock']; s.main()"
    )
    assert _found("-c", injected) == {"unlock": ["Locked"]}
