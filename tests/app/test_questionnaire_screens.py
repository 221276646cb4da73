"""The questionnaire, the learn pages and help, driven from the keyboard alone: a whole run
with back, skip and the safety routing; leaving and resuming; keeping or throwing away;
a refused write; panic mid-run; the help key from every kind of screen; search in the learn
pages and every page drawn with its sources. Waits are conditions with deadlines."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, MarkdownViewer, OptionList, Static
from textual.widgets.markdown import MarkdownBlock

from screens.learn import LearnPageScreen
from tests.app.conftest import MakeApp, Relaunches
from tests.app.helpers import screen_name, unlock, wait_for
from tests.helpers import PASSPHRASE, fingerprint
from tui import learn
from tui import questionnaire as q
from tui import safety_plan as sp
from tui.vault import Vault

SHIPPED = q.questionnaires()[0]
SAFETY_AT = [n for n, item in enumerate(SHIPPED.items) if item.safety]


def _text(pilot: Any, selector: str) -> str:
    found = pilot.app.screen.query(selector)
    return str(found.first(Static).render()) if found else ""


def _in_vault(path: Path) -> tuple[q.Run | None, list[q.Run]]:
    with Vault.open(path, PASSPHRASE) as vault:
        return q.unfinished(vault, SHIPPED), q.saved_runs(vault, SHIPPED)


def _open_now(app: Any) -> tuple[q.Run | None, list[q.Run]]:
    """What the running app's vault holds (the file is locked to it while it runs)."""
    vault = app.session.unlocked
    return q.unfinished(vault, SHIPPED), q.saved_runs(vault, SHIPPED)


async def _at_statement(pilot: Any, number: int) -> None:
    await wait_for(pilot, lambda: screen_name(pilot) == "QuestionScreen")
    await wait_for(
        pilot, lambda: _text(pilot, "#question-progress-line").startswith(f"Statement {number} of")
    )


async def _start(pilot: Any) -> None:
    await unlock(pilot)
    await pilot.press("q")
    await wait_for(pilot, lambda: screen_name(pilot) == "QuestionnaireScreen")
    await pilot.press("enter")
    await _at_statement(pilot, 1)


async def test_a_whole_run_with_back_skip_and_help_when_unsafe_then_kept(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _start(pilot)
        await pilot.press("2")  # statement 1: rarely
        await _at_statement(pilot, 2)
        await pilot.press("left")  # back: the answer given is the one highlighted
        await _at_statement(pilot, 1)
        assert app.screen.query_one(OptionList).highlighted == 1
        await pilot.press("right")  # moving on keeps it
        await _at_statement(pilot, 2)
        await pilot.press("s")  # skip
        await _at_statement(pilot, 3)
        await pilot.press("down", "down", "down", "enter")  # arrows and Enter: "sometimes"
        await _at_statement(pilot, 4)
        for number in range(4, SAFETY_AT[0] + 1):
            await pilot.press("3")
            await _at_statement(pilot, number + 1)
        # "I feel unsafe at home": often. The numbers show at once, before anything else.
        await pilot.press("4")
        await wait_for(pilot, lambda: screen_name(pilot) == "SafetyNowScreen")
        assert "911" in _text(pilot, "#safety-now-emergency")
        assert "800-799-7233" in _text(pilot, "#safety-now-numbers")
        await pilot.press("s")  # the way to the safety plan
        await wait_for(pilot, lambda: screen_name(pilot) == "ModeScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "SafetyPlanScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "SafetyNowScreen")
        await pilot.press("enter")  # go on with the statements
        await _at_statement(pilot, SAFETY_AT[0] + 2)
        for number in range(SAFETY_AT[0] + 2, len(SHIPPED.items) + 1):
            await pilot.press("1")
            if number < len(SHIPPED.items):
                await _at_statement(pilot, number + 1)
        await wait_for(pilot, lambda: screen_name(pilot) == "SummaryScreen")
        unfinished, kept = _open_now(app)
        assert unfinished is not None and unfinished.is_complete(SHIPPED) and kept == []
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "not a verdict" in shown
        assert SHIPPED.area("safety").text("often") in shown
        await pilot.press("k")
        await wait_for(pilot, lambda: "Kept." in _text(pilot, "#summary-choice"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "QuestionnaireScreen")
        await wait_for(pilot, lambda: "Sets of answers kept: 1." in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt))  # fmt: skip
    unfinished, kept = _in_vault(existing_vault)
    assert unfinished is None and len(kept) == 1
    answers = kept[0].answers
    items = SHIPPED.items
    assert answers[items[0].key] == 1 and answers[items[1].key] is None
    assert answers[items[2].key] == 2 and answers[items[SAFETY_AT[0]].key] == 3


async def test_leaving_keeps_the_answers_and_enter_goes_on_from_there(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _start(pilot)
        await pilot.press("5", "4", "3")
        await _at_statement(pilot, 4)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "QuestionnaireScreen")
        listed = app.screen.query_one(OptionList)
        await wait_for(pilot, lambda: "3 of 43 answered" in str(listed.get_option_at_index(0).prompt))  # fmt: skip
    unfinished, _ = _in_vault(existing_vault)
    assert unfinished is not None and unfinished.position == 3
    app = make_app()  # a new session: the run is waiting in the vault
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: screen_name(pilot) == "QuestionnaireScreen")
        await pilot.press("enter")
        await _at_statement(pilot, 4)
        await pilot.press("escape", "n")  # N starts again, after asking
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await _at_statement(pilot, 1)
        assert app.screen.query_one(OptionList).highlighted is None
    unfinished, _ = _in_vault(existing_vault)
    assert unfinished is None  # nothing answered in the new run yet


