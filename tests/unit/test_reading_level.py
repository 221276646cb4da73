"""Plain words everywhere: every learn page, every questionnaire statement and every piece of
screen text reads at or below grade 7 (Flesch-Kincaid, textstat), one US spelling throughout,
and "run" is never the word for a set of answers."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import textstat

from tui import learn
from tui import questionnaire as q

CONTENT = Path(__file__).parents[2] / "tui" / "content"
MAX_GRADE = 7.0
# Keys whose values are not prose: word lists the code matches on, identifiers, sources.
NOT_PROSE = {"words", "self", "speech", "injury", "threat", "key", "id", "letter", "source",
             "sources", "number", "short", "leads"}  # fmt: skip


def grade(texts: list[str]) -> float:
    """The grade of some short texts read together, each as its own sentence (a checklist
    item without a full stop would otherwise run into the next as one long sentence)."""
    sentences = []
    for text in texts:
        # A placeholder, or a key named from the keymap ({key:plan-list-add}), reads as one word.
        text = re.sub(r"\{(?:keys?:)?[a-z0-9_-]+\}", "it", text).strip()
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return float(textstat.flesch_kincaid_grade(" ".join(sentences)))


def _strings(node: Any, key: str = "") -> Iterator[str]:
    """Every prose string in ``node``, however deep."""
    if key in NOT_PROSE:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, dict):
        for name, value in node.items():
            yield from _strings(value, name)


def _tables(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, list[str]]]:
    """The file measured in readable pieces: each table with its own strings and the lists
    of small tables inside it (a row's fields, its default rows), each element of a
    top-level list of tables (a section, a phase) whole, and each sub-table on its own."""
    own: list[str] = []
    for name, value in node.items():
        if name in NOT_PROSE:
            continue
        if isinstance(value, dict):
            yield from _tables(value, f"{path}.{name}" if path else name)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            if path:
                own.extend(_strings(value, name))
            else:
                for number, table in enumerate(value):
                    yield f"{name}[{number}]", list(_strings(table))
        else:
            own.extend(_strings(value, name))
    if own:
        yield path or "(top)", own


def _file_tables(name: str) -> list[tuple[str, list[str]]]:
    return list(_tables(tomllib.loads((CONTENT / name).read_text(encoding="utf-8"))))


TOML_FILES = [
    "screens.toml",
    "words.toml",
    "safety_plan.toml",
    "privacy.toml",
    "phases.toml",
    "journal.toml",
]


@pytest.mark.parametrize("page", learn.pages(), ids=lambda page: page.key)
def test_every_learn_page_is_plain(page: learn.LearnPage) -> None:
    body = page.text.split("## Sources")[0]
    prose = [line for line in body.splitlines() if line.strip() and not line.startswith("#")]
    assert grade([" ".join(prose)]) <= MAX_GRADE


def test_every_questionnaire_statement_and_summary_is_plain() -> None:
    for questionnaire in q.questionnaires():
        too_hard = [i.text for i in questionnaire.items if grade([i.text]) > MAX_GRADE]
        assert not too_hard, too_hard
        for area in questionnaire.areas:
            texts = [area.text(band) for band in ("rarely", "sometimes", "often")]
            assert grade(texts) <= MAX_GRADE, area.key


@pytest.mark.parametrize("name", TOML_FILES)
def test_every_table_of_screen_text_is_plain(name: str) -> None:
    # A grade of a table of one or two words says nothing (Flesch-Kincaid gives "today" 8.4),
    # nor of a table of one-word labels (the answer scale: "Never" ... "Always").
    measured = [
        (path, texts)
        for path, texts in _file_tables(name)
        if len(" ".join(texts).split()) >= 4 and max(len(text.split()) for text in texts) > 1
    ]
    too_hard = [(path, grade(texts)) for path, texts in measured if grade(texts) > MAX_GRADE]
    assert not too_hard, too_hard


# British spellings a US reader would notice (the content uses US spelling throughout).
BRITISH = ["colour", "behaviour", "centre", "organis", "recognis", "apologis", "neighbour",
           "favour", "honour", "licence", "programme", "travell", "cancell", "defence",
           "realis", "practis", "analys", "catalogue"]  # fmt: skip


def _all_content() -> Iterator[tuple[Path, str]]:
    for path in sorted(CONTENT.rglob("*")):
        if path.suffix in (".toml", ".md"):
            yield path, path.read_text(encoding="utf-8").casefold()


def test_one_spelling_throughout() -> None:
    for path, text in _all_content():
        prose = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        found = [word for word in BRITISH if word in prose]
        assert not found, (path.name, found)


def test_run_is_not_the_word_for_a_set_of_answers() -> None:
    for path, text in _all_content():
        assert not re.search(r"\b(this|a|the|kept|your|unfinished) runs?\b", text), path.name
