"""The safety plan as data: its content file and how it is checked, the plan model, what
counts as complete, keeping it in the vault, and the plan on paper."""

from __future__ import annotations

import errno
import os
import re
import tomllib
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint
from tui import safety_plan as sp
from tui.content import read_text
from tui.vault import Vault, VaultWriteFailed

ODD = "[b]x[/] [@click=app.quit]y[/] <script>z</script> \x1b[2J\u202eevil 🙂"
MADE = "2026-11-24T18:30:00+01:00"


# -- the content file -------------------------------------------------------------------


def test_the_shipped_content_has_every_section_the_plan_needs() -> None:
    keys = [s.key for s in sp.plan_content().sections]
    assert keys == [
        "living", "incident", "people", "lines", "code_words", "children", "pets",
        "preparing", "go_bag", "documents", "devices", "after", "legal", "support",
    ]  # fmt: skip
    assert [m.key for m in sp.plan_content().modes] == ["stay", "leave", "after"]
    assert [n.number for n in sp.plan_content().numbers] == ["911", "800-799-7233"]
    assert all(n.source for n in sp.plan_content().numbers)
    rows = {s.key: s.rows.key for s in sp.plan_content().sections if s.rows is not None}
    assert rows == {"people": "people", "lines": "lines", "code_words": "code_words",
                    "documents": "documents", "legal": "legal"}  # fmt: skip
    legal = sp.plan_content().section("legal").rows
    assert legal is not None
    assert [f.label for f in legal.fields] == [
        "Date", "Officer's name", "Badge number", "Case number", "What was done",
    ]  # fmt: skip
    for section in sp.plan_content().sections:
        assert section.about and (section.checklist or section.rows)


def test_the_content_follows_the_rules_of_tone() -> None:
    text = (Path(sp.__file__).parent.parent / "content" / "safety_plan.toml").read_text()
    assert "!" not in text.replace("!=", "")
    numbers = set(re.findall(r"\b\d{3}-\d{3}-\d{4}\b", text))
    assert numbers == {"800-799-7233"}  # no number that is not from the source


def test_every_plan_leads_with_some_sections_and_keeps_the_others() -> None:
    for mode in sp.plan_content().modes:
        leading, others = sp.plan_content().ordered(mode.key)
        assert 0 < len(leading) < len(sp.plan_content().sections)
        assert {s.key for s in leading} | {s.key for s in others} == {
            s.key for s in sp.plan_content().sections
        }
    assert sp.plan_content().ordered("leave")[0][0].key == "people"
    assert sp.plan_content().ordered(None) == (sp.plan_content().sections, ())


def _broken(change: str, replacement: str) -> str:
    text = (Path(sp.__file__).parent.parent / "content" / "safety_plan.toml").read_text()
    assert change in text
    return text.replace(change, replacement, 1)


@pytest.mark.parametrize(
    ("change", "replacement", "says"),
    [
        ('key = "living"\ntitle', 'key = "people"\ntitle', "two sections share a key"),
        ('leads = ["stay"]', 'leads = ["someday"]', "'leads' names 'someday'"),
        ('rows = "legal"', 'rows = "lawyers"', "'rows' names 'lawyers'"),
        ('kind = "check"', 'kind = "colour"', "'kind' should be one of text, check"),
        ('ready = "ready"', 'ready = "which"', "'ready' should name one of its check fields"),
        ('title = "Pets"', 'title = ""', "section 'pets': 'title' should be text"),
        ('title = "Pets"', 'title = "Pets"\ncolour = "red"', "unknown key 'colour'"),
        ('{ which = "Birth certificate" }', '{ where = "drawer" }', "each default row"),
        ('number = "911"', "number = 911", "number 1: 'number' should be text"),
        ("[source]", "[sauce]", "unknown key 'sauce'"),
        ("[[section]]", "[[section]", "not valid TOML"),
    ],
)
def test_a_broken_content_file_is_refused_with_the_place_named(
    change: str, replacement: str, says: str
) -> None:
    with pytest.raises(sp.PlanContentProblem) as caught:
        sp.parse_content_text(_broken(change, replacement))
    assert str(caught.value).startswith("safety_plan.toml: ")
    assert says in str(caught.value)


def test_the_shipped_file_passes_its_own_checks() -> None:
    assert sp.parse_content(tomllib.loads(read_text("safety_plan.toml"))) == sp.plan_content()


# -- the model and completeness ---------------------------------------------------------


def test_a_new_plan_has_default_checklists_and_document_rows() -> None:
    plan = sp.SafetyPlan()
    bag = plan.section("go_bag")
    assert [i.text for i in bag.checklist][:2] == ["Copies of important documents", "Keys"]
    assert not any(i.done for i in bag.checklist)
    documents = plan.section("documents").rows
    assert documents[0] == {"which": "Passport or other photo ID", "where": "", "ready": False}
    assert plan.first_trusted() is None


