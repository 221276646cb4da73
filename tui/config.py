"""Settings: a small TOML file in the platform config folder. It never holds content.

A bad file is refused with the key and the line named, so the person can fix it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from .content import LANGUAGES
from .keys import DEFAULT_KEYS, only_commands, types_text
from .vault import shown, sidecar
from .words import Phrase, Told, os_reason, say, table

PANIC_ACTIONS = ("lock", "exit")
THEMES = ("textual-dark", "textual-light", "high-contrast", "ansi-dark", "ansi-light")
_KEY = re.compile(r"^[a-z0-9_+]+$")
# The top-level `language = "..."` line, replaced in place when the person switches (their
# other lines and comments are kept as they wrote them).
_LANGUAGE_LINE = re.compile(r"^[ \t]*language[ \t]*=.*$", re.MULTILINE)


def language_of_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language the person's locale names (LC_ALL, then LC_MESSAGES, then LANG, as
    POSIX reads them: "es_MX.UTF-8" is Spanish), or English. Only the name is read: the
    machine need not have the locale installed, which shared servers often do not."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split("_")[0].split(".")[0].split("@")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


class SettingsProblem(Told):
    """The settings file cannot be used; ``str()`` names the file, the key and the line."""


@dataclass(frozen=True)
class Settings:
    panic_keys: tuple[str, ...] = ("f12", "ctrl+backslash")
    panic_action: str = "lock"
    idle_minutes: float = 5
    theme: str = "textual-dark"
    terminal_title: str = "Terminal"
    mouse: bool = False
    # Neutral words where the most telling ones would be read at a glance (home, the plan's
    # emergency line, titles). Off by default: the plain words are clearer.
    discreet: bool = False
    # Home mentions the last backup once it is older than this many days; 0 (the default):
    # never, since a reminder on the screen can itself be seen.
    backup_reminder_days: int = 0
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys, for the keymap
    # "en" or "es"; without the setting, the locale's (see language_of_locale).
    language: str = field(default_factory=language_of_locale)


def settings_path() -> Path:
    chosen = os.environ.get("CAIRN_CONFIG")
    if chosen:
        return Path(chosen).expanduser()
    return user_config_path("cairn", appauthor=False) / "settings.toml"


MAX_SETTINGS_BYTES = 64 * 1024


def load_settings(path: Path | None = None) -> Settings:
    """The settings, or the defaults when there is no file. The file is opened as
    untrusted (see tui/vault/sidecar.py): a pipe, a folder, a link, a hard link, another
    account's file or a huge one is refused in one sentence, never read through."""
    path = path or settings_path()
    text = _read_text(path)
    if text is None:
        return Settings()
    return _parse(text, path)


def _read_text(path: Path) -> str | None:
    """The file's text, or None when there is none; SettingsProblem when it cannot be used."""
    try:
        fd = sidecar.open_private(path, os.O_RDONLY)
    except sidecar.SidecarRefused as refused:
        raise SettingsProblem("settings.refused", path=shown(path), what=refused.what) from None
    except OSError as error:
        raise SettingsProblem(
            "settings.unreadable", path=shown(path), reason=os_reason(error)
        ) from None
    if fd is None:
        return None
    try:
        _keep_private(fd, path)
        raw = sidecar.read_bounded(fd, path, MAX_SETTINGS_BYTES)
    except sidecar.SidecarRefused as refused:
        raise SettingsProblem("settings.refused", path=shown(path), what=refused.what) from None
    except OSError as error:
        raise SettingsProblem(
            "settings.unreadable", path=shown(path), reason=os_reason(error)
        ) from None
    finally:
        os.close(fd)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SettingsProblem("settings.not_utf8", path=shown(path)) from None


def _parse(text: str, path: Path) -> Settings:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsProblem("settings.not_toml", path=shown(path), error=error) from None
    except RecursionError:
        raise SettingsProblem("settings.too_deep", path=shown(path)) from None
    return _validate(document, path, text)


def _keep_private(fd: int, path: Path) -> None:
    """The settings file, and Cairn's own settings folder, closed to other accounts.

    A settings file written with an editor under the usual umask is readable by everyone,
    and so is its folder: another account could see that Cairn is used here, and its keys.
    Only what belongs to this account is changed, through descriptors opened without
    following links (never a link's target), and only Cairn's own folder, never a folder
    chosen with CAIRN_CONFIG.
    """
    with contextlib.suppress(OSError):
        if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
            os.fchmod(fd, 0o600)
    if path != user_config_path("cairn", appauthor=False) / "settings.toml":
        return
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            info = os.fstat(folder)
            if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
                os.fchmod(folder, 0o700)
        finally:
            os.close(folder)


