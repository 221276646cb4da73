"""The panic key and every other way out: blank first, draft sealed, key dropped."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import TextArea

from tests.app.conftest import MakeApp, NoteScreen, Relaunches
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tests.helpers import PASSPHRASE
from tui.config import Settings
from tui.vault import Vault
from tui.vault.drafts import draft_path

CANARY = "CANARY he said [b]nothing[/b] \x1b[31m"


async def _write_note(pilot: Any, text: str = CANARY) -> None:
    app = pilot.app
    await unlock(pilot)
    app.push_screen(NoteScreen(app.session))
    await wait_for(
        pilot, lambda: bool(app.screen.query(TextArea)) and app.screen.query_one(TextArea).has_focus
    )
    app.screen.query_one(TextArea).insert(text)


async def _leave_a_draft(make_app: MakeApp) -> None:
    """One session that writes a note and presses the panic key."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        await pilot.press("f12")


@pytest.mark.parametrize("key", ["f12", "ctrl+backslash"])
async def test_panic_from_a_text_area_seals_the_draft_and_relaunches_locked(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        assert app.screen.query_one(TextArea).has_focus
        await pilot.press(key)
        assert screen_name(pilot) == "BlankScreen"
        assert app.session.vault is None
        assert relaunches.paths == [existing_vault]
        assert app.left_by == "lock"
    sealed = draft_path(existing_vault).read_bytes()
    assert b"CANARY" not in sealed

    # The fresh process: unlock, and the draft is offered back exactly as it was.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        await pilot.press("r")
        await wait_for(pilot, lambda: bool(app.screen.query(TextArea)))
        assert app.screen.query_one(TextArea).text == CANARY
        assert not draft_path(existing_vault).exists()


async def test_a_draft_is_discarded_only_after_asking(
    make_app: MakeApp, existing_vault: Path
) -> None:
    await _leave_a_draft(make_app)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        assert "It holds: " in screen_text(app)
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        assert "for good. It cannot be brought back" in screen_text(app)
        await pilot.press("k")  # kept after all
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        assert draft_path(existing_vault).exists()
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
    assert not draft_path(existing_vault).exists()


async def test_panic_from_a_modal(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches
) -> None:
    await _leave_a_draft(make_app)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        await pilot.press("ctrl+backslash")
        assert screen_name(pilot) == "BlankScreen" and app.session.vault is None
    assert len(relaunches.paths) == 2
    assert draft_path(existing_vault).exists()  # not offered back, so still kept


async def test_panic_from_the_command_palette(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"hid")
        await pilot.press("f12")
        assert screen_name(pilot) == "BlankScreen" and app.session.vault is None
    assert relaunches.paths == [existing_vault]
    assert draft_path(existing_vault).exists()


async def test_panic_during_key_derivation(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real_open = Vault.open

    def slow_open(path: Path, secret: str, *, read_only: bool = False) -> Vault:
        started.set()
        release.wait(10)
        return real_open(path, secret, read_only=read_only)

    monkeypatch.setattr("tui.unlocking.Vault.open", slow_open)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        await pilot.press(*PASSPHRASE, "enter")
        await wait_for(pilot, started.is_set)
        # In a worker, not awaited inside the screen's handler (which would stop the screen
        # repainting until Argon2 ended; the real-terminal test shows the difference).
        assert [w.name for w in app.workers if w.is_running] == ["unlock"]
        await pilot.press("f12")  # the UI thread is free while Argon2 runs
        assert screen_name(pilot) == "BlankScreen"
        assert relaunches.paths == [existing_vault]
        release.set()


async def test_panic_action_exit_leaves_without_relaunching(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches
) -> None:
    app = make_app(Settings(panic_action="exit"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        await pilot.press("f12")
        assert screen_name(pilot) == "BlankScreen"
    assert relaunches.paths == [] and app.left_by == "exit" and app.return_code == 0
    assert draft_path(existing_vault).exists()


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
async def test_quitting_seals_the_draft_and_locks(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        await pilot.press(key)
        assert app.session.vault is None
    assert relaunches.paths == [] and app.left_by == "exit"
    assert draft_path(existing_vault).exists()


async def test_idle_lock_takes_the_panic_path(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches
) -> None:
    app = make_app(Settings(idle_minutes=0.01))  # 0.6 seconds
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        await wait_for(pilot, lambda: bool(relaunches.paths))
        assert app.left_by == "lock" and app.session.vault is None
    assert draft_path(existing_vault).exists()


async def test_typing_keeps_idle_lock_away(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches
) -> None:
    app = make_app(Settings(idle_minutes=0.02))  # 1.2 seconds
    async with app.run_test(size=(80, 24)) as pilot:
        await _write_note(pilot)
        for _ in range(12):  # 2.4 seconds of steady typing
            await pilot.press("x")
            await pilot.pause(0.2)
        assert relaunches.paths == []


async def test_the_palette_lists_only_cairns_commands(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        titles = [command.title for command in app.get_system_commands(app.screen)]
    # The other language is offered on the lock screen too: a person who cannot read this
    # one must be able to switch before unlocking, or before making a vault.
    assert titles == ["Hide now", "Quit", "Keys", "Idioma: Español"]
    assert not any("screenshot" in title.lower() for title in titles)


async def test_the_palette_s_own_words_are_the_catalogue_s(
    make_app: MakeApp, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual writes "Search for commands…" and "No matches found" in its own English;
    Cairn gives both from the catalogue (here, words no Textual would write)."""
    from screens import _text

    real = _text.say

    def say(section: str, key: str, /, **values: object) -> str:
        if (section, key) == ("app", "palette_placeholder"):
            return "PLACEHOLDER-WORDS"
        if (section, key) == ("app", "palette_none"):
            return "NOTHING-MATCHES-WORDS"
        return real(section, key, **values)

    monkeypatch.setattr("tui.app.say", say)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        app.action_command_palette()
        await wait_for(pilot, lambda: bool(app.screen.query(CommandInput)))
        assert app.screen.query_one(CommandInput).placeholder == "PLACEHOLDER-WORDS"
        await pilot.press(*"zzzz")

        def shown() -> str:
            listed = app.screen.query_one(CommandList)
            return " ".join(
                str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)
            )

        await wait_for(pilot, lambda: "NOTHING-MATCHES-WORDS" in shown())
        assert "No matches found" not in shown()


async def test_a_crash_is_one_neutral_line(make_app: MakeApp, existing_vault: Path) -> None:
    app = make_app()
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await _write_note(pilot)

            def boom() -> None:
                raise RuntimeError(CANARY)

            app.call_later(boom)
            await pilot.pause(0.1)
    assert app.crashed == "RuntimeError" and app.return_code == 1
    assert app._exit_renderables == []  # Textual's traceback with local variables is never made
    assert app.session.vault is None
    # The crash seals what was typed, like every other way out.
    assert b"CANARY" not in draft_path(existing_vault).read_bytes()
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        kept = vault.open_draft()
    assert kept is not None and [item["state"]["text"] for item in kept["items"]] == [CANARY]


async def test_a_second_panic_keeps_the_first_draft_too(
    make_app: MakeApp, existing_vault: Path
) -> None:
    await _leave_a_draft(make_app)
    vault = Vault.open(existing_vault, PASSPHRASE)
    first = vault.open_draft()
    vault.lock()
    assert first is not None and len(first["items"]) == 1
    # A later session writes more without dealing with the earlier draft, and panics again.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        app.push_screen(NoteScreen(app.session))
        await wait_for(pilot, lambda: bool(app.screen.query(TextArea)))
        app.screen.query_one(TextArea).insert("second note")
        await pilot.press("f12")
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        kept = vault.open_draft()
    assert kept is not None
    assert [item["state"]["text"] for item in kept["items"]] == ["second note", CANARY]
