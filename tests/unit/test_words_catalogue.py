"""The catalogue outside the screens (tui/content/words.toml) and the code agree: every key
the code names is there, with the {placeholders} the code fills; every sentence there is
used; the few sentences kept in code for when the catalogue itself fails say the same."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tui import words

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE: dict[str, Any] = tomllib.loads(
    (ROOT / "tui" / "content" / "words.toml").read_text(encoding="utf-8")
)
SECTIONS = set(CATALOGUE)
# Calls whose first argument is a key of words.toml: the lookups, and the errors and
# phrases made from a key.
LOOKUPS = {"say", "plural", "names", "table", "Phrase"}
# Sentences whose {names} are not filled by say(): the page counters are CSS's.
FILLED_ELSEWHERE = {"report.page_of"}


def _lookup(key: str) -> Any:
    node: Any = CATALOGUE
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _sources() -> Iterator[Path]:
    yield from sorted((ROOT / "tui").rglob("*.py"))
    yield from sorted((ROOT / "screens").rglob("*.py"))


def _is_key(value: object) -> bool:
    return (
        isinstance(value, str)
        and "." in value
        and " " not in value
        and value.split(".")[0] in SECTIONS
        and not value.endswith(".")
        and value.rsplit(".", 1)[1] not in {"toml", "tcss", "md", "txt", "json"}  # a file
    )


def _named() -> Iterator[tuple[str, str, ast.Call | None]]:
    """(where, key, the call that names it) for every key the code names whole."""
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            # say(section, key) with two words is the screens' (screens.toml), not this one.
            if isinstance(node, ast.Call) and node.args and not _screens_say(node):
                first = node.args[0]
                if isinstance(first, ast.Constant) and _is_key(first.value):
                    yield f"{where}:{node.lineno}", str(first.value), node
                elif isinstance(first, ast.IfExp):  # say("a" if x else "b")
                    for branch in (first.body, first.orelse):
                        if isinstance(branch, ast.Constant) and _is_key(branch.value):
                            yield f"{where}:{node.lineno}", str(branch.value), node
            elif (
                isinstance(node, ast.Assign)
                and any(getattr(t, "id", None) == "key" for t in node.targets)
                and isinstance(node.value, ast.Constant)
                and _is_key(node.value.value)
            ):
                yield f"{where}:{node.lineno}", str(node.value.value), None


def _screens_say(node: ast.Call) -> bool:
    return _called(node) == "say" and len(node.args) > 1


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    missing = []
    for where, key, call in _named():
        if call is not None and _called(call) == "plural":
            found = all(isinstance(_lookup(f"{key}_{n}"), str) for n in ("one", "other"))
        elif call is not None and _called(call) in {"names", "table"}:
            found = isinstance(_lookup(key), list | dict)
        else:
            found = isinstance(_lookup(key), str)
        if not found:
            missing.append(f"{where}: {key}")
    assert missing == []


def test_the_code_fills_every_placeholder_it_names() -> None:
    """A call with named values gives every {name} its sentence asks for, and no other."""
    wrong = []
    for where, key, call in _named():
        if call is None or _called(call) in {"names", "table"} or key in FILLED_ELSEWHERE:
            continue
        if not (_called(call) in LOOKUPS or _called(call)[:1].isupper()):
            continue  # a key handed to a helper, which fills it
        if any(keyword.arg is None for keyword in call.keywords):
            continue  # **values: checked where they are made
        given = {keyword.arg for keyword in call.keywords if keyword.arg}
        if _called(call) == "plural":
            texts = [_lookup(f"{key}_one"), _lookup(f"{key}_other")]
            given.add("count")
        else:
            texts = [_lookup(key)]
        asked = set().union(*(words.placeholders(t) for t in texts if isinstance(t, str)))
        # A plural's two forms may each use some of the values.
        if _called(call) == "plural" and asked <= given:
            continue
        if asked != given:
            wrong.append(f"{where}: {key} asks {sorted(asked)}, given {sorted(given)}")
    assert wrong == [], wrong


def _constants() -> set[str]:
    found: set[str] = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _keys(node: dict[str, Any], path: str = "") -> Iterator[str]:
    for name, value in node.items():
        key = f"{path}.{name}" if path else name
        if isinstance(value, dict):
            yield from _keys(value, key)
        else:
            yield key


def test_every_sentence_in_the_catalogue_is_used() -> None:
    """Named whole, or as a table the code picks from ("vault.what." + a name, a list of
    day names, a plural's two forms)."""
    constants = _constants()
    prefixes = tuple(
        c for c in constants if c.endswith(".") and " " not in c and c.split(".")[0] in SECTIONS
    )
    read_whole = {key for _, key, call in _named() if call and _called(call) in {"names", "table"}}
    unused = []
    for key in _keys(CATALOGUE):
        table = key.rsplit(".", 1)[0]
        base = key.removesuffix("_one").removesuffix("_other")
        named = key in constants or base in constants or table in read_whole
        if not (named or key.startswith(prefixes)):
            unused.append(key)
    assert unused == [], unused


@pytest.mark.parametrize("key", sorted(CATALOGUE["last"]))
def test_the_last_words_kept_in_code_are_the_catalogue_s(key: str) -> None:
    assert words._LAST_WORDS[key] == CATALOGUE["last"][key]


def test_the_last_words_are_said_when_the_catalogue_cannot_be_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def damaged() -> dict[str, Any]:
        raise words_problem("words.toml: not valid TOML (line 1).")

    from tui.content.checks import ContentProblem as words_problem

    monkeypatch.setattr(words, "catalogue", damaged)
    said = words.last_words("unexpected", kind="KeyError")
    assert said == (
        "Cairn stopped because of an unexpected problem (KeyError); everything saved before "
        "it is safe."
    )
    with pytest.raises(words_problem):
        words.say("cli.saved")


def test_an_error_made_from_a_key_keeps_no_value_in_its_args() -> None:
    """A repr or a log of the error shows the key, never the path or name in the sentence."""
    from tui.vault import VaultMissing

    error = VaultMissing("/home/someone/secret-name.cairn")
    assert error.args == ("vault.missing",)
    assert "secret-name" in str(error)
    assert "secret-name" not in repr(error)


def test_a_phrase_is_put_into_words_with_its_sentence() -> None:
    from tui.vault import NotAVaultPath

    assert str(NotAVaultPath("/x", "folder")) == "/x is a folder, not a vault file."


SCREENS: dict[str, Any] = tomllib.loads(
    (ROOT / "tui" / "content" / "screens.toml").read_text(encoding="utf-8")
)


def test_every_word_a_screen_names_is_in_screens_toml() -> None:
    """say(section, key) and say_count(section, key, n) in the screens, with both named
    as they are written, find their words (a count's two forms: key_one, key_other)."""
    missing = []
    for path in sorted((ROOT / "screens").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _called(node) in {"say", "say_count"}):
                continue
            parts = node.args[:2]
            if len(parts) < 2 or not all(
                isinstance(p, ast.Constant) and isinstance(p.value, str) for p in parts
            ):
                continue
            section, key = (str(p.value) for p in parts)  # type: ignore[attr-defined]
            table: Any = SCREENS
            for name in section.split("."):
                table = table.get(name, {}) if isinstance(table, dict) else {}
            keys = [f"{key}_one", f"{key}_other"] if _called(node) == "say_count" else [key]
            if not all(k in table for k in keys):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: [{section}] {key}")
    assert missing == []


def test_every_shape_of_argparse_s_refusals_has_its_words() -> None:
    import re

    from tui import cli

    for shape, key in cli._ARGPARSE_SHAPES:
        text = _lookup(key)
        assert isinstance(text, str), key
        assert words.placeholders(text) == set(re.compile(shape).groupindex), key


def test_the_system_s_refusals_are_said_in_the_catalogue_s_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    denied = OSError(errno.EACCES, "Permission denied")
    assert str(words.os_reason(denied)) == CATALOGUE["os"]["EACCES"]
    monkeypatch.setitem(words.catalogue()["os"], "EACCES", "Not allowed, in other words")
    assert str(words.os_reason(denied)) == "Not allowed, in other words"
    odd = OSError(errno.ENOTSOCK, "Socket operation on non-socket")  # not in the catalogue
    assert words.os_reason(odd) == "Socket operation on non-socket"


# Calls that name a word of a table by its last part: (call, which argument, the table).
PARTS_NAMED = {
    "NotAVaultPath": (1, "vault.what"),
    "_not_regular": (1, "vault.what"),
    "refused": (1, "settings.must"),
    "storage_sentence": (1, "vault.done"),
    "write_durably": ("done", "vault.done"),
    "write_private_by": ("done", "vault.done"),
}


def test_every_word_named_by_its_last_part_is_in_its_table() -> None:
    missing, seen = [], 0
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _called(node) not in PARTS_NAMED:
                continue
            where, table = PARTS_NAMED[_called(node)]
            if isinstance(where, int):
                arg = node.args[where] if len(node.args) > where else None
            else:
                arg = next((k.value for k in node.keywords if k.arg == where), None)
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                seen += 1
                if not isinstance(_lookup(f"{table}.{arg.value}"), str):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {table}.{arg.value}")
    assert seen > 20 and missing == []