def test_the_defaults_cannot_tip_anyone_off_and_are_not_us_only() -> None:
    plan = sp.SafetyPlan()

    def items(key: str) -> str:
        return " ".join(i.text for i in plan.section(key).checklist).casefold()

    bag = items("go_bag") + " " + sp.plan_content().section("go_bag").about.casefold()
    assert "someone i trust" in bag and "look ordinary" in bag
    devices = items("devices") + " " + sp.plan_content().section("devices").about.casefold()
    for topic in ("timing", "location sharing", "trackers", "recovery emails"):
        assert topic in devices, topic
    incident = items("incident")
    assert "no way out" in incident and "a way out of the home" in incident
    documents = " ".join(str(row["which"]) for row in plan.section("documents").rows).casefold()
    for paper in ("immigration", "driving license", "court papers", "insurance", "pay records", "children's records"):
        assert paper in documents, paper
    assert "what i want instead" in items("people")  # police is never the only response
    assert "repeat plans" in sp.plan_content().section("children").about.casefold()


def test_the_defaults_print_in_both_formats() -> None:
    plan = sp.SafetyPlan()
    made = "2026-12-01T10:00:00+00:00"
    text, page = sp.FORMATS["plan-text"](plan, made), sp.FORMATS["plan-html"](plan, made)
    for printed in (text, page):
        assert "made to look ordinary" in printed and "Immigration papers" in printed


def test_completeness_says_what_is_filled_and_what_is_open() -> None:
    people = sp.plan_content().section("people")
    kept = sp.SectionPlan.default(people)
    fresh = sp.progress(people, kept)
    assert fresh.status == sp.NOT_STARTED
    assert sp.describe(people, fresh) == "0 of 3 checked, 0 people, no notes"

    ticked = replace(kept, checklist=tuple(replace(i, done=True) for i in kept.checklist))
    assert sp.progress(people, ticked).status == sp.DONE
    one = replace(kept, checklist=(replace(kept.checklist[0], done=True), *kept.checklist[1:]))
    half = sp.progress(people, replace(one, rows=({"name": "Sam"},), notes="call after 9"))
    assert half.status == sp.STARTED
    assert half.open_items == tuple(i.text for i in kept.checklist[1:])
    assert sp.describe(people, half) == "1 of 3 checked, 1 person, notes written"


def test_documents_are_done_only_when_every_one_is_ready() -> None:
    documents = sp.plan_content().section("documents")
    kept = sp.SectionPlan.default(documents)
    kept = replace(kept, checklist=tuple(replace(i, done=True) for i in kept.checklist))
    assert sp.progress(documents, kept).status == sp.STARTED
    assert "0 of 12 documents ready" in sp.describe(documents, sp.progress(documents, kept))
    ready = replace(kept, rows=tuple({**row, "ready": True} for row in kept.rows))
    assert sp.progress(documents, ready).status == sp.DONE


def test_review_is_due_on_the_day_and_after() -> None:
    plan = sp.SafetyPlan(review_by="2026-12-01")
    assert not plan.review_due(date(2026, 11, 30))
    assert plan.review_due(date(2026, 12, 1)) and plan.review_due(date(2027, 1, 1))
    assert not sp.SafetyPlan().review_due(date(2030, 1, 1))


def test_rows_need_their_name_and_checklist_items_their_words() -> None:
    people = sp.plan_content().section("people").rows
    with pytest.raises(sp.PlanRejected, match="Write the name first"):
        sp.check_row(people, {"name": "  ", "reach": "555"})
    assert sp.check_row(people, {"name": "Sam"}) == {
        "name": "Sam", "reach": "", "knows": "", "check_in": "",
    }  # fmt: skip
    empty = sp.SectionPlan("go_bag", checklist=(sp.ChecklistItem("  "),))
    with pytest.raises(sp.PlanRejected, match="empty"):
        sp.check_section(empty)


# -- in the vault -----------------------------------------------------------------------


def _filled(vault: Vault) -> sp.SafetyPlan:
    sp.set_mode(vault, "leave")
    sp.set_review_by(vault, date(2026, 12, 24))
    people = sp.load(vault).section("people")
    people = replace(
        people,
        rows=(
            {"name": ODD, "reach": "555-0100", "knows": "all", "check_in": "21:00, call 911"},
            {"name": "Ana", "reach": "", "knows": "", "check_in": ""},
        ),
        notes=f"line one\n{ODD}\n\n  indented",
    )
    sp.save_section(vault, people)
    bag = sp.load(vault).section("go_bag")
    items = (replace(bag.checklist[1], done=True), sp.ChecklistItem(ODD), *bag.checklist[2:])
    return sp.save_section(vault, replace(bag, checklist=items))


