"""The installed ``cairn`` in a real terminal (tmux): create, unlock, panic inside the journal
editor, from a modal and from the palette, panic during unlock, idle lock, SIGHUP mid-edit, a
crash, quick logging, and the whole scrollback free of entry text after every way out."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import CAIRN, CRASHING_APP
from tests.e2e.tmux import Terminal, app_pid, create_vault, unlock
from tests.helpers import CP437, PASSPHRASE, new_vault
from tui import journal, safety_plan
from tui.vault import KdfParams, Vault

CANARY = "CANARY-words-he-said"
CAIRN_CMD = [CAIRN]
pytestmark = pytest.mark.slow


def _vault(env: dict[str, str]) -> Path:
    path = Path(env["CAIRN_VAULT"])
    vault, _ = new_vault(path)
    vault.lock()
    return path


def _note_with_canary(term: Terminal, env: dict[str, str], command: list[str] = CAIRN_CMD) -> None:
    """Start Cairn, unlock, open the journal editor and type the canary, unsaved."""
    term.start(command, env)
    unlock(term)
    term.keys("n")
    term.wait_text("The facts, in order")  # shown once the field has focus
    term.type(CANARY)
    term.wait_text(CANARY)


def _assert_clean(term: Terminal, *secrets: str) -> None:
    everything = term.scrollback()
    for secret in secrets:
        assert secret not in everything, f"{secret!r} is still in the terminal's scrollback"


def test_create_thenunlock(term: Terminal, app_env: dict[str, str]) -> None:
    term.start([CAIRN], app_env)
    code = create_vault(term, PASSPHRASE)
    # Once, with a new vault: the privacy check, in the real terminal it runs in (tmux).
    term.keys("End")  # the findings scroll from the keyboard
    term.wait_text("You are inside tmux")  # the finding for the terminal it runs in
    term.keys("Enter")
    term.wait_text("No journal entries yet")
    term.keys("C-q")
    assert term.exit_code() == 0
    _assert_clean(term, code, "recovery code")
    Vault.open(Path(app_env["CAIRN_VAULT"]), code).lock()

    term.close()
    again = Terminal(Path(term.socket).parent)
    again.start([CAIRN], app_env)
    try:
        unlock(again)
    finally:
        again.close()


def test_panic_from_a_text_area_then_the_draft_comes_back(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    _note_with_canary(term, app_env)
    first = app_pid(term)
    term.keys("F12")
    term.wait(lambda s: CANARY not in s and "Locked" not in s, seconds=5, what="a blank screen")
    term.wait_text("Locked")  # a fresh process shows the lock screen
    # The same pid: the process image that held the text was replaced (execv), not forked.
    assert app_pid(term) == first
    _assert_clean(term, CANARY)
    unlock(term)
    term.wait_text("Unsaved work")
    term.keys("r")
    term.wait_text(CANARY)
    term.keys("C-s")
    term.wait_text("Saved.")
    term.keys("C-q")
    assert term.exit_code() == 0
    _assert_clean(term, CANARY)
    with Vault.open(path, PASSPHRASE) as vault:
        assert [e.text for e in journal.entries(vault)] == [CANARY]


def test_quick_log_records_when_it_happened_and_says_saved(
    term: Terminal, app_env: dict[str, str]
) -> None:
    from datetime import datetime

    path = _vault(app_env)
    term.start([CAIRN, "log", "--when", "yesterday 21:00", "--phase", "incident"], app_env)
    unlock(term)
    term.wait_text("Ctrl+S saves")
    shown = term.wait_text("yesterday 21:00")  # the When line, filled in from --when
    assert "When" in shown
    term.type(CANARY)
    term.keys("Tab")  # to the When line: change it to the first minute of today, which is
    term.keys("C-u")  # never in the future, whatever the hour the test runs at
    term.type("today 00:00")
    term.wait_text("today 00:00")
    term.keys("C-s")
    assert term.exit_code() == 0
    assert "Saved." in term.screen()  # said at the shell, after the app is gone
    _assert_clean(term, CANARY)
    with Vault.open(path, PASSPHRASE) as vault:
        (entry,) = journal.entries(vault)
    moment = datetime.fromisoformat(entry.occurred)
    assert (entry.text, entry.phase) == (CANARY, "incident")
    assert (moment.date(), moment.hour, moment.minute) == (datetime.now().date(), 0, 0)


def test_a_quick_note_from_the_app_says_saved(term: Terminal, app_env: dict[str, str]) -> None:
    path = _vault(app_env)
    term.start(CAIRN_CMD, app_env)
    unlock(term)
    term.keys("C-n")
    term.wait_text("Ctrl+S saves")
    term.type(CANARY)
    term.keys("C-s")
    term.wait(lambda s: "Saved." in s and "Quick note" not in s, what="the note saved, said so")
    term.keys("C-q")
    assert term.exit_code() == 0
    with Vault.open(path, PASSPHRASE) as vault:
        assert [entry.text for entry in journal.entries(vault)] == [CANARY]


def test_panic_inside_quick_log_ends_at_the_shell(term: Terminal, app_env: dict[str, str]) -> None:
    path = _vault(app_env)
    term.start([CAIRN, "log"], app_env)
    unlock(term)
    term.wait_text("Ctrl+S saves")
    term.type(CANARY)
    term.wait_text(CANARY)
    term.keys("F12")
    assert term.exit_code() == 0  # back at the shell, not at a lock screen
    assert "Locked" not in term.screen() and "Saved." not in term.screen()
    _assert_clean(term, CANARY)
    with Vault.open(path, PASSPHRASE) as vault:
        draft = vault.open_draft()  # what was typed is kept for the next unlock
    assert draft is not None and CANARY in str(draft["items"])


def test_quick_log_from_the_shell(term: Terminal, app_env: dict[str, str]) -> None:
    path = _vault(app_env)
    term.start([CAIRN, "log"], app_env)
    term.wait_text("Locked")
    term.type(PASSPHRASE)
    term.keys("Enter")
    term.wait_text("Ctrl+S saves")  # the one field has focus
    # In one burst: the save must come after every character typed before it.
    term.type_then(CANARY + " and the last words", "C-s")
    assert term.exit_code() == 0
    _assert_clean(term, CANARY)
    with Vault.open(path, PASSPHRASE) as vault:
        assert [e.text for e in journal.entries(vault)] == [CANARY + " and the last words"]
        assert journal.verify(vault).intact


def test_panic_from_a_modal_and_from_the_palette(term: Terminal, app_env: dict[str, str]) -> None:
    _vault(app_env)
    _note_with_canary(term, app_env)
    term.keys("C-p")
    term.wait_text("Hide now")
    term.keys("C-\\")
    term.wait_text("Locked")
    _assert_clean(term, CANARY)
    unlock(term)
    term.wait_text("Unsaved work")  # the modal
    term.keys("F12")
    term.wait_text("Locked")
    _assert_clean(term, CANARY)


def test_panic_during_a_slowunlock(term: Terminal, app_env: dict[str, str]) -> None:
    path = Path(app_env["CAIRN_VAULT"])
    # Costly on purpose (about 2 s here), so the key press lands while Argon2 runs.
    Vault.create(path, PASSPHRASE, KdfParams(memory_kib=64 * 1024, time_cost=20, parallelism=1))[
        0
    ].lock()
    term.start([CAIRN], app_env)
    term.wait_text("Locked")
    first = app_pid(term)
    term.type(PASSPHRASE)
    term.keys("Enter")
    term.wait_text("Checking")
    term.keys("F12")
    term.wait(lambda s: "Checking" not in s, seconds=1.5, what="the blank screen during unlock")
    term.wait_text("Locked")
    assert "Checking" not in term.screen()
    assert app_pid(term) == first  # the same pid: exec'd afresh, not a child


def test_idle_lock(term: Terminal, app_env: dict[str, str]) -> None:
    _vault(app_env)
    Path(app_env["CAIRN_CONFIG"]).write_text("idle_minutes = 0.03\n")  # 1.8 seconds
    _note_with_canary(term, app_env)
    term.wait_text("Locked", seconds=20)
    _assert_clean(term, CANARY)


def test_hang_up_mid_edit_keeps_the_draft(term: Terminal, app_env: dict[str, str]) -> None:
    path = _vault(app_env)
    _note_with_canary(term, app_env)
    os.kill(app_pid(term), signal.SIGHUP)
    term.wait(lambda s: "CAIRN-EXIT:" in s, what="the app to end")
    assert path.with_name(path.name + ".draft").exists()
    term.close()
    again = Terminal(Path(term.socket).parent)
    again.start(CAIRN_CMD, app_env)
    try:
        unlock(again)
        again.wait_text("Unsaved work")
        again.keys("r")
        again.wait_text(CANARY)
    finally:
        again.close()


def test_a_crash_prints_one_neutral_line(term: Terminal, app_env: dict[str, str]) -> None:
    _vault(app_env)
    _note_with_canary(term, app_env, CRASHING_APP)
    term.keys("C-t")
    assert term.exit_code() == 1
    everything = term.scrollback()
    assert "unexpected problem (RuntimeError)" in everything
    assert "Traceback" not in everything and "CANARY" not in everything
    assert PASSPHRASE not in everything


def test_sigterm_keeps_the_draft_and_leaves_a_clean_terminal(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    _note_with_canary(term, app_env)
    os.kill(app_pid(term), signal.SIGTERM)
    assert term.exit_code() == 0
    assert path.with_name(path.name + ".draft").exists()
    _assert_clean(term, CANARY)


def test_the_title_is_neutral_and_textual_debug_variables_are_ignored(
    term: Terminal, app_env: dict[str, str], tmp_path: Path
) -> None:
    _vault(app_env)
    shots = tmp_path / "shots"
    shots.mkdir()
    env = {
        **app_env,
        "TEXTUAL": "devtools,debug",
        "TEXTUAL_LOG": str(tmp_path / "textual.log"),
        "TEXTUAL_SCREENSHOT": "1",
        "TEXTUAL_SCREENSHOT_LOCATION": str(shots),
        "TEXTUAL_PRESS": "ctrl+q",
    }
    term.start([CAIRN], env)
    unlock(term)  # TEXTUAL_PRESS would have quit before this
    assert term.title() == "Terminal"
    term.keys("C-q")
    assert term.exit_code() == 0
    assert not (tmp_path / "textual.log").exists()
    assert list(shots.iterdir()) == []


def test_escape_sequences_in_an_entry_never_reach_the_terminal(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    with Vault.open(path, PASSPHRASE) as vault:
        journal.add_entry(vault, "before \x1b]2;PWNED\x07 \x1b[2J\x1b[31m after")
    term.start(CAIRN_CMD, app_env)
    unlock(term)
    term.keys("j")
    term.wait_text("1 of 1 entry")
    term.keys("Enter")  # from the search field to the list
    term.wait_text("Open")  # the list's key shows in the footer once it has focus
    term.keys("Enter")
    term.wait_text("What happened")
    term.keys("e")  # and into the editor
    term.wait_text("Change an entry")
    shown = term.wait_text("\u241b]2;PWNED")
    assert "before" in shown and "after" in shown  # the clear-screen sequence cleared nothing
    assert "PWNED" not in term.title()


def test_the_safety_plan_in_a_real_terminal_moves_saves_and_hides(
    term: Terminal, app_env: dict[str, str]
) -> None:
    """Space, Shift+arrows and Enter arrive through a real terminal; panic leaves no trace."""
    path = _vault(app_env)
    term.start(CAIRN_CMD, app_env)
    unlock(term)
    term.keys("s")
    term.wait_text("What are you planning for?")
    term.keys("2")
    term.wait_text("that matter most for this plan")
    term.keys("Enter")  # the first section for leaving: trusted people
    # Text only the section shows: the plan behind it also lists "Not started: 0 of 3
    # checked" and says "Saved." after the mode is chosen, so waiting for those let Space
    # and Shift+Down reach the plan before the section opened (the failure under load).
    term.wait_text("Space checks")
    term.keys("Space")
    term.wait(lambda s: "[x] At least one" in s, what="the first item checked")
    term.keys("S-Down")  # the checked item moves below the second
    term.wait(lambda s: "[ ] At least one" not in s and "[x] At least one" in s
              and s.index("I can reach each") < s.index("[x] At least one"),
              what="the checked item moved down")  # fmt: skip
    term.keys("Tab", "a")
    term.wait_text("Add a person")
    # One burst across two fields, as a paste or a fast typist over SSH delivers it.
    term.type_then(f"{CANARY}\r555-0100", "C-s")
    term.wait(lambda s: f"Trusted: {CANARY}" in " ".join(" ".join(s.splitlines()[:2]).split()),
              what="the new person in the line at the top")  # fmt: skip
    term.keys("F12")
    term.wait_text("Locked")
    _assert_clean(term, CANARY)
    home = Path(app_env["HOME"])
    written = [p for p in home.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]
    assert written == []  # the plan is in the vault, sealed, and nowhere else
    with Vault.open(path, PASSPHRASE) as vault:
        plan = safety_plan.load(vault)
    people = plan.section("people")
    assert people.checklist[1].done and not people.checklist[0].done
    assert people.rows[0]["name"] == CANARY and people.rows[0]["reach"] == "555-0100"


def test_the_questionnaire_and_help_in_a_real_terminal(
    term: Terminal, app_env: dict[str, str]
) -> None:
    """Number keys, arrows, F1 and Ctrl+G arrive through a real terminal; feeling unsafe shows
    the numbers at once; panic mid-run keeps every answer, sealed in the vault."""
    from tui import questionnaire

    path = _vault(app_env)
    shipped = questionnaire.questionnaires()[0]
    first_safety = next(n for n, item in enumerate(shipped.items) if item.safety)
    term.start(CAIRN_CMD, app_env)
    unlock(term)
    term.keys("F1")
    term.wait_text("800-799-7233")
    term.keys("Escape")
    term.wait_text("Q the questionnaire")
    term.keys("q")
    term.wait_text("Not taken yet.")
    term.wait_text(shipped.title)  # the introduction is drawn with the list, not after it
    term.keys("Enter")
    term.wait_text(f"Statement 1 of {len(shipped.items)}")
    term.keys("Down", "Down", "Enter")  # the first Down reaches "never", the second "rarely"
    term.wait_text("Statement 2 of")
    for number in range(2, first_safety + 1):
        term.keys("Right" if number % 5 == 0 else "2")
        term.wait_text(f"Statement {number + 1} of")
    term.keys("5")  # "I feel unsafe at home": always
    term.wait_text("If you are in danger now, call 911.")
    term.keys("Enter")
    term.wait_text(f"Statement {first_safety + 2} of")
    term.keys("C-g")
    term.wait_text("Help and numbers to call")
    term.keys("Escape")
    term.wait_text(f"Statement {first_safety + 2} of")
    term.keys("F12")
    term.wait_text("Locked")
    with Vault.open(path, PASSPHRASE) as vault:
        run = questionnaire.unfinished(vault, shipped)
    assert run is not None and run.answered_count(shipped) == first_safety + 1
    answers = [run.answers[item.key] for item in shipped.items[: first_safety + 1]]
    assert answers[0] == 1 and answers[first_safety] == 4
    assert answers[4] is None and answers[1] == 1  # Right skipped the fifth


def test_damaged_content_found_while_the_lock_screen_shows_is_named_in_one_sentence(
    term: Terminal, app_env: dict[str, str]
) -> None:
    """The app loads the journal, plan and questionnaire once its lock screen is drawn; a
    damaged content file found then is named in one sentence with exit code 1, as the
    commands do, never a traceback."""
    _vault(app_env)
    probe = (
        "import sys, tui.content as content; real = content.read_text; "
        "content.read_text = lambda name: '' if name == 'safety_plan.toml' else real(name); "
        "sys.argv = ['cairn']; from tui.launch import run; run()"
    )
    term.start([sys.executable, "-c", probe], app_env)
    assert term.exit_code() == 1
    shown = term.screen().replace("\n", "")  # the sentence wraps at 80 columns
    assert "Cairn cannot start because one of its own files is damaged: " in shown
    assert "safety_plan.toml: [source] should be a table.CAIRN-EXIT:1" in shown
    assert "Traceback" not in term.scrollback()


def test_on_the_linux_console_only_its_characters_are_drawn(
    term: Terminal, app_env: dict[str, str]
) -> None:
    path = _vault(app_env)
    with Vault.open(path, PASSPHRASE) as vault:
        journal.add_entry(vault, "before \x1b[31m after " + "long words " * 12, phase="tension")
    term.start(CAIRN_CMD, {**app_env, "TERM": "linux"})
    seen = [term.wait_text("Locked")]
    unlock(term)
    seen.append(term.settled())
    term.keys("j")
    term.wait_text("1 of 1 entry")
    seen.append(term.settled())
    term.keys("Escape")
    term.wait(lambda s: "1 of 1 entry" not in s, what="home again")
    term.keys("p")
    seen.append(term.wait_text("Entries per week"))
    seen.append(term.settled())
    drawn = "".join(seen)
    assert sorted({ch for ch in drawn if ch not in CP437}) == []
    assert "\u2584" in drawn or "\u2588" in drawn  # the week chart, in blocks the font has
    term.keys("C-q")
    assert term.exit_code() == 0
