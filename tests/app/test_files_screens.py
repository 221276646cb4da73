"""Files kept with an entry, from the app: add with a path, list with fingerprints, note,
save a copy out (the report's warning and file rules), remove (the question says what the
chain keeps), and typed work kept as a draft through a panic."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from tests.app.conftest import MakeApp, Relaunches
from tests.app.helpers import screen_name, screen_text, unlock, wait_for
from tests.helpers import PASSPHRASE
from tui import journal
from tui.journal import attachments
from tui.vault import Vault


def _text(pilot: Any, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def _entry(path: Path, text: str = "He sent the messages below.") -> str:
    with Vault.open(path, PASSPHRASE) as vault:
        return journal.add_entry(vault, text).id


async def _open_view(pilot: Any) -> None:
    await unlock(pilot)
    await pilot.press("j")
    await wait_for(pilot, lambda: screen_name(pilot) == "JournalScreen")
    await pilot.press("enter")  # from the search field to the list
    await pilot.press("enter")
    await wait_for(pilot, lambda: screen_name(pilot) == "EntryViewScreen")


@pytest.mark.parametrize("size", [(100, 40), (200, 60)], ids=["100x40", "200x60"])
async def test_a_file_is_added_listed_noted_copied_out_and_removed(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    entry_id = _entry(existing_vault)
    original = tmp_path / "screenshot.png"
    original.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await _open_view(pilot)
        assert "F adds a file to this entry" in screen_text(app)
        await pilot.press("f")
        await wait_for(pilot, lambda: screen_name(pilot) == "FilesScreen")
        assert "No files are kept with this entry yet. A adds one." in screen_text(app)

        await pilot.press("a")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileAddScreen")
        await pilot.press(*str(original), "tab", *"from his phone, 3 May")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "FilesScreen")
        await wait_for(pilot, lambda: "Attached screenshot.png" in _text(pilot, "#files-message"))
        digest = hashlib.sha256(original.read_bytes()).hexdigest()
        assert digest in _text(pilot, "#files-message")
        details = _text(pilot, "#files-details")
        assert f"SHA-256: {digest}" in details and "Type: image/png" in details
        assert "Note: from his phone, 3 May" in details
        assert "The file's own date" in details

        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileNoteScreen")
        area = app.screen.query_one(TextArea)
        area.load_text("")
        await pilot.press(*"sent at 21:04")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "FilesScreen")
        await wait_for(pilot, lambda: "Note: sent at 21:04" in _text(pilot, "#files-details"))

        await pilot.press("s")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileCopyScreen")
        assert "not encrypted" in screen_text(app)
        field = app.screen.query_one(Input)
        assert Path(field.value).name.startswith("document-") and field.value.endswith(".png")
        copy = tmp_path / "copy.png"
        field.value = str(copy)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: "Its bytes match" in screen_text(app))
        assert copy.read_bytes() == original.read_bytes()
        assert copy.stat().st_mode & 0o777 == 0o600
        await pilot.press("ctrl+s")  # the same name again: never replaced
        await wait_for(pilot, lambda: "already exists" in screen_text(app))
        await pilot.press("escape")

        await wait_for(pilot, lambda: screen_name(pilot) == "FilesScreen")
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        assert "The record chain keeps a line with its fingerprint" in screen_text(app)
        await pilot.press("y")
        await wait_for(pilot, lambda: "was taken out of the journal" in screen_text(app))
        assert not app.screen.query_one(OptionList).display
        assert "No files are kept with this entry yet." in screen_text(app)

    assert original.exists()  # the original is never touched
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        assert attachments.of_entry(vault, entry_id) == []
        actions = [link.action for link in journal.links(vault)]
        assert actions == ["add", "attach", "note", "detach"]
        assert journal.verify(vault).intact
        assert list(vault.files_folder.iterdir()) == []


async def test_a_path_that_is_a_folder_or_missing_gets_one_sentence(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    _entry(existing_vault)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_view(pilot)
        await pilot.press("f", "a")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileAddScreen")
        app.screen.query_one("#file-add-path", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "is a folder" in screen_text(app))
        app.screen.query_one("#file-add-path", Input).value = str(tmp_path / "nothing.jpg")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "There is no file at" in screen_text(app))
        assert screen_name(pilot) == "FileAddScreen"


async def test_the_path_field_completes_names(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    _entry(existing_vault)
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "bruise-day-two.jpg").write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_view(pilot)
        await pilot.press("f", "a")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileAddScreen")
        field = app.screen.query_one("#file-add-path", Input)
        await pilot.press(*f"{tmp_path}/ph")
        await wait_for(pilot, lambda: field._suggestion == f"{tmp_path}/photos/")
        await pilot.press("right")
        await wait_for(pilot, lambda: field._suggestion.endswith("bruise-day-two.jpg"))
        await pilot.press("right")
        assert field.value == f"{tmp_path}/photos/bruise-day-two.jpg"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "FilesScreen")
        await wait_for(pilot, lambda: "Type: image/jpeg" in _text(pilot, "#files-details"))


async def test_a_new_entry_is_saved_before_files_are_added(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
        await pilot.press("f4")
        await wait_for(pilot, lambda: "Save the entry first (Ctrl+S)" in screen_text(app))
        await pilot.press(*"He read my messages.", "ctrl+s")
        await wait_for(pilot, lambda: _text(pilot, "#entry-message") == "Saved.")
        await pilot.press("f4")
        await wait_for(pilot, lambda: screen_name(pilot) == "FilesScreen")


async def test_panic_in_the_add_form_keeps_what_was_typed(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, tmp_path: Path
) -> None:
    _entry(existing_vault)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _open_view(pilot)
        await pilot.press("f", "a")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileAddScreen")
        await pilot.press(*"~/Pictures/shot.png", "tab", *"the threat he sent")
        await pilot.press("f12")
        await wait_for(pilot, lambda: bool(relaunches.paths))

    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        assert "a file you were adding" in screen_text(again)
        await pilot.press("r")
        await wait_for(pilot, lambda: screen_name(pilot) == "FileAddScreen")
        assert again.screen.query_one("#file-add-path", Input).value == "~/Pictures/shot.png"
        assert again.screen.query_one("#file-add-note", Input).value == "the threat he sent"