async def test_a_finished_run_can_be_thrown_away_and_nothing_is_kept(
    make_app: MakeApp, existing_vault: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        done = {item.key: 2 for item in SHIPPED.items}
        q.keep_unfinished(vault, q.Run(SHIPPED.key, "2026-11-24T09:00:00+00:00", done, 32))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: screen_name(pilot) == "QuestionnaireScreen")
        await pilot.press("enter")  # a finished run waiting: its summary again
        await wait_for(pilot, lambda: screen_name(pilot) == "SummaryScreen")
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: "Thrown away." in _text(pilot, "#summary-choice"))
        await pilot.press("k")  # already decided: K does nothing now
        assert "Thrown away." in _text(pilot, "#summary-choice")
    assert _in_vault(existing_vault) == (None, [])


async def test_a_refused_write_keeps_the_statement_on_screen_and_the_vault_as_it_was(
    make_app: MakeApp, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _start(pilot)
        before = fingerprint(existing_vault)

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "full")

        monkeypatch.setattr(os, "replace", full)
        await pilot.press("3")
        await wait_for(pilot, lambda: "full" in _text(pilot, "#question-message"))
        assert _text(pilot, "#question-progress-line").startswith("Statement 1 of")
        assert fingerprint(existing_vault) == before
        monkeypatch.undo()
        await pilot.press("3")
        await _at_statement(pilot, 2)
    unfinished, _ = _in_vault(existing_vault)
    assert unfinished is not None and unfinished.answers == {SHIPPED.items[0].key: 2}


