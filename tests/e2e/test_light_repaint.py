"""Typing repaints only what changed, and what a real terminal shows is still exactly right.

The editing fields send only the cells a keystroke changed. If an edit forgot a cell, the
terminal would keep showing stale text or a stale cursor; so after each kind of edit, the
screen tmux holds (with its colours) is compared with the same screen drawn afresh: a resize
makes Textual draw every cell again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import CAIRN
from tests.e2e.tmux import Terminal
from tests.helpers import PASSPHRASE, new_vault

pytestmark = pytest.mark.slow

LONG = "he took the car keys from the hook by the door and said I could walk to work " * 2


def _drawn_afresh(term: Terminal, width: int) -> str:
    """Blank tmux's copy of the screen, resize, and return what Textual then draws: every
    cell of it was drawn after the blanking."""
    term.forget_screen()
    term.wait(lambda shown: not shown.strip(), 10, "a blank pane")
    term.resize(width, 24)
    term.wait(lambda shown: bool(shown.strip()), 10, "the screen drawn again")
    return term.settled()


def _matches_a_full_repaint(term: Terminal, after: str) -> None:
    incremental = term.settled()
    _drawn_afresh(term, 79)  # one size at a time: Textual may fold two resizes into one
    afresh = _drawn_afresh(term, 80)
    assert afresh == incremental, (
        f"after {after}, the screen differed from a full repaint:\n{incremental!r}\n---\n{afresh!r}"
    )


def test_every_kind_of_edit_leaves_the_screen_as_a_full_repaint_draws_it(
    term: Terminal, app_env: dict[str, str]
) -> None:
    vault, _ = new_vault(Path(app_env["CAIRN_VAULT"]))
    vault.lock()
    term.start([CAIRN], app_env)
    term.wait_text("Locked")
    term.type(PASSPHRASE)
    term.keys("Enter")
    term.wait_text("Hide now")
    term.keys("n")
    term.wait_text("The facts, in order")
    term.type("short line")
    term.wait_text("short line")
    _matches_a_full_repaint(term, "typing on one line")
    term.keys("Home")  # the cursor jumps: the cell it left must lose its highlight
    _matches_a_full_repaint(term, "a jump along a line")
    term.keys("C-Right", "C-w")  # the rest of the line moves left; its old end must clear
    _matches_a_full_repaint(term, "deleting a word")
    term.keys("C-z")  # undo replays the edit without the usual path
    _matches_a_full_repaint(term, "undo")
    term.keys("End", "Left", "Left", "Left")
    term.type("ab")
    term.keys("BSpace")
    _matches_a_full_repaint(term, "moving along a line, inserting and deleting inside it")
    term.keys("End", "Enter")
    term.type(LONG)  # a new row that wraps over several lines
    term.wait_text("walk to work")
    _matches_a_full_repaint(term, "a new line and a wrapping row")
    term.keys("Up", "Right", "Right")
    term.type("X")  # inside a wrapped row: the rest of the row moves
    term.keys("BSpace", "BSpace")
    _matches_a_full_repaint(term, "editing inside a wrapped row")
    term.keys("Up", "Up", "Down")
    _matches_a_full_repaint(term, "moving the cursor between lines")
    term.keys("End")
    term.type(" café 日本")  # wide characters
    term.keys("S-Left", "S-Left", "S-Left")
    _matches_a_full_repaint(term, "wide characters and a selection")
    term.keys("BSpace")
    _matches_a_full_repaint(term, "deleting a selection")
    term.keys("End", "Enter")
    term.type("I was terrified.")
    term.wait_text("F2")
    term.keys("F2")  # the feeling is copied to its own field: new text far below the cursor
    term.wait_text("Copied to 'How I felt'")
    _matches_a_full_repaint(term, "copying feelings to their own field")
