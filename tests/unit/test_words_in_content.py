"""No user-facing English in code: every word a person reads comes from the catalogue
(tui/content/screens.toml for the screens, tui/content/words.toml for everything else:
the command line, refusals, reports), looked up by key. The scan reads every string
literal in tui/ and screens/ and flags what reads as prose. What it passes over, by rule:

- docstrings, stylesheets, ``__all__`` and the patterns that recognize argparse's English;
- messages of Python's own exceptions (ValueError, TypeError, ...), which are for
  programmers: Cairn shows a person only their type's name ("unexpected problem
  (ValueError)");
- the content checker's sentences (``ContentProblem`` and its kinds, a reader's
  ``problem()``, the place a ``TableReader`` names): they say that one of Cairn's own files
  is damaged, and the catalogue may be that file.

The allowlist below is short and each entry says why it stays in code."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROSE = re.compile(
    r"[A-Za-z]{2,}[,.:;!?]? +[A-Za-z(]|^[A-Z][a-z]+$|[a-z]{3,}[.!?]$"
    # the small words that join others (" or ", " at "), which the rest would miss
    r"|(?:^|\s)(?:or|and|at|of|to|the|for|with|from)\s|\s(?:or|and|at|of|to|the|for|with|from)$"
)
# A key into the catalogue ("vault.missing", "report.fact."), not words.
KEY = re.compile(r"^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]*)+$")
# Markup around words: the tags are not prose, what they hold may be.
TAG = re.compile(r"<[^>]*(?:>|$)|^[^<]*>")

ALLOWED = {
    # Said when Cairn's own files may be what failed, so they cannot come from them (the
    # catalogue has the same sentences, said when it can be read: tui/words.py::last_words).
    "tui/words.py": {
        "Cairn cannot start because one of its own files is damaged: {problem}",
        "Cairn stopped because of an unexpected problem ({kind}); everything saved before it is safe.",
        "Stopped; nothing more was written.",
    },
    # The neutral terminal title (the settings' terminal_title replaces it): the same word
    # in the languages Cairn speaks, and set before any catalogue is read.
    "tui/app.py": {"Terminal"},
    "tui/config.py": {"Terminal"},
    # The product's name, recorded as data in a bundle's manifest.
    "tui/bundle.py": {"Cairn"},
    # A programmer's message (a registry row named twice), not shown to a person.
    "screens/registry.py": {" is opened from another screen"},
    # Rich style names.
    "screens/patterns.py": {"bold red"},
    "tui/textual_compat.py": {"not bold"},
}

# Assignments whose text is never shown: stylesheets, __all__, and the patterns that
# recognize argparse's English refusals (tui/cli.py says them again from the catalogue).
NOT_SHOWN = {"DEFAULT_CSS", "CSS", "_STYLE", "__all__", "_ARGPARSE_SHAPES"}
# Python's own exceptions: their messages are for programmers (see the docstring).
_PROGRAMMERS = {"ValueError", "TypeError", "RuntimeError", "AssertionError", "KeyError"}
# The content checker's sentences and places (see the docstring).
_CONTENT_CHECKS = {
    "ContentProblem",
    "QuestionnaireProblem",
    "PlanContentProblem",
    "LearnPageProblem",
    "PrivacyContentProblem",
    "TableReader",
    "problem",
    "_problem",
    "within",
}


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _prose(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))  # a docstring
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) in NOT_SHOWN for target in node.targets
        ):
            skip.update(id(sub) for sub in ast.walk(node.value))
        if isinstance(node, ast.Subscript):
            skip.update(id(sub) for sub in ast.walk(node.slice))  # a type ("Session")
        if isinstance(node, ast.Call) and _called(node) in _PROGRAMMERS | _CONTENT_CHECKS:
            skip.update(id(sub) for arg in node.args for sub in ast.walk(arg))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and not KEY.match(node.value)
            and PROSE.search(TAG.sub(" ", node.value))
        ):
            yield node.lineno, node.value


def _files() -> list[Path]:
    return [*sorted((ROOT / "screens").rglob("*.py")), *sorted((ROOT / "tui").rglob("*.py"))]


def test_no_english_words_in_code() -> None:
    found = []
    for path in _files():
        name = path.relative_to(ROOT).as_posix()
        for line, text in _prose(path):
            if text not in ALLOWED.get(name, set()):
                found.append(f"{name}:{line}: {text!r}")
    assert found == []


def test_every_allowed_literal_is_still_there() -> None:
    """An allowlist entry whose literal went away goes too: the list stays short."""
    for name, texts in ALLOWED.items():
        present = {text for _, text in _prose(ROOT / name)}
        assert texts <= present, name


def test_every_key_the_words_name_is_a_binding() -> None:
    """{key:ID} and {keys:ID} in the catalogue name bindings that exist (a typo would be
    found only when its screen shows)."""
    from tui.keys import DEFAULT_KEYS

    text = (ROOT / "tui" / "content" / "screens.toml").read_text(encoding="utf-8")
    named = re.findall(r"\{keys?:([a-z0-9-]+)\}", text)
    assert len(named) > 30
    assert sorted(set(named) - set(DEFAULT_KEYS)) == []


def test_the_words_follow_the_keymap() -> None:
    from screens._text import say, use_keymap

    try:
        use_keymap({"plan-list-add": "n", "plan-review": "ctrl+r", "keys-back": "escape,f8"})
        assert say("plan.section", "empty_checklist") == "The checklist is empty. N adds an item."
        assert say("plan", "review_line", day="1 May").endswith("Ctrl+R changes the date.")
        assert say("keys", "back") == "Escape or F8 goes back."
    finally:
        use_keymap({})
    assert say("plan.section", "empty_checklist") == "The checklist is empty. A adds an item."
