"""The safety plan driven from the keyboard alone: choosing the plan, checking, adding,
changing, moving and removing, notes, the review date, the card and printing; failures that
keep the words; panic that keeps unsaved work. Waits are conditions with deadlines."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from tests.app.conftest import MakeApp, Relaunches
from tests.app.helpers import screen_name, unlock, wait_for
from tests.helpers import PASSPHRASE, fingerprint
from tui import safety_plan as sp
from tui.vault import Vault
from tui.vault.drafts import draft_path

TYPED = "[b]Sam[/b] [@click=app.quit]x[/]"  # markup, typed key by key
LITERAL = TYPED + " \x1b[31mred"  # and an escape sequence, as a paste would bring it
SHOWN = TYPED + " \u241b[31mred"


def _text(pilot: Any, selector: str) -> str:
    found = pilot.app.screen.query(selector)
    return str(found.first(Static).render()) if found else ""


def _stored(path: Path) -> sp.SafetyPlan:
    with Vault.open(path, PASSPHRASE) as vault:
        return sp.load(vault)


async def _open_plan(pilot: Any, choose: str = "1") -> None:
    await unlock(pilot)
    await pilot.press("s")
    await wait_for(pilot, lambda: screen_name(pilot) == "ModeScreen")
    await pilot.press(choose)
    await wait_for(pilot, lambda: "Plan: " in _text(pilot, "#plan-mode-line"))


async def _open_section(pilot: Any, title: str) -> None:
    """From the overview: show every section, highlight the one titled, open it."""
    await pilot.press("o")
    options = pilot.app.screen.query_one("#plan-sections")
    index = [o.id for o in options.options].index(
        next(s.key for s in sp.plan_content().sections if s.title == title)
    )
    options.highlighted = index
    await pilot.press("enter")
    await wait_for(pilot, lambda: ": " in _text(pilot, "#section-progress"))
    await wait_for(pilot, lambda: pilot.app.focused is not None)


async def _saved(pilot: Any) -> None:
    await wait_for(pilot, lambda: _text(pilot, "#section-message") == "Saved.")
    pilot.app.screen.query_one("#section-message", Static).update("")


async def _form_ready(pilot: Any, name: str) -> None:
    await wait_for(pilot, lambda: screen_name(pilot) == name)
    await wait_for(pilot, lambda: isinstance(pilot.app.focused, Input))


async def test_a_new_plan_is_chosen_checked_and_edited_from_the_keyboard(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_plan(pilot, "1")
        assert "Staying safer" in _text(pilot, "#plan-mode-line")
        await pilot.press("enter")  # the first section for staying
        await wait_for(pilot, lambda: "Not started" in _text(pilot, "#section-progress"))
        assert _text(pilot, "#section-body .title") == "Safety while living together"

        await pilot.press("space")  # check the first item
        await _saved(pilot)
        await pilot.press("shift+down")  # and move it below the second
        await _saved(pilot)
        await pilot.press("down", "d")  # the third item: remove, after a question
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await _saved(pilot)
        await pilot.press("a")
        await _form_ready(pilot, "ItemScreen")
        await pilot.press(*TYPED, "enter")
        await _saved(pilot)
        assert "Started" in _text(pilot, "#section-progress")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "SafetyPlanScreen")
        sections = app.screen.query_one("#plan-sections", OptionList)
        await wait_for(pilot, lambda: "Started: " in str(sections.get_option_at_index(0).prompt))

    plan = _stored(existing_vault)
    assert plan.mode == "stay"
    items = plan.section("living").checklist
    default = sp.plan_content().section("living").checklist
    assert [i.text for i in items] == [default[1], default[0], *default[3:], TYPED]
    assert [i.done for i in items] == [False, True] + [False] * (len(items) - 2)


async def test_trusted_people_reach_the_line_on_every_safety_screen(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_plan(pilot, "2")
        assert "Trusted person: none yet" in _text(pilot, "EmergencyBar")
        await _open_section(pilot, "Trusted people and checking in")
        await pilot.press("tab", "a")
        await _form_ready(pilot, "RowScreen")
        await pilot.press("ctrl+s")  # the name is required: the form says so and stays
        await wait_for(pilot, lambda: "Write the name first" in _text(pilot, ".form-message"))
        app.screen.query_one("#row-name", Input).value = LITERAL
        await pilot.press("enter", *"555-0100", "enter", "enter")
        await pilot.press(*"no answer by 21:00: call 911", "enter")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
        await _saved(pilot)
        bar = _text(pilot, "EmergencyBar")
        assert "911" in bar and "800-799-7233" in bar and f"{SHOWN}, 555-0100" in bar
        assert "\x1b" not in bar
        await pilot.press("d")  # removing asks first; N keeps the person
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        assert SHOWN in _text(pilot, "#confirm-body")
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
        await pilot.press("escape", "c")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanCardScreen")
        card = _text(pilot, "#card-text")
        assert f"{SHOWN}; 555-0100; check-in: no answer by 21:00: call 911" in card
    (person,) = _stored(existing_vault).trusted_people()
    assert person == {"name": LITERAL, "reach": "555-0100", "knows": "",
                      "check_in": "no answer by 21:00: call 911"}  # fmt: skip


async def test_notes_ask_before_they_are_thrown_away_and_save_with_ctrl_s(
    make_app: MakeApp, existing_vault: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_plan(pilot)
        await _open_section(pilot, "Preparing to leave")
        app.screen.set_focus(app.screen.query_one("#section-notes", TextArea))
        await pilot.press(*"Bus 42 leaves at 7.")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("k")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
        await pilot.press("ctrl+s")
        await _saved(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "SafetyPlanScreen")
    assert _stored(existing_vault).section("preparing").notes == "Bus 42 leaves at 7."


async def test_a_refused_write_keeps_the_change_on_screen_and_the_vault_as_it_was(
    make_app: MakeApp, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_plan(pilot)
        await _open_section(pilot, "The go-bag")
        before = fingerprint(existing_vault)

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "full")

        monkeypatch.setattr(os, "replace", full)
        await pilot.press("space")
        await wait_for(pilot, lambda: "full" in _text(pilot, "#section-message"))
        assert app.screen.unsaved  # the tick is still on screen, for Ctrl+S later
        await pilot.press("a")
        await _form_ready(pilot, "ItemScreen")
        await pilot.press(*"A spare phone", "enter")
        await wait_for(pilot, lambda: "full" in _text(pilot, ".form-message"))
        assert screen_name(pilot) == "ItemScreen"  # the words stay in the form
        assert fingerprint(existing_vault) == before
        monkeypatch.undo()
        await pilot.press("enter")  # now it goes through, with the earlier tick
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
        await _saved(pilot)
    bag = _stored(existing_vault).section("go_bag").checklist
    assert bag[0].done and bag[-1].text == "A spare phone"
    assert sum(1 for item in bag if item.text == "A spare phone") == 1


@pytest.mark.parametrize("where", ["notes", "row form"])
async def test_panic_keeps_unsaved_plan_work_and_offers_it_back(
    make_app: MakeApp, existing_vault: Path, relaunches: Relaunches, where: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_plan(pilot)
        await _open_section(pilot, "Code words")
        if where == "notes":
            app.screen.set_focus(app.screen.query_one("#section-notes", TextArea))
            await pilot.press(*"CANARY notes")
        else:
            await pilot.press("tab", "a")
            await _form_ready(pilot, "RowScreen")
            await pilot.press(*"CANARY word", "enter", *"call 911 now")
        await pilot.press("f12")
        assert screen_name(pilot) == "BlankScreen" and relaunches.paths == [existing_vault]
    assert b"CANARY" not in draft_path(existing_vault).read_bytes()
    assert _stored(existing_vault).section("code_words") == sp.SafetyPlan().section("code_words")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: screen_name(pilot) == "DraftOfferScreen")
        await pilot.press("r")
        if where == "notes":
            await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
            notes = app.screen.query_one("#section-notes", TextArea)
            await wait_for(pilot, lambda: notes.text == "CANARY notes")
            await pilot.press("ctrl+s")
            await _saved(pilot)
        else:
            await _form_ready(pilot, "RowScreen")
            assert app.screen.form_values() == {"word": "CANARY word",
                                                "meaning": "call 911 now", "who": ""}  # fmt: skip
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")
            await _saved(pilot)
    kept = _stored(existing_vault).section("code_words")
    if where == "notes":
        assert kept.notes == "CANARY notes"
    else:
        assert kept.rows == ({"word": "CANARY word", "meaning": "call 911 now", "who": ""},)


async def test_the_review_date_is_set_and_home_reminds_when_it_comes(
    make_app: MakeApp, existing_vault: Path
) -> None:
    from datetime import date, timedelta

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_plan(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: screen_name(pilot) == "ReviewScreen")
        field = app.screen.query_one("#review-day", Input)
        await wait_for(pilot, lambda: app.focused is field)
        assert field.value == (date.today() + timedelta(days=30)).isoformat()
        field.value = "2020-01-01"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "later day" in _text(pilot, ".settings-message"))
        field.value = "not a day"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "like 2026-12-24" in _text(pilot, ".settings-message"))
        field.value = date.today().isoformat()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "has come" in _text(pilot, "#plan-review-line"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen")
        await wait_for(pilot, lambda: "review date" in _text(pilot, "#plan-summary"))
        assert "S opens it" in _text(pilot, "#plan-summary")
    assert _stored(existing_vault).review_by == date.today().isoformat()


async def test_the_plan_is_printed_only_after_a_question_into_a_private_file(
    make_app: MakeApp, existing_vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.html"
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_plan(pilot, "3")
        await pilot.press("p")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanPrintScreen")
        assert "not encrypted" in _text(pilot, ".export-warning")
        app.screen.query_one("#export-file", Input).value = str(target)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("n")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanPrintScreen")
        assert not target.exists()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: "Wrote the safety plan" in _text(pilot, ".export-message"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "already exists" in _text(pilot, ".export-message"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page = target.read_text("utf-8")
    assert "After leaving" in page and "800-799-7233" in page


async def test_the_persons_own_number_and_lines_come_first_outside_the_us(
    make_app: MakeApp, existing_vault: Path
) -> None:
    from screens._emergency import emergency_line
    from screens.safety_now import SafetyNowScreen

    with Vault.open(existing_vault, PASSPHRASE) as vault:
        sp.set_emergency(vault, "112")
        lines = sp.load(vault).section("lines")
        sp.save_section(
            vault, replace(lines, rows=({"name": "Helpline", "number": "116 016", "when": ""},))
        )
        plan = sp.load(vault)
        with pytest.raises(sp.PlanRejected):
            sp.set_emergency(vault, "call the police")
    bar = str(emergency_line(plan))
    assert (
        bar.index("Emergency 112") < bar.index("Helpline 116 016") < bar.index("US Emergency 911")
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.push_screen(SafetyNowScreen(app.session))
        await wait_for(pilot, lambda: bool(app.screen.query("#safety-now-numbers")))
        assert "call 112" in _text(pilot, "#safety-now-emergency")
        assert "116 016" in _text(pilot, "#safety-now-own")
        shipped = _text(pilot, "#safety-now-numbers")
        assert "911" in shipped and "800-799-7233" in shipped
        assert "unsafe" not in _text(pilot, ".title")  # a quiet title, over a shoulder


async def test_escape_on_a_half_filled_form_asks_first(
    make_app: MakeApp, existing_vault: Path
) -> None:
    from screens.plan_section import PlanSectionScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.push_screen(PlanSectionScreen(app.session, "people", add_row=True))
        await _form_ready(pilot, "RowScreen")
        await pilot.press(*"Sam")
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("k")  # keep editing: the words are still there
        await wait_for(pilot, lambda: screen_name(pilot) == "RowScreen")
        assert app.screen.query_one("#row-name", Input).value == "Sam"
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen_name(pilot) == "ConfirmScreen")
        await pilot.press("d")
        await wait_for(pilot, lambda: screen_name(pilot) == "PlanSectionScreen")


async def test_home_counts_the_sections_of_the_plan_chosen(
    make_app: MakeApp, existing_vault: Path
) -> None:
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        sp.set_mode(vault, "leave")
    leading = len(sp.plan_content().ordered("leave")[0])
    assert leading < len(sp.plan_content().sections)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        assert f"0 of the {leading} sections for your plan" in _text(pilot, "#plan-summary")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
async def test_the_card_hides_what_code_words_mean_until_asked(
    make_app: MakeApp, existing_vault: Path, size: tuple[int, int]
) -> None:
    from screens.plan_card import PlanCardScreen

    with Vault.open(existing_vault, PASSPHRASE) as vault:
        words = sp.load(vault).section("code_words")
        row = {"word": "blue umbrella", "meaning": "CANARY call the police now", "who": ""}
        sp.save_section(vault, replace(words, rows=(row,)))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        app.push_screen(PlanCardScreen(app.session))
        await wait_for(pilot, lambda: bool(app.screen.query("#card-text")))
        card = _text(pilot, "#card-text")
        assert "blue umbrella" in card and "CANARY" not in card and "M shows it" in card
        await pilot.press("m")
        await wait_for(pilot, lambda: "CANARY call the police now" in _text(pilot, "#card-text"))
        await pilot.press("m")
        await wait_for(pilot, lambda: "CANARY" not in _text(pilot, "#card-text"))


async def test_the_discreet_setting_puts_neutral_words_where_a_glance_would_read(
    make_app: MakeApp, existing_vault: Path
) -> None:
    from tests.app.helpers import screen_text
    from tui.config import Settings

    with Vault.open(existing_vault, PASSPHRASE) as vault:
        people = sp.load(vault).section("people")
        sp.save_section(
            vault,
            replace(
                people, rows=({"name": "Maria", "reach": "555-0100", "knows": "", "check_in": ""},)
            ),
        )
        sp.set_mode(vault, "stay")
    app = make_app(settings=Settings(discreet=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        home = screen_text(app)
        assert "notes" in home and "Checklist" in home
        for telling in ("Journal", "journal", "Safety plan", "safety plan", "questionnaire"):
            assert telling not in home, telling
        await pilot.press("s")
        await wait_for(pilot, lambda: bool(app.screen.query("EmergencyBar")))
        bar = _text(pilot, "EmergencyBar")
        assert "911" in bar and "800-799-7233" in bar and "Maria" in bar
        for telling in ("Emergency", "Hotline", "Trusted"):
            assert telling not in bar, telling
    app = make_app()  # off again: the plain words
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        assert "Journal entries" in screen_text(app) or "No journal entries" in screen_text(app)
