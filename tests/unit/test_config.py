"""Settings: defaults, validation naming the key and the line, exit code 2 from the command."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers import run_cairn
from tui import config
from tui.config import Settings, SettingsProblem, key_label, keys_label, load_settings


def test_no_file_means_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "missing.toml")
    assert settings == Settings()
    assert settings.panic_keys == ("f12", "ctrl+backslash") and settings.panic_action == "lock"
    assert settings.idle_minutes == 5 and settings.mouse is False


def test_a_good_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'panic_keys = ["f10"]\npanic_action = "exit"\nidle_minutes = 0\n'
        'theme = "high-contrast"\nterminal_title = "bash"\n[keys]\nquit = "ctrl+x"\n'
    )
    settings = load_settings(path)
    assert settings.panic_keys == ("f10",) and settings.panic_action == "exit"
    assert settings.idle_minutes == 0 and settings.theme == "high-contrast"
    assert settings.terminal_title == "bash" and settings.keys == {"quit": "ctrl+x"}


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ('theme = "textual-dark"\npanic_action = "run"\n', "panic_action", 2),
        ("\n\nidle_minutes = -3\n", "idle_minutes", 3),
        ('idle_minutes = "soon"\n', "idle_minutes", 1),
        ('panic_keys = ["escape"]\n', "panic_keys", 1),
        ('panic_keys = "f12"\n', "panic_keys", 1),
        ('panic_keys = ["p"]\n', "panic_keys", 1),
        ('[keys]\nquit = "ctrl+x"\nhelp-now = "f2,h"\n', "keys.help-now", 3),
        ('[keys]\npanic = "space"\n', "keys.panic", 2),
        ('theme = "neon"\n', "theme", 1),
        ('mouse = "yes"\n', "mouse", 1),
        ('colour = "red"\n', "colour", 1),
        ('terminal_title = "a\\u0007b"\n', "terminal_title", 1),
    ],
)
def test_a_bad_value_names_the_key_and_the_line(
    tmp_path: Path, text: str, key: str, line: int
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(SettingsProblem) as problem:
        load_settings(path)
    assert f"'{key}'" in str(problem.value) and f"line {line}" in str(problem.value)


def test_broken_toml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("panic_action = \n")
    with pytest.raises(SettingsProblem, match=r"not valid TOML.*line 1"):
        load_settings(path)


def test_the_app_refuses_a_bad_settings_file_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('panic_action = "run"\n')
    env = {**os.environ, "CAIRN_CONFIG": str(path), "CAIRN_VAULT": str(tmp_path / "v.cairn")}
    done = run_cairn(env=env)
    assert done.code == 2 and "panic_action" in done.err and "line 1" in done.err
    assert "Traceback" not in done.err


def test_key_labels_read_as_a_person_sees_them() -> None:
    assert key_label("ctrl+backslash") == "Ctrl+\\"
    assert key_label("f12") == "F12"
    assert keys_label(("f12", "ctrl+backslash")) == "F12 or Ctrl+\\"


def test_a_settings_file_others_could_read_is_closed_to_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written with an editor under the usual umask, the settings and Cairn's own settings
    folder would be open to every account; reading them closes both."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "config" / "cairn"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    settings = folder / "settings.toml"
    settings.write_text("idle_minutes = 5\n")
    settings.chmod(0o644)
    assert config.load_settings(settings).idle_minutes == 5
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_folder_chosen_with_cairn_config_is_left_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    settings = folder / "cairn.toml"
    settings.write_text("idle_minutes = 5\n")
    settings.chmod(0o644)
    config.load_settings(settings)
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
def test_textuals_ansi_themes_are_allowed(tmp_path: Path, theme: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'theme = "{theme}"\n')
    assert load_settings(path).theme == theme
