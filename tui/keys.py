"""Every key binding Cairn has, by id, with its default keys: what the person may remap in
the settings file's ``[keys]`` table, and what is checked there.

Kept as plain data (no Textual import), because the settings are read and checked before
the app starts. ``tests/unit/test_keys.py`` compares this table with the bindings the
screens declare, so the two cannot drift apart.
"""

from __future__ import annotations

import unicodedata

DEFAULT_KEYS: dict[str, str] = {
    "attempts-continue": "enter",
    "backup-back": "escape",
    "backup-start": "ctrl+s",
    "change-passphrase-back": "escape",
    "change-passphrase-suggest": "f2",
    "confirm-back": "escape",
    "create-suggest": "f2",
    "daily-back": "escape",
    "daily-save": "ctrl+s",
    "draft-continue": "enter",
    "draft-discard": "d",
    "draft-restore": "r",
    "entry-back": "escape",
    "entry-copy-feelings": "f2",
    "entry-files": "f4",
    "entry-keep-text": "f3",
    "entry-save": "ctrl+s",
    "entry-undo-copy": "f2",
    "export-back": "escape",
    "export-write": "ctrl+s",
    "file-add-attach": "ctrl+s",
    "file-add-back": "escape",
    "file-copy-back": "escape",
    "file-copy-write": "ctrl+s",
    "file-note-back": "escape",
    "file-note-save": "ctrl+s",
    "files-add": "a",
    "files-back": "escape",
    "files-note": "n",
    "files-remove": "d",
    "files-save": "s",
    "help-now": "f1,ctrl+g",
    "home-backup": "b",
    "home-journal": "j",
    "home-learn": "l",
    "home-new-entry": "n",
    "home-patterns": "p",
    "home-questionnaire": "q",
    "home-report": "e",
    "home-safety-plan": "s",
    "home-today": "t",
    "journal-back": "escape",
    "journal-new": "ctrl+e",
    "journal-open": "enter",
    "journal-search": "ctrl+f",
    "keys": "f9",
    "keys-back": "escape,f9",
    "list-down": "down",
    "list-first": "home",
    "list-last": "end",
    "list-page-down": "pagedown",
    "list-page-up": "pageup",
    "list-up": "up",
    "learn-back": "escape",
    "learn-next": "n",
    "learn-page-back": "escape",
    "new-code-back": "escape",
    "palette": "ctrl+p",
    "panic": "f12,ctrl+backslash",
    "patterns-back": "escape",
    "patterns-earlier": "pageup",
    "patterns-later": "pagedown",
    "plan-back": "escape",
    "plan-card": "c",
    "privacy-go-on": "enter",
    "plan-card-back": "escape",
    "plan-card-meanings": "m",
    "plan-card-print": "p",
    "plan-emergency": "n",
    "plan-emergency-back": "escape",
    "plan-item-back": "escape",
    "plan-item-keep": "ctrl+s",
    "plan-item-next": "enter",
    "plan-list-add": "a,insert",
    "plan-list-check": "space",
    "plan-list-down": "shift+down",
    "plan-list-remove": "d,delete",
    "plan-list-up": "shift+up",
    "plan-mode": "m",
    "plan-mode-back": "escape",
    "plan-others": "o",
    "plan-print": "p",
    "plan-review": "r",
    "plan-review-back": "escape",
    "plan-section-back": "escape",
    "plan-section-save": "ctrl+s",
    "privacy-back": "escape",
    "problem-retry": "r",
    "question-1": "1",
    "question-2": "2",
    "question-3": "3",
    "question-4": "4",
    "question-5": "5",
    "question-back": "left",
    "question-leave": "escape",
    "question-skip": "right,s",
    "questionnaire-again": "n",
    "questionnaire-back": "escape",
    "quick-back": "escape",
    "quick-note": "ctrl+n",
    "quick-save": "ctrl+s",
    "quit": "ctrl+q",
    "quit-ctrl-c": "ctrl+c",
    "recovery-offer-keep": "k",
    "recovery-offer-new": "n",
    "resources-back": "escape",
    "resources-emergency": "n",
    "resources-learn": "l",
    "resources-lines": "a",
    "resources-people": "t",
    "safety-now-go-on": "enter,escape",
    "safety-now-plan": "s",
    "summary-back": "escape",
    "summary-discard": "d",
    "summary-journal": "j",
    "summary-keep": "k",
    "summary-learn": "l",
    "summary-plan": "s",
    "view-back": "escape",
    "view-delete": "d",
    "view-edit": "e",
    "view-files": "f",
    "view-history": "h",
    "welcome-next": "enter",
}

# What Textual calls some printable characters (it renames these Unicode names).
_RENAMED = {
    name: unicodedata.name(character).lower()
    for name, character in {
        "slash": "/",
        "backslash": "\\",
        "at": "@",
        "minus": "-",
        "plus": "+",
        "underscore": "_",
    }.items()
}
_TYPING_NAMES = frozenset({"space", "enter", "tab", "backspace"})


def types_text(key: str) -> bool:
    """Whether pressing ``key`` types something into a field ('a', 'plus', 'space',
    'enter'), as opposed to a key that only commands ('f12', 'ctrl+q', 'escape', 'up')."""
    *modifiers, base = key.strip().split("+")
    if set(modifiers) - {"shift"}:
        return False
    if base in _TYPING_NAMES:
        return not (modifiers and base == "tab")
    if len(base) == 1:
        return base.isprintable()
    name = _RENAMED.get(base, base.replace("_", " "))
    for candidate in (name, name.replace(" ", "-")):
        try:
            return unicodedata.lookup(candidate).isprintable()
        except KeyError:
            continue
    return False


def only_commands(keys: str) -> bool:
    """True when none of the comma-separated ``keys`` types text."""
    return not any(types_text(key) for key in keys.split(","))