async def test_panic_mid_run_keeps_every_answer_given(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _start(pilot)
        await pilot.press("1", "2")
        await _at_statement(pilot, 3)
        await pilot.press("f12")
        assert screen_name(pilot) == "BlankScreen" and relaunches.paths == [existing_vault]
    unfinished, _ = _in_vault(existing_vault)
    assert unfinished is not None and len(unfinished.answers) == 2


async def test_a_damaged_questionnaire_file_is_named_on_screen(
    make_app: MakeApp, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged() -> tuple[q.Questionnaire, ...]:
        raise q.QuestionnaireProblem("conflict_health.toml: item 'x': 'text' is missing.")

    monkeypatch.setattr(q, "questionnaires", damaged)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("q")
        await wait_for(pilot, lambda: screen_name(pilot) == "QuestionnaireScreen")
        await wait_for(pilot, lambda: "'text' is missing" in _text(pilot, "#questionnaire-message"))  # fmt: skip
        await pilot.press("enter", "n", "escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")


# -- help, one key from every screen ------------------------------------------------------


@pytest.mark.parametrize("key", ["f1", "ctrl+g"])
@pytest.mark.parametrize("where", ["home", "a statement", "a question", "an editor"])
async def test_help_is_one_key_from_every_kind_of_screen(
    make_app: MakeApp, existing_vault: Path, where: str, key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        if where == "a statement":
            await pilot.press("q", "enter")
            await _at_statement(pilot, 1)
        elif where == "a question":  # a modal, over the plan
            await pilot.press("s")
            await wait_for(pilot, lambda: screen_name(pilot) == "ModeScreen")
        elif where == "an editor":  # focus in a text field: the key must not be typed
            await pilot.press("n")
            await wait_for(pilot, lambda: screen_name(pilot) == "EntryScreen")
            await wait_for(pilot, lambda: app.focused is not None)
            await pilot.press(*"CANARY")
        under = screen_name(pilot)
        await pilot.press(key)
        await wait_for(pilot, lambda: screen_name(pilot) == "ResourcesScreen")
        assert "800-799-7233" in _text(pilot, "#resources-numbers")
        await pilot.press(key)  # already there: nothing stacks up
        await pilot.pause()
        assert sum(type(s).__name__ == "ResourcesScreen" for s in app.screen_stack) == 1
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == under)
        if where == "an editor":
            field = app.focused
            assert getattr(field, "text", getattr(field, "value", None)) == "CANARY"


async def test_the_lock_screen_says_nothing_of_help(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: screen_name(pilot) == "UnlockScreen")
        await pilot.press("f1", "ctrl+g")
        await pilot.pause()
        assert screen_name(pilot) == "UnlockScreen"
        assert app.screen.query_one(Input).value == ""


async def test_help_shows_the_persons_own_lines_and_people_literally(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: screen_name(pilot) == "ResourcesScreen")
        assert "None yet" in _text(pilot, "#resources-lines")
        await pilot.press("a")  # straight to the form for a new line (kept in the plan)
        await wait_for(pilot, lambda: screen_name(pilot) == "RowScreen")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"[b]Shelter[/b]", "enter", *"555-0142", "enter", "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "ResourcesScreen")
        await wait_for(pilot, lambda: "555-0142" in _text(pilot, "#resources-lines"))
        assert "[b]Shelter[/b]" in _text(pilot, "#resources-lines")  # literal, not markup
        # The person's own emergency number, first.
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "EmergencyNumberScreen")
        await pilot.press(*"112", "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "ResourcesScreen")
        await wait_for(pilot, lambda: "112" in _text(pilot, "#resources-lines"))
        own = _text(pilot, "#resources-lines")
        assert own.index("112") < own.index("555-0142")
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        plan = sp.load(vault)
    assert plan.section("lines").rows == (
        {"name": "[b]Shelter[/b]", "number": "555-0142", "when": ""},
    )
    assert plan.emergency == "112"


# -- the learn pages ----------------------------------------------------------------------


async def test_learn_pages_are_searched_and_open_at_the_words_found(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: screen_name(pilot) == "LearnScreen")
        listed = app.screen.query_one(OptionList)
        assert listed.option_count == len(learn.pages())
        await pilot.press(*"key logger")
        await wait_for(pilot, lambda: listed.option_count == 1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.screen.query(MarkdownViewer)))
        viewer = app.screen.query_one(MarkdownViewer)
        await wait_for(pilot, lambda: viewer.scroll_y > 0)  # moved down to the words
        await pilot.press("escape", "ctrl+u")
        await pilot.press(*"tension", "enter")  # the first page with it: the four phases
        await wait_for(pilot, lambda: screen_name(pilot) == "LearnPageScreen")
        await wait_for(pilot, lambda: app.screen._last >= 0)
        viewer = app.screen.query_one(MarkdownViewer)
        first, seen = app.screen._last, viewer.scroll_y
        sources = [(block.source or "").casefold() for block in app.screen._blocks()]
        assert "tension" in sources[first] and not any("tension" in s for s in sources[:first])
        await pilot.press("n")  # the next place with the word, further down
        await wait_for(pilot, lambda: app.screen._last > first and viewer.scroll_y > seen)
        await pilot.press("escape", "ctrl+u")
        await pilot.press(*"elephants")
        await wait_for(pilot, lambda: "No page" in str(listed.get_option_at_index(0).prompt))


@pytest.mark.parametrize("page", learn.pages(), ids=[p.key for p in learn.pages()])
async def test_every_learn_page_is_drawn_and_ends_with_its_sources(
    make_app: MakeApp, existing_vault: Path, page: learn.LearnPage
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.push_screen(LearnPageScreen(page))
        await wait_for(pilot, lambda: bool(app.screen.query(MarkdownViewer)))
        viewer = app.screen.query_one(MarkdownViewer)
        await wait_for(pilot, lambda: len(viewer.document.query(MarkdownBlock)) > 3)
        blocks = list(viewer.document.query(MarkdownBlock))
        headings = [b for b in blocks if type(b).__name__.startswith("MarkdownH")]
        assert str(headings[0].source or "").strip() == f"# {page.title}"
        assert str(headings[-1].source or "").strip() == "## Sources"
        sources = blocks[blocks.index(headings[-1]) + 1 :]
        # A source may wrap over several lines of the file: compare words, not line breaks.
        drawn = [" ".join((b.source or "").split()) for b in sources]
        assert any(" ".join(source.split()) in text for source in page.sources for text in drawn)


async def test_sometimes_on_a_safety_statement_shows_a_lighter_line_and_goes_on(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _start(pilot)
        assert "These days:" in _text(pilot, "#question-frame")
        for number in range(1, SAFETY_AT[0] + 1):
            await pilot.press("s")  # skip up to the first safety statement
            await _at_statement(pilot, number + 1)
        await pilot.press("3")  # "sometimes"
        await _at_statement(pilot, SAFETY_AT[0] + 2)  # no stop: the next statement
        assert screen_name(pilot) == "QuestionScreen"
        assert "shows the numbers to call" in _text(pilot, "#question-message")
