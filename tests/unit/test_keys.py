"""Every binding id is listed with its default keys in tui/keys.py, and settings cannot map
a binding that acts while a field has the focus to a key that types text (``quit = "a"``
made the passphrase itself quit the app)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import screens
from tui.config import SettingsProblem, load_settings
from tui.keys import DEFAULT_KEYS, types_text


def _declared() -> dict[str, str]:
    from textual.binding import Binding

    found: dict[str, str] = {}
    modules = ["tui.app"] + [f"screens.{m.name}" for m in pkgutil.iter_modules(screens.__path__)]
    for name in modules:
        for value in vars(importlib.import_module(name)).values():
            bindings = (
                value.BINDINGS if inspect.isclass(value) and hasattr(value, "BINDINGS") else []
            )
            if isinstance(value, Binding):
                bindings = [value]
            for binding in bindings:
                if isinstance(binding, Binding) and binding.id:
                    assert found.get(binding.id, binding.key) == binding.key, binding.id
                    found[binding.id] = binding.key
    return found


def test_the_table_lists_every_binding_the_screens_declare() -> None:
    assert _declared() == DEFAULT_KEYS


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("a", True),
        ("plus", True),
        ("full_stop", True),
        ("space", True),
        ("enter", True),
        ("f12", False),
        ("ctrl+q", False),
        ("escape", False),
        ("pageup", False),
        ("delete", False),
    ],
)
def test_which_keys_type_text(key: str, typed: bool) -> None:
    assert types_text(key) is typed


def _settings(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "line",
    [
        'quit = "a"',
        'quick-note = "plus"',
        'entry-save = "s"',
        'help-now = "f1,space"',
        'journal-new = "e"',
        'panic = "x"',
    ],
)
def test_a_binding_that_acts_in_fields_cannot_take_a_typing_key(tmp_path: Path, line: str) -> None:
    path = _settings(tmp_path, f"idle_minutes = 5\n\n[keys]\n{line}\n")
    with pytest.raises(SettingsProblem) as refused:
        load_settings(path)
    binding = line.split(" =")[0]
    assert f"line 4: 'keys.{binding}' must be keys that type nothing" in str(refused.value)


def test_unknown_binding_ids_are_refused_with_file_key_and_line(tmp_path: Path) -> None:
    path = _settings(tmp_path, '[keys]\nquitt = "ctrl+q"\n')
    with pytest.raises(SettingsProblem) as refused:
        load_settings(path)
    assert str(refused.value) == (
        f"In {path}, line 2: 'keys.quitt' is not a binding Cairn knows "
        "(the README lists every binding and its keys)."
    )


def test_letters_stay_allowed_where_letters_are_the_default(tmp_path: Path) -> None:
    path = _settings(tmp_path, '[keys]\nhome-new-entry = "w"\nquit = "ctrl+x"\n')
    assert load_settings(path).keys == {"home-new-entry": "w", "quit": "ctrl+x"}
