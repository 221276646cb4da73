"""The Textual app: screens, the panic key, idle lock, clean exits and crash handling.

Only this module knows about locking. Every way out (panic, idle, quit, ctrl+c, SIGTERM,
SIGHUP, a crash) goes through ``leave()``: blank the screen first, seal unsaved work into
the vault's draft slot, drop the key, then either exit or start a fresh process that has
never held the plaintext and shows only the lock screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from screens._glyphs import use_console
from screens._help import HELP
from screens._keys import bind
from screens._text import knows, say, use_discreet_words, use_keymap
from screens.blank import BlankScreen
from styles import stylesheet

from . import clock, domain, terminal
from .config import Settings, save_language
from .content import other_languages, use_language
from .content.checks import ContentProblem
from .handoff import hand_over
from .session import KeepsDraft, Session
from .textual_compat import (
    FaultHooks,
    command_palette,
    driver_of,
    handle_keys_one_at_a_time,
    install_input_guards,
    is_linux_console,
    use_console_glyphs,
    write_to_terminal,
)
from .themes import HIGH_CONTRAST
from .vault import VaultError, check_openable
from .visible import use_code_points
from .words import Told, last_words

LeaveHow = Literal["lock", "exit"]
RELAUNCH_ENV = "CAIRN_RELAUNCHED"
READ_ONLY_ENV = "CAIRN_READ_ONLY"  # set only by a relaunch of a read-only session


def relaunch(vault_path: Path, unwritten_draft: bytes | None = None) -> None:
    """Replace this process with a fresh Cairn showing the lock screen. The vault path goes
    through the environment (readable only by this user), never the command line; a sealed
    draft the disk could not take is handed over in memory (tui/handoff.py)."""
    os.environ["CAIRN_VAULT"] = str(vault_path)
    os.environ[RELAUNCH_ENV] = "1"
    if unwritten_draft is not None:
        hand_over(unwritten_draft)
    sys.stdout.flush()
    script = sys.argv[0]
    if script.endswith("__main__.py"):
        os.execv(sys.executable, [sys.executable, "-m", "tui"])
    os.execv(sys.executable, [sys.executable, script])


class CairnApp(FaultHooks[int]):
    CSS_PATH = stylesheet("app.tcss")
    TITLE = "Terminal"
    BINDINGS = [
        bind("panic", "panic", priority=True),
        bind("quit", "quit", priority=True),
        bind("quit-ctrl-c", "quit", priority=True, show=False),
        HELP,
        # Every key of the screen, for the ones a narrow footer cannot fit; F9 types nothing.
        bind("keys", "show_keys", priority=True),
        bind("quick-note", "quick_note"),
        # The command palette's key, declared here so that its word is the catalogue's and
        # its key the keymap's (Textual adds its own "palette" binding only when none is).
        bind("palette", "command_palette", priority=True, show=False),
    ]

    def __init__(
        self,
        session: Session,
        *,
        relaunch: Callable[[Path, bytes | None], None] = relaunch,
        terminal_state: terminal.TerminalState | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        from screens.registry import draft_screens

        for kind, factory in draft_screens().items():
            session.draft_screens.setdefault(kind, factory)
        self._relaunch = relaunch
        self._terminal_state = terminal_state
        self._last_input = time.monotonic()
        self._leaving = False
        self.left_by: LeaveHow | None = None
        self.crashed: str | None = None
        self.damaged_content: str | None = None  # one of Cairn's own files, named
        use_language(session.settings.language)
        use_discreet_words(session.settings.discreet)
        # On the Linux console, characters its fonts have (borders, bars, control symbols).
        self.on_linux_console = is_linux_console(os.environ.get("TERM"))
        use_console_glyphs(self.on_linux_console)
        use_console(self.on_linux_console)
        use_code_points(self.on_linux_console)
        self.register_theme(HIGH_CONTRAST)
        self.theme = session.settings.theme
        keymap = {"panic": ",".join(session.settings.panic_keys), **session.settings.keys}
        self.set_keymap(keymap)
        use_keymap(keymap)  # and the keys the words name

    @property
    def settings(self) -> Settings:
        return self.session.settings

    # -- start --------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._write_title()
        self._install_signal_handlers()
        idle = self.settings.idle_minutes * 60
        if idle > 0:
            self.set_interval(min(5.0, idle / 4), self._check_idle, name="idle-lock")
        self.push_screen(self.first_screen())

    def on_ready(self) -> None:
        # The rest of Cairn (journal, plan, questionnaire and their screens) loads once the
        # first screen is on the terminal, while the passphrase is typed: the prompt shows
        # sooner, and a damaged content file is still found before anything is unlocked.
        self.screen.call_after_refresh(self._load_the_rest)

    def _load_the_rest(self) -> None:
        domain.load()
        for module in ("screens.home", "screens.quick_note", "screens.draft_offer"):
            importlib.import_module(module)
        self._say_what_screen_keeps()

    def _say_what_screen_keeps(self) -> None:
        """Inside GNU screen without its alternate screen, screen keeps a copy of what Cairn
        shows, which Cairn cannot clear: said once, when Cairn starts (not again when it
        relaunches at the lock screen after a panic)."""
        from . import privacy

        if os.environ.get(RELAUNCH_ENV) or not privacy.screen_keeps_what_is_shown():
            return
        self.notify(privacy.screen_notice(), timeout=20, markup=False)

    def first_screen(self) -> Screen[Any]:
        from screens.problem import ProblemScreen
        from screens.unlock import UnlockScreen
        from screens.welcome import WelcomeScreen

        path = self.session.vault_path
        if not os.path.lexists(path):
            return WelcomeScreen(self.session)
        try:
            check_openable(path, read_only=self.session.read_only)
        except VaultError as error:
            return ProblemScreen(error)
        return UnlockScreen(self.session)

    def on_unmount(self) -> None:
        self.session.lock()  # however the app ends, the key goes with it

    def _write_title(self) -> None:
        write_to_terminal(self, terminal.title_sequence(self.settings.terminal_title))

    def _install_signal_handlers(self) -> None:
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.leave, "exit")
        # In raw mode Ctrl+C is a key; a SIGINT can only come from outside, as SIGTERM does.
        loop.add_signal_handler(signal.SIGINT, self.leave, "exit")
        loop.add_signal_handler(signal.SIGHUP, self._hang_up)
        # These replace the driver's own: suspending must blank the screen first, and coming
        # back after the idle time must not draw decrypted text again.
        loop.add_signal_handler(signal.SIGTSTP, self._suspend)

    def _suspend(self) -> None:
        """Ctrl+Z or SIGTSTP: wipe the screen, give the terminal back, stop; on return, lock
        if the idle time passed while stopped, else draw again."""
        driver = driver_of(self)
        if driver is None or self._leaving:
            return
        stopped_at = time.monotonic()
        driver.write(terminal.CLEAR_ALL)
        driver.flush()
        driver.suspend_application_mode()
        os.kill(os.getpid(), signal.SIGSTOP)
        # Continued (fg, or SIGCONT).
        idle = self.settings.idle_minutes * 60
        if idle > 0 and time.monotonic() - stopped_at >= idle and self._unlocked:
            self.leave("lock")  # relaunches at the lock screen; nothing decrypted is drawn
            return
        driver.resume_application_mode()
        self._last_input = time.monotonic()

    # -- activity and idle --------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste | events.MouseDown):
            self._last_input = time.monotonic()
        if isinstance(event, events.Key) and not event.is_forwarded:
            # Each key is handled, action included, before the next is forwarded: in a
            # burst, Tab then a word types the word into the next field (textual_compat).
            await handle_keys_one_at_a_time(
                self, event, lambda: super(CairnApp, self).on_event(event)
            )
            return
        await super().on_event(event)

    def _check_idle(self) -> None:
        idle_for = time.monotonic() - self._last_input
        if self.session.vault is not None and idle_for >= self.settings.idle_minutes * 60:
            self.leave("lock")

    # -- the quick note, from every screen once unlocked -------------------------------

    @property
    def _unlocked(self) -> bool:
        vault = self.session.vault
        return vault is not None and vault.is_open and not self._leaving

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quick_note":
            return self._unlocked and getattr(self.screen, "offers_quick_note", True)
        if action == "help_now":  # the lock screen stays neutral: it says nothing of help
            return self._unlocked and not getattr(self.screen, "is_help", False)
        return True

    def action_quick_note(self) -> None:
        from screens.quick_note import QuickNoteScreen

        if self.check_action("quick_note", ()):
            self.push_screen(QuickNoteScreen(self.session))

    def action_help_now(self) -> None:
        from screens.resources import ResourcesScreen

        if self.check_action("help_now", ()):
            self.push_screen(ResourcesScreen(self.session))

    # -- the ways out -------------------------------------------------------------------

    def action_panic(self) -> None:
        self.leave(self.settings.panic_action)  # type: ignore[arg-type]

    async def action_quit(self) -> None:
        self.leave("exit")

    def leave(self, how: LeaveHow) -> None:
        """Blank, seal the draft, lock, then exit or relaunch at the lock screen."""
        if self._leaving:
            return
        if self.session.start == "quick-log":
            how = "exit"  # `cairn log` ends at the shell, never in the full app
        self._leaving = True
        self.left_by = how
        self._blank()
        self._seal_draft()
        vault = self.session.vault
        unwritten = vault.unwritten_draft if vault is not None else None
        self.session.lock()
        if how == "lock":
            self._restart_locked(unwritten)
        self.exit(0)

    def _blank(self) -> None:
        # Queued behind any frame already on its way, so nothing is painted over it.
        write_to_terminal(self, terminal.CLEAR_ALL)
        self.clear_notifications()  # a toast would be drawn again on the blank screen
        self.push_screen(BlankScreen())

    def _restart_locked(self, unwritten_draft: bytes | None) -> None:
        driver = driver_of(self)
        if driver is not None:
            driver.stop_application_mode()
            driver.close()  # joins the writer thread: everything queued has been written
        if self._terminal_state is not None:
            self._terminal_state.restore()
        terminal.write_now(terminal.CLEAR_ALL)
        if self.session.read_only:
            os.environ[READ_ONLY_ENV] = "1"  # the fresh process stays read-only
        self._relaunch(self.session.vault_path, unwritten_draft)

    def _hang_up(self) -> None:
        # The terminal is gone: keep the work, lock, and go without touching the tty again.
        if self._leaving:
            return
        self._leaving = True
        self._seal_draft()
        self.session.lock()
        os._exit(0)

    def _seal_draft(self) -> None:
        vault = self.session.vault
        if vault is None or not vault.is_open:
            return
        items = []
        for screen in reversed(self.screen_stack):
            if isinstance(screen, KeepsDraft):
                with contextlib.suppress(Exception):  # one broken screen must not cost the rest
                    state = screen.draft_state()
                    if state:
                        items.append({"kind": screen.draft_kind, "state": state})
        if not items:
            return
        saved = clock.stamp()
        # Leaving must not stop here; the vault is intact. Work kept earlier and not yet
        # restored or discarded is carried along by the vault.
        with contextlib.suppress(VaultError, OSError):
            vault.seal_draft({"saved": saved, "items": items})

    # -- crashes: one neutral line, never a traceback or local variables ----------------

    def on_fault(self, error: BaseException | None) -> None:
        # Like every other way out: the unsaved work is sealed before the key goes.
        if error is None:
            self.crashed = self.crashed or "InputError"
        else:
            self.crashed = type(error).__name__
            if isinstance(error, ContentProblem):
                self.damaged_content = str(error)
        if not self._leaving:
            self._leaving = True
            with contextlib.suppress(Exception):
                self._seal_draft()
        self.session.lock()

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key caps in the footer ("esc", "^e", "pgup"), each named word of them
        the catalogue's ([key_caps] in screens.toml, read for the first frame anyway)."""
        shown = super().get_key_display(binding)
        return "+".join(
            say("key_caps", part) if knows("key_caps", part) else part for part in shown.split("+")
        )

    # -- command palette: the app's own commands only -----------------------------------

    def action_command_palette(self) -> None:
        """Textual's palette, with the catalogue's words (its search field, "no matches")."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                command_palette(say("app", "palette_placeholder"), say("app", "palette_none"))
            )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(say("app", "hide"), say("app", "hide_help"), self.action_panic)
        yield SystemCommand(say("app", "quit"), say("app", "quit_help"), self.action_quit_now)
        yield SystemCommand(say("app", "keys"), say("app", "keys_help"), self.action_show_keys)
        yield from self._languages()
        if self.check_action("quick_note", ()):  # unlocked, and not in the lock flow
            yield from self._places_to_go()

    def _places_to_go(self) -> Iterable[SystemCommand]:
        from screens.registry import PLACES, go

        for place in PLACES:
            if place.palette:

                def show(name: str = place.name) -> None:
                    go(self, self.session, name)

                yield SystemCommand(place.title, place.help, show)

    def _languages(self) -> Iterable[SystemCommand]:
        """Each other language, named in that language (the person who reads it finds it):
        Cairn saves the choice, locks and opens again speaking it."""
        for code in other_languages():

            def switch(code: str = code) -> None:
                self.switch_language(code)

            yield SystemCommand(say("languages", code), say("languages", f"{code}_help"), switch)

    def switch_language(self, code: str) -> None:
        """Save the choice in the settings file, then lock: the fresh process reads the
        settings and speaks ``code`` from its first frame (every word, even a key's, is made
        after the choice). Unsaved work is sealed and offered back, as with any lock."""
        try:
            save_language(code)
        except Told as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        self.leave("lock")

    def action_quit_now(self) -> None:
        self.leave("exit")

    def action_show_keys(self) -> None:
        from screens.keys_list import KeysScreen

        if type(self.screen).__name__ == "KeysScreen":
            self.screen.dismiss()
            return
        if not self._leaving:
            self.push_screen(KeysScreen(self.screen))


def run_app(session: Session, app_type: type[CairnApp] | None = None) -> int:
    install_input_guards()
    state = terminal.TerminalState()
    app = (app_type or CairnApp)(session, terminal_state=state)
    try:
        app.run(mouse=session.settings.mouse)
    finally:
        session.lock()
        terminal.leave_clean(session.settings.terminal_title)
    if app.damaged_content is not None:
        print(last_words("damaged_content", problem=app.damaged_content), file=sys.stderr)
        return 1
    if app.crashed is not None:
        print(last_words("unexpected", kind=app.crashed), file=sys.stderr)
        return 1
    return 0