def test_the_plan_survives_locking_and_reopening_exactly(vault: Vault, vault_path: Path) -> None:
    saved = _filled(vault)
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as again:
        plan = sp.load(again)
    assert plan == saved
    assert plan.mode == "leave" and plan.review_by == "2026-12-24"
    assert plan.first_trusted() == saved.section("people").rows[0]
    assert plan.section("people").notes == f"line one\n{ODD}\n\n  indented"
    bag = plan.section("go_bag").checklist
    assert bag[0] == sp.ChecklistItem("Keys", True) and bag[1].text == ODD
    assert "Copies of important documents" not in [i.text for i in bag]  # removed stays removed


def test_a_section_from_a_newer_cairn_is_kept_when_the_plan_changes(vault: Vault) -> None:
    plans = vault.collection(sp.TABLE)
    plans.add({"mode": "stay", "sections": {"future": {"notes": "kept"}}})
    sp.set_review_by(vault, date(2027, 1, 1))
    assert plans.all()[0]["sections"]["future"] == {"notes": "kept"}


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failed_save_changes_nothing(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    saved = _filled(vault)
    before = fingerprint(vault_path)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    with monkeypatch.context() as patch:
        patch.setattr(os, where, fail)
        with pytest.raises(VaultWriteFailed):
            sp.save_section(vault, replace(saved.section("people"), notes="not acknowledged"))
        with pytest.raises(VaultWriteFailed):
            sp.set_mode(vault, "after")
    assert fingerprint(vault_path) == before
    assert sp.load(vault) == saved


def test_a_rejected_section_writes_nothing(vault: Vault, vault_path: Path) -> None:
    _filled(vault)
    before = fingerprint(vault_path)
    with pytest.raises(sp.PlanRejected):
        sp.save_section(vault, sp.SectionPlan("people", rows=({"name": ""},)))
    with pytest.raises(sp.PlanRejected):
        sp.set_mode(vault, "vanish")
    assert fingerprint(vault_path) == before


# -- on paper ---------------------------------------------------------------------------


def test_the_text_plan_holds_every_word_and_nothing_that_drives_a_terminal(vault: Vault) -> None:
    text = sp.to_text(_filled(vault), MADE)
    assert "\x1b" not in text and "\u202e" not in text
    shown = "[b]x[/] [@click=app.quit]y[/] <script>z</script> \u241b[2J<U+202E>evil 🙂"
    assert f"  1. Name: {shown}" in text
    assert "     Check-in arrangement: 21:00, call 911" in text
    assert "  [x] Keys" in text and f"  [ ] {shown}" in text
    assert "Plan: Preparing to leave" in text and "Review by: 2026-12-24" in text
    assert "Emergency: 911" in text and "800-799-7233" in text and "Cleveland Clinic" in text
    assert "not encrypted" in text
    order = [line for line in text.splitlines() if line.startswith("== ")]
    assert order[0] == "== Trusted people and checking in =="  # the leaving plan leads with it
    assert len(order) == len(sp.plan_content().sections)


class _Values(HTMLParser):
    """The text inside <dd>, <span> (checklist items) and the notes, unescaped."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("dd", "span") or ("class", "notes") in attrs:
            self._open = tag
            self.values.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.values[-1] += data


def test_the_html_plan_round_trips_every_value(vault: Vault) -> None:
    plan = _filled(vault)
    page = sp.to_html(plan, MADE)
    assert "<script>" not in page and "\x1b" not in page
    parser = _Values()
    parser.feed(page)
    expected = []
    for section in sp.plan_order(plan):
        kept = plan.section(section.key)
        expected += [item.text for item in kept.checklist]
        for row in kept.rows:
            assert section.rows is not None
            for f in section.rows.fields:
                value = row[f.key]
                if f.kind == "check":
                    expected.append("yes" if value else "no")
                elif value.strip():
                    expected.append(value)
        if kept.notes.strip():
            expected.append(kept.notes)
    assert parser.values == [v.replace("\x1b", "\u241b").replace("\u202e", "<U+202E>")
                             for v in expected]  # fmt: skip


def test_the_card_keeps_the_essentials(vault: Vault) -> None:
    facts = sp.essentials(_filled(vault))
    assert facts.people[0] == (ODD, "555-0100", "21:00, call 911")
    assert facts.go_bag == (1, 10)
    assert facts.documents_ready == () and "Birth certificate" in facts.documents_missing
    assert facts.review_by == "2026-12-24"


def test_a_card_for_a_trusted_person_prints_the_code_words_and_what_not_to_do() -> None:
    from dataclasses import replace

    plan = sp.SafetyPlan(emergency="112")
    words = plan.section("code_words")
    plan = plan.with_section(replace(words, rows=({"word": "Blue \x1b[31mumbrella", "meaning": "Call 112", "who": ""},)))
    made = "2026-12-01T10:00:00+00:00"
    text = sp.FORMATS["trusted-card-text"](plan, made)
    page = sp.FORMATS["trusted-card-html"](plan, made)
    for printed in (text, page):
        assert "umbrella" in printed and "\x1b" not in printed
        assert "call 112" in printed and "confront" in printed and "post about" in printed
    assert "<script" not in page