def _line_of(key: str, text: str) -> int | None:
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _validate(document: dict[str, Any], path: Path, text: str) -> Settings:
    def refused(key: str, what: str, **values: object) -> SettingsProblem:
        """``what`` is a key of [settings.must]."""
        line = _line_of(key.split(".")[-1], text)
        why = Phrase(f"settings.must.{what}", **values)
        if line:
            return SettingsProblem(
                "settings.problem_at", path=shown(path), line=line, key=key, why=why
            )
        return SettingsProblem("settings.problem", path=shown(path), key=key, why=why)

    known = {
        "panic_keys",
        "panic_action",
        "idle_minutes",
        "theme",
        "terminal_title",
        "mouse",
        "discreet",
        "backup_reminder_days",
        "keys",
        "language",
    }
    for key in document:
        if key not in known:
            raise refused(key, "known", known=", ".join(sorted(known)))
    defaults = Settings()
    panic_keys = document.get("panic_keys", list(defaults.panic_keys))
    if (
        not isinstance(panic_keys, list)
        or not panic_keys
        or not all(isinstance(k, str) and _KEY.match(k) for k in panic_keys)
    ):
        raise refused("panic_keys", "key_list")
    if "escape" in panic_keys:
        raise refused("panic_keys", "no_escape")
    if any(types_text(k) for k in panic_keys):
        raise refused("panic_keys", "types_nothing")
    action = document.get("panic_action", defaults.panic_action)
    if action not in PANIC_ACTIONS:
        raise refused("panic_action", "lock_or_exit")
    idle = document.get("idle_minutes", defaults.idle_minutes)
    if isinstance(idle, bool) or not isinstance(idle, int | float) or not 0 <= idle <= 24 * 60:
        raise refused("idle_minutes", "minutes")
    theme = document.get("theme", defaults.theme)
    if theme not in THEMES:
        raise refused("theme", "one_of", choices=", ".join(THEMES))
    title = document.get("terminal_title", defaults.terminal_title)
    if not isinstance(title, str) or len(title) > 60 or not title.isprintable():
        raise refused("terminal_title", "short_line")
    mouse = document.get("mouse", defaults.mouse)
    if not isinstance(mouse, bool):
        raise refused("mouse", "true_or_false")
    discreet = document.get("discreet", defaults.discreet)
    if not isinstance(discreet, bool):
        raise refused("discreet", "true_or_false")
    reminder = document.get("backup_reminder_days", defaults.backup_reminder_days)
    if isinstance(reminder, bool) or not isinstance(reminder, int) or not 0 <= reminder <= 3650:
        raise refused("backup_reminder_days", "days")
    language = document.get("language", defaults.language)
    if language not in LANGUAGES:
        raise refused("language", "one_of", choices=", ".join(LANGUAGES))
    keys = document.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(v, str) and all(_KEY.match(k.strip()) for k in v.split(","))
        for v in keys.values()
    ):
        raise refused("keys", "key_table")
    for binding, chosen in keys.items():
        if binding not in DEFAULT_KEYS:
            raise refused(f"keys.{binding}", "binding")
        # A binding that by default types nothing (Ctrl+Q, F1, Escape) acts while a field
        # has the focus: set to a letter, that letter would do it instead of being typed,
        # and the passphrase itself could quit the app.
        if only_commands(DEFAULT_KEYS[binding]) and not only_commands(chosen):
            raise refused(f"keys.{binding}", "types_nothing")
    return Settings(
        panic_keys=tuple(panic_keys),
        panic_action=str(action),
        idle_minutes=float(idle),
        theme=str(theme),
        terminal_title=title,
        mouse=mouse,
        discreet=discreet,
        backup_reminder_days=reminder,
        keys={str(k): str(v) for k, v in keys.items()},
        language=str(language),
    )


def save_language(code: str, path: Path | None = None) -> None:
    """Write ``language = "<code>"`` into the settings file, keeping every other line as
    the person wrote it; atomic and durable (tui/private_file.py), owner-only. The file is
    read as untrusted first, like every load, so a refused file is refused here too
    (SettingsProblem), never overwritten."""
    from .private_file import write_private

    path = path or settings_path()
    if code not in LANGUAGES:
        raise ValueError(code)
    text = _read_text(path) or ""
    _parse(text, path)  # a file Cairn would refuse is the person's to fix, not to replace
    line = f'language = "{code}"'
    if _LANGUAGE_LINE.search(text):
        text = _LANGUAGE_LINE.sub(line, text, count=1)
    else:
        # At the top: below a [table] header the line would belong to that table.
        text = f"{line}\n{text}"
    _parse(text, path)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise SettingsProblem(
            "settings.unwritable", path=shown(path), reason=os_reason(error)
        ) from None
    write_private(path, text.encode("utf-8"))  # its refusals are sentences too (Told)


_KEY_SYMBOLS = {"backslash": "\\", "slash": "/"}


def key_label(key: str) -> str:
    """'ctrl+backslash' -> 'Ctrl+\\', 'f12' -> 'F12': how the person sees a key (the names
    of keys such as Space and Enter are words.toml's [keys.names])."""
    names = table("keys.names")
    parts = []
    for part in key.split("+"):
        if part in _KEY_SYMBOLS:
            parts.append(_KEY_SYMBOLS[part])
        elif part in names:
            parts.append(names[part])
        elif len(part) == 1:
            parts.append(part.upper())
        else:
            parts.append(part.capitalize() if not part.startswith("f") else part.upper())
    return "+".join(parts)


def keys_label(keys: tuple[str, ...]) -> str:
    labels = [key_label(key) for key in keys]
    if len(labels) == 1:
        return labels[0]
    return say("keys.either", first=say("keys.separator").join(labels[:-1]), last=labels[-1])
