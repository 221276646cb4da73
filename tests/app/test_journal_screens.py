"""The journal screens driven from the keyboard: write, check in, find, change, delete,
quick notes, reports and patterns. Waits are conditions with deadlines."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, TextArea

from screens._entry_list import EntryList
from tests.app.conftest import MakeApp, Relaunches
from tests.app.helpers import screen_name, unlock, wait_for
from tests.helpers import PASSPHRASE, new_vault
from tui import journal
from tui.vault import Vault
from tui.vault.drafts import draft_path

LITERAL = "[b]not bold[/b] [@click=app.quit]x[/] \x1b[31mred"


def _text(pilot: Any, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def _shows(pilot: Any, selector: str, words: str) -> bool:
    found = pilot.app.screen.query(selector)
    return bool(found) and words in str(found.first(Static).render())


async def _open_editor(pilot: Any) -> None:
    await unlock(pilot)
    await pilot.press("n")
    await wait_for(pilot, lambda: _shows(pilot, "#entry-field-hint", "The facts, in order"))


def _stored(path: Path) -> list[journal.JournalEntry]:
    with Vault.open(path, PASSPHRASE) as vault:
        return journal.entries(vault)


async def test_an_entry_is_written_and_saved_from_home(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        await pilot.press(*"He took my phone.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        assert "Journal entries: 1." in _text(pilot, "#journal-summary")
        assert _text(pilot, "#today-page").startswith("Entries about today: 1.")
    (entry,) = _stored(existing_vault)
    assert entry.text == "He took my phone."


async def test_every_field_is_stored_and_feelings_are_copied_never_moved(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await _open_editor(pilot)
        screen = app.screen
        typed = "He twisted my wrist until it hurt. He threw a cup. I was terrified."
        screen.query_one("#field-text", TextArea).insert(typed)
        await wait_for(pilot, lambda: screen.query_one("#entry-hint").display)
        assert "One of your sentences says" in _text(pilot, "#entry-hint")
        assert "'terrified'" in _text(pilot, "#entry-hint") and "'hurt'" not in _text(
            pilot, "#entry-hint"
        )
        await pilot.press("f2")
        await wait_for(pilot, lambda: not screen.query_one("#entry-hint").display)
        assert screen.query_one("#field-felt", TextArea).text == "I was terrified."
        assert screen.query_one("#field-text", TextArea).text == typed  # the facts stay
        await pilot.press("f2")  # F2 again takes the copy back out
        await wait_for(pilot, lambda: screen.query_one("#field-felt", TextArea).text == "")
        await pilot.press("f2")
        screen.query_one("#field-occurred", Input).value = "2026-11-02 21:15"
        screen.query_one("#field-where", Input).value = "kitchen"
        screen.query_one("#field-who", Input).value = "our son"
        screen.query_one("#field-said", TextArea).insert("You made me do it.")
        screen.query_one("#field-phase").value = "incident"
        screen.query_one("#field-tags", Input).value = "cup, kitchen"
        screen.query_one("#field-afterwards", TextArea).insert("He blamed me.")
        screen.query_one("#field-evidence", Input).value = "photo at my sister's"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
    (entry,) = _stored(existing_vault)
    assert (entry.text, entry.felt) == (
        "He twisted my wrist until it hurt. He threw a cup. I was terrified.",
        "I was terrified.",
    )
    assert (entry.where, entry.who, entry.said) == ("kitchen", "our son", "You made me do it.")
    assert (entry.phase, entry.tags) == ("incident", ("cup", "kitchen"))
    assert (entry.afterwards, entry.evidence) == ("He blamed me.", "photo at my sister's")
    assert journal.editable(entry.occurred) == "2026-11-02 21:15"


async def test_injuries_insults_and_threats_are_never_offered(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        typed = "He twisted my wrist until it hurt. He called me stupid. He said he would kill me."
        await pilot.press(*typed)
        await wait_for(pilot, lambda: app.screen.query_one("#field-text", TextArea).text == typed)
        assert not app.screen.query_one("#entry-hint").display
        await pilot.press("f2")  # nothing to copy: nothing happens
        assert app.screen.query_one("#field-felt", TextArea).text == ""
        assert app.screen.query_one("#field-text", TextArea).text == typed


async def test_the_feelings_hint_can_be_hidden_and_nothing_moves(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        app.screen.query_one("#field-text", TextArea).insert("I felt afraid.")
        await wait_for(pilot, lambda: app.screen.query_one("#entry-hint").display)
        await pilot.press("f3")
        await wait_for(pilot, lambda: not app.screen.query_one("#entry-hint").display)
        assert app.screen.query_one("#field-text", TextArea).text == "I felt afraid."


async def test_a_time_that_cannot_be_read_is_refused_and_the_text_kept(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        await pilot.press(*"kept text")
        app.screen.query_one("#field-occurred", Input).value = "03/04/2026"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Write the time like" in _text(pilot, "#entry-message"))
        assert app.screen.query_one("#field-occurred", Input).has_focus
        assert app.screen.query_one("#field-text", TextArea).text == "kept text"
    assert _stored(existing_vault) == []


async def test_leaving_with_unsaved_text_asks_first(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        await pilot.press(*"unsaved")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("k")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        assert app.screen.query_one("#field-text", TextArea).text == "unsaved"
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
    assert _stored(existing_vault) == []


async def test_a_failed_save_keeps_the_text_and_says_why(
    make_app: MakeApp, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        await pilot.press(*"must not be lost")

        def full(*args: object) -> None:
            raise OSError(28, "No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", full)
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: "disk is full" in _text(pilot, "#entry-message"))
        assert app.screen.query_one("#field-text", TextArea).text == "must not be lost"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
    assert [e.text for e in _stored(existing_vault)] == ["must not be lost"]


async def test_todays_page_is_saved_and_home_says_so(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        assert _text(pilot, "#today-page") == "Nothing is written for today yet."
        await pilot.press("t")
        await wait_for(pilot, lambda: _shows(pilot, "#daily-field-hint", "A line or two"))
        await pilot.press(*"Tired but fine.")
        app.screen.query_one("#daily-happened").value = True
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Write what happened" in _text(pilot, "#daily-message"))
        app.screen.query_one("#field-text", TextArea).insert("Shouting at dinner.")
        app.screen.query_one("#field-phase").value = "incident"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#daily-message") == "Saved.")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        assert _text(pilot, "#today-page") == "Today's page is written."
        await pilot.press("t")  # the same page again, to add to it
        await wait_for(pilot, lambda: screen_name(pilot) == "DailyScreen")
        assert app.screen.query_one("#daily-today", TextArea).text == "Tired but fine."
    (page,) = _stored(existing_vault)
    assert (page.kind, page.today, page.happened, page.phase) == (
        "daily",
        "Tired but fine.",
        True,
        "incident",
    )


def _seed(path: Path, count: int = 3) -> None:
    with Vault.open(path, PASSPHRASE) as vault:
        journal.add_entry(
            vault, "Keys hidden", phase="incident", occurred="2026-11-02T21:15:00+00:00"
        )
        journal.add_entry(vault, LITERAL, tags=("marks",), occurred="2026-11-03T10:00:00+00:00")
        for n in range(count - 2):
            journal.add_entry(
                vault, f"calm day {n}", phase="calm", occurred="2026-10-01T08:00:00+00:00"
            )


async def _open_journal(pilot: Any) -> None:
    await unlock(pilot)
    await pilot.press("j")
    await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")


async def _edit_found(pilot: Any, words: str) -> None:
    """From home: the journal, search, open the first match, and edit it."""
    await _open_journal(pilot)
    await pilot.press(*words, "enter")  # one Enter after a search opens what was found
    await wait_for(pilot, lambda: screen_name(pilot) == "EntryViewScreen")
    await pilot.press("e")
    await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")


async def test_the_list_searches_as_you_type_and_filters(
    make_app: MakeApp, existing_vault: Path
) -> None:
    _seed(existing_vault, 4)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_journal(pilot)
        listing = app.screen.query_one(EntryList)
        assert [e.first_line for e in listing.entries][:2] == [LITERAL, "Keys hidden"]
        assert _text(pilot, "#journal-count") == "4 of 4 entries"
        await pilot.press(*"KEYS")
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "1 of 4 entries")
        await pilot.press("ctrl+a", "ctrl+k")
        app.screen.query_one("#journal-phase").value = "calm"
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "2 of 4 entries")
        app.screen.query_one("#journal-phase").clear()
        app.screen.query_one("#journal-tag", Input).value = "MARKS"
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "1 of 4 entries")
        app.screen.query_one("#journal-tag", Input).value = ""
        app.screen.query_one("#journal-start", Input).value = "2026-11-01"
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "2 of 4 entries")
        app.screen.query_one("#journal-end", Input).value = "03/11/2026"
        await wait_for(pilot, lambda: "Write days like" in _text(pilot, "#journal-count"))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
async def test_escape_clears_the_search_and_filters_before_leaving(
    make_app: MakeApp, existing_vault: Path, size: tuple[int, int]
) -> None:
    _seed(existing_vault, 4)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await _open_journal(pilot)
        assert "all these words" in app.screen.query_one("#journal-words", Input).placeholder
        await pilot.press(*"KEYS")
        app.screen.query_one("#journal-tag", Input).value = "marks"
        await wait_for(
            pilot,
            lambda: (
                _text(pilot, "#journal-count") == "0 of 4 entries"
                or "No entries" in _text(pilot, "#journal-count")
            ),
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "4 of 4 entries")
        assert screen_name(pilot) == "JournalScreen"
        assert app.screen.query_one("#journal-words", Input).value == ""
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")


async def test_an_editor_reopens_with_the_cursor_after_the_text(
    make_app: MakeApp, existing_vault: Path
) -> None:
    _seed(existing_vault)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _edit_found(pilot, "keys")
        await pilot.press(*" again")  # typing goes on at the end, not before the first word
        text = app.screen.query_one("#field-text", TextArea).text
        assert text == "Keys hidden again"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
async def test_a_cut_row_ends_with_an_ellipsis(
    make_app: MakeApp, existing_vault: Path, size: tuple[int, int]
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(
            vault, "He said he would take the car and the keys and leave me here " * 3
        )
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await _open_journal(pilot)
        row = app.screen.query_one(EntryList).render_line(0).text
        assert (
            row.rstrip().endswith("\u2026")
            and len(row) == app.screen.query_one(EntryList).size.width
        )


async def test_user_text_is_shown_literally_in_the_list_and_the_entry(
    make_app: MakeApp, existing_vault: Path
) -> None:
    _seed(existing_vault)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await _open_journal(pilot)
        await pilot.press("enter")  # from the search field to the list
        await wait_for(pilot, lambda: app.screen.query_one(EntryList).has_focus)
        lines = [app.screen.query_one(EntryList).render_line(0).text]
        assert "[b]not bold[/b] [@click=app.quit]x[/] \u241b[31mred" in lines[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryViewScreen")
        values = [str(s.render()) for s in app.screen.query(".field-value")]
        assert "[b]not bold[/b] [@click=app.quit]x[/] \u241b[31mred" in values
        assert app.is_running  # the [@click=app.quit] text did nothing


async def test_an_entry_is_changed_with_its_history_kept_then_deleted(
    make_app: MakeApp, existing_vault: Path
) -> None:
    _seed(existing_vault)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _edit_found(pilot, "keys")
        await pilot.press("end", *" twice")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryViewScreen")
        await pilot.press("h")
        await wait_for(pilot, lambda: bool(app.screen.query(".version-title")))
        values = [str(s.render()) for s in app.screen.query(".field-value")]
        assert values[0] == "Keys hidden twice" and "Keys hidden" in values
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        assert "record chain keeps a line" in _text(pilot, "#confirm-body")
        await pilot.press("y")
        await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "No entries match.")
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        assert len(journal.entries(vault)) == 2
        report = journal.verify(vault)
        assert report.intact and report.removed == 1


async def test_a_quick_note_from_any_unlocked_screen(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await pilot.press("j")
        await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: _shows(pilot, "#quick-message", "Ctrl+S saves"))
        await pilot.press(*"He read my messages.", "ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")
        await wait_for(pilot, lambda: _text(pilot, "#journal-count") == "1 of 1 entry")
    assert [e.text for e in _stored(existing_vault)] == ["He read my messages."]


async def test_no_quick_note_before_unlocking(make_app: MakeApp, existing_vault: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(pilot) == "UnlockScreen"


async def test_quick_log_mode_saves_and_leaves(make_app: MakeApp, existing_vault: Path) -> None:
    app = make_app()
    app.session.start = "quick-log"
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        await pilot.press(*PASSPHRASE, "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "QuickNoteScreen")
        await pilot.press(*"Ten seconds.", "ctrl+s")
        await wait_for(pilot, lambda: not app.is_running)
    assert [e.text for e in _stored(existing_vault)] == ["Ten seconds."]


@pytest.mark.parametrize("key", ["f12", "ctrl+backslash"])
async def test_panic_in_the_editor_seals_every_field_and_offers_it_back(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_editor(pilot)
        await pilot.press(*"CANARY in the editor")
        app.screen.query_one("#field-where", Input).value = "CANARY hallway"
        await pilot.press(key)
        assert screen_name(pilot) == "BlankScreen"
        assert app.session.vault is None and relaunches.paths == [existing_vault]
    assert b"CANARY" not in draft_path(existing_vault).read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        assert _shows(pilot, "#draft-holds", "It holds: a journal entry.")
        await pilot.press("r")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        assert app.screen.query_one("#field-text", TextArea).text == "CANARY in the editor"
        assert app.screen.query_one("#field-where", Input).value == "CANARY hallway"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
    assert [e.where for e in _stored(existing_vault)] == ["CANARY hallway"]


async def test_panic_while_changing_an_entry_restores_the_change_to_that_entry(
    make_app: MakeApp, existing_vault: Path
) -> None:
    _seed(existing_vault)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _edit_found(pilot, "keys")
        await pilot.press("end", *" and the car keys")
        await pilot.press("f12")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        await pilot.press("r")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
    found = {e.text: e for e in _stored(existing_vault)}
    assert found["Keys hidden and the car keys"].version == 2


async def test_a_report_is_written_after_confirmation_and_never_over_a_file(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    _seed(existing_vault)
    target = tmp_path / "report.html"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: screen_name(pilot) == "ReportScreen")
        app.screen.query_one("#export-file", Input).value = str(target)
        app.screen.query_one("#report-start", Input).value = "2026-11-01"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "ReportScreen")
        assert not target.exists()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: "Wrote 2 entries" in _text(pilot, ".export-message"))
        first = target.read_bytes()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "already exists" in _text(pilot, ".export-message"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == first
    assert b"&lt;U+" not in first and b"\x1b" not in first
    assert b"Keys hidden" in first and b"calm day" not in first


async def test_a_report_holds_the_tags_and_parts_chosen_on_screen(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(vault, "Keys hidden.", tags=("keys",), felt="CANARY-FELT")
        journal.add_entry(vault, "A calm day.", tags=("work",))
    target = tmp_path / "chosen.md"
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await unlock(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: screen_name(pilot) == "ReportScreen")
        default = app.screen.query_one("#export-file", Input).value
        assert Path(default).name.startswith("document-")  # says nothing of what it holds
        app.screen.query_one("#export-format").value = "markdown"
        app.screen.query_one("#export-file", Input).value = str(target)
        app.screen.query_one("#report-tags", Input).value = "keys"
        app.screen.query_one("#report-felt").value = False
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: "Wrote 1 entry" in _text(pilot, ".export-message"))
    written = target.read_text()
    assert "Keys hidden." in written and "A calm day." not in written
    assert "CANARY-FELT" not in written and "How I felt: left out" in written


async def test_patterns_show_the_month_by_letter_and_the_cycles(
    make_app: MakeApp, existing_vault: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        for day, phase in [("03", "tension"), ("05", "incident"), ("06", "reconciliation")]:
            journal.add_entry(vault, "x", phase=phase, occurred=f"2026-11-{day}T12:00:00+00:00")
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await unlock(pilot)
        await pilot.press("p")
        await wait_for(pilot, lambda: screen_name(pilot) == "PatternsScreen")
        screen = app.screen
        screen.year, screen.month = 2026, 11  # type: ignore[attr-defined]
        screen.draw_month()  # type: ignore[attr-defined]
        await pilot.pause()
        month = _text(pilot, "#patterns-month")
        assert " 3T" in month and " 5I" in month and " 6R" in month
        assert "tension" in _text(pilot, "#patterns-cycles")
        assert "Fewer than two incidents" in _text(pilot, "#patterns-gaps")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
async def test_the_month_keys_move_the_calendar_at_80x24(
    make_app: MakeApp, existing_vault: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        await pilot.press("p")
        await wait_for(pilot, lambda: bool(app.screen.query("#patterns-month")))
        screen = app.screen
        start = (screen.year, screen.month)  # type: ignore[attr-defined]
        await pilot.press("pageup", "pageup")
        await wait_for(pilot, lambda: (screen.year, screen.month) != start)  # type: ignore[attr-defined]
        back = start[0] * 12 + start[1] - 1 - 2
        assert (screen.year, screen.month) == (back // 12, back % 12 + 1)  # type: ignore[attr-defined]
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: (screen.year * 12 + screen.month) == back + 2)  # type: ignore[attr-defined]


async def test_a_second_vault_session_sees_a_new_entry_from_the_command_line(
    tmp_path: Path, make_app: MakeApp
) -> None:
    path = tmp_path / "other" / "vault.cairn"
    vault, _ = new_vault(path)
    journal.add_entry(vault, "logged from a shell")
    vault.lock()
    app = make_app(path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        assert "Journal entries: 1." in _text(pilot, "#journal-summary")


ESCAPES = "set title \x1b]2;PWNED\x07 clear \x1b[2J red \x1b[31m flip \u202eevil"


def _drawn_lines(screen: Any) -> list[str]:
    """Every line the editing fields and the list hand to the terminal."""
    from screens._plain import PlainInput, PlainTextArea

    lines = []
    for widget in screen.query("PlainTextArea, PlainInput, EntryList"):
        assert isinstance(widget, PlainTextArea | PlainInput | EntryList)
        lines += [widget.render_line(y).text for y in range(widget.size.height)]
    return lines


async def test_escape_sequences_are_drawn_as_symbols_and_kept_exactly(
    make_app: MakeApp, existing_vault: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(vault, ESCAPES, where=ESCAPES)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_journal(pilot)
        await pilot.press(*"flip")
        await wait_for(pilot, lambda: "1 of 1" in _text(pilot, "#journal-count"))
        listed = _drawn_lines(app.screen)
        assert any("\u241b]2;PWNED" in line for line in listed)
        await pilot.press("enter")  # one Enter after a search opens the entry
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryViewScreen")
        await pilot.press("e")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        await pilot.pause()
        drawn = _drawn_lines(app.screen)
        assert any("\u241b[2J" in line and "<U+202E>evil" in line for line in drawn)
        for line in drawn + listed:
            assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
        assert app.screen.query_one("#field-text", TextArea).text == ESCAPES
        app.screen.query_one("#field-who", Input).value = "nobody else"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
    (entry,) = _stored(existing_vault)
    assert (entry.text, entry.where, entry.who) == (ESCAPES, ESCAPES, "nobody else")


async def test_tags_are_suggested_from_earlier_entries(
    make_app: MakeApp, existing_vault: Path
) -> None:
    _seed(existing_vault)
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await _open_editor(pilot)
        await pilot.press(*"x")
        app.screen.set_focus(app.screen.query_one("#field-tags", Input))
        await pilot.press(*"work, MA")
        await pilot.press("right")  # accepts the suggestion
        field = app.screen.query_one("#field-tags", Input)
        await wait_for(pilot, lambda: field.value == "work, marks")


@pytest.mark.parametrize("where", ["daily", "quick"])
async def test_panic_on_todays_page_or_a_quick_note_keeps_the_words(
    make_app: MakeApp, existing_vault: Path, where: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        if where == "daily":
            await pilot.press("t")
            await wait_for(pilot, lambda: _shows(pilot, "#daily-field-hint", "A line or two"))
        else:
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: _shows(pilot, "#quick-message", "Ctrl+S saves"))
        await pilot.press(*"CANARY kept")
        await pilot.press("f12")
    assert b"CANARY" not in draft_path(existing_vault).read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        await pilot.press("r")
        await wait_for(pilot, lambda: screen_name(pilot) in {"DailyScreen", "QuickNoteScreen"})
        area = app.screen.query_one("#daily-today" if where == "daily" else "#quick-text", TextArea)
        assert area.text == "CANARY kept"


async def test_a_one_megabyte_entry_opens_and_is_kept_whole(
    make_app: MakeApp, existing_vault: Path
) -> None:
    text = ("[b]x[/b] \x1b[31m line of a long paste 🙂\n" * 30000)[: 1024 * 1024]
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        journal.add_entry(vault, text)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_journal(pilot)
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryViewScreen")
        shown = next(str(s.render()) for s in app.screen.query(".field-value"))
        assert "more characters. Press E" in shown and "\x1b" not in shown
        await pilot.press("e")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen", seconds=30)
        assert app.screen.query_one("#field-text", TextArea).text == text
    assert _stored(existing_vault)[0].text == text


async def test_the_palette_reaches_every_journal_screen_once_unlocked(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert list(commands)[:3] == ["Hide now", "Quit", "Keys"]
        expected = {
            "Quick note": "QuickNoteScreen",
            "New journal entry": "EntryScreen",
            "Today's page": "DailyScreen",
            "Journal": "JournalScreen",
            "Patterns": "PatternsScreen",
            "Printable report": "ReportScreen",
        }
        for title, screen in expected.items():
            commands[title].callback()
            await wait_for(
                pilot, lambda screen=screen: screen_name(pilot) == screen and app.screen.is_mounted
            )
            await pilot.pause()
            app.pop_screen()
            await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
async def test_every_key_of_a_screen_is_listed_at_80x24(
    make_app: MakeApp, existing_vault: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: screen_name(pilot) == "KeysScreen")
        listed = _text(pilot, "#keys-rows")
        for shown in ("F12, Ctrl+\\", "Hide now", "New entry", "Questionnaire", "Learn", "Quit"):
            assert shown in listed, shown
        await pilot.press("f9")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        await pilot.press("f9")  # from inside a text field too
        await wait_for(pilot, lambda: screen_name(pilot) == "KeysScreen")
        assert "Save" in _text(pilot, "#keys-rows")
        assert app.screen.query_one("#keys-rows")  # not Textual's generic panel
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        assert app.screen.query_one("#field-text", TextArea).text == ""  # F9 typed nothing
