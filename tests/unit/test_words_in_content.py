"""No user-facing English in the screens or the app: every word a person reads there comes
from the catalogue (tui/content/screens.toml), looked up by key. The scan reads every
string literal in the code (docstrings and stylesheets aside) and flags what reads as
prose; the allowlist below is short and each entry says why it stays in code.

Scope: screens/ and tui/app.py. The command line and the domain's error sentences in tui/
are not moved yet (see the count in ``test_what_is_left_in_the_rest_of_tui``)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROSE = re.compile(r"[A-Za-z]{2,}[,.:;!?]? +[A-Za-z(]|^[A-Z][a-z]+$|[a-z]{3,}[.!?]$")

ALLOWED = {
    # Said when Cairn's own files may be what failed, so they cannot come from them.
    "screens/_text.py": {
        "' is missing.",
        "' has a {placeholder} Cairn cannot fill.",
        "' names no binding ",
    },
    "tui/app.py": {
        "Cairn cannot start because one of its own files is damaged: ",
        "Cairn stopped because of an unexpected problem (",
        "); everything saved before it is safe.",
        "Terminal",  # the neutral terminal title (the settings' terminal_title replaces it)
    },
    # Keys into the catalogue, not words.
    "screens/problem.py": {"problem."},
    "screens/registry.py": {"places.", "screens.", " is opened from another screen"},
    # A Rich style name.
    "screens/patterns.py": {"bold red"},
}


def _prose(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))  # a docstring
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) in {"DEFAULT_CSS", "CSS"} for target in node.targets
        ):
            skip.update(id(sub) for sub in ast.walk(node.value))  # a stylesheet
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and PROSE.search(node.value)
        ):
            yield node.lineno, node.value


def _files() -> list[Path]:
    return [*sorted((ROOT / "screens").glob("*.py")), ROOT / "tui" / "app.py"]


def test_no_english_words_in_the_screens_or_the_app() -> None:
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


def test_what_is_left_in_the_rest_of_tui() -> None:
    """Counted, so that it can only go down: the command line's sentences, the settings'
    and the content checks' problems, the domain's refusals, the reports' prose."""
    rest = [
        path
        for path in sorted((ROOT / "tui").rglob("*.py"))
        if path.name != "app.py" or path.parent.name != "tui"
    ]
    left = sum(1 for path in rest for _ in _prose(path))
    assert left <= LEFT_IN_TUI, left


LEFT_IN_TUI = 598  # measured 2026-12-01; lower it as sentences move to the catalogue


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
