"""Dates typed by a person, search, patterns and the feelings hint: plain functions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui import journal
from tui.journal import patterns
from tui.journal.feelings import copied_into, feeling_words, own_feelings

NOW = datetime(2026, 11, 24, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def at(day: str, hm: str = "12:00") -> str:
    return f"{day}T{hm}:00+01:00"


def entry(day: str, text: str = "x", **values: object) -> journal.JournalEntry:
    return journal.JournalEntry(
        id=f"{day}-{text}", created=at(day), occurred=at(day), text=text, **values
    )  # type: ignore[arg-type]


# -- when -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day", "hm"),
    [
        ("2026-11-24 18:30", date(2026, 11, 24), (18, 30)),
        ("2026-11-20", date(2026, 11, 20), (0, 0)),
        ("today 07:05", date(2026, 11, 24), (7, 5)),
        ("  Yesterday 21:00 ", date(2026, 11, 23), (21, 0)),
        ("2026-11-24T09:15", date(2026, 11, 24), (9, 15)),
    ],
)
def test_unambiguous_times_are_understood(typed: str, day: date, hm: tuple[int, int]) -> None:
    moment = datetime.fromisoformat(journal.parse_when(typed, current=NOW))
    assert moment.date() == day and (moment.hour, moment.minute) == hm
    assert moment.tzinfo is not None


def test_the_words_for_today_and_yesterday_are_the_catalogue_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another language's words are another catalogue's: "hoy 18:30", "ayer 21:00"."""
    from tui import words

    dates = words.catalogue()["dates"]
    monkeypatch.setitem(dates, "typed_today", ["today", "hoy"])
    monkeypatch.setitem(dates, "typed_yesterday", ["yesterday", "ayer"])
    assert journal.parse_when("HOY 18:30", current=NOW).startswith("2026-11-24T18:30")
    assert journal.parse_when("ayer 21:00", current=NOW).startswith("2026-11-23T21:00")
    assert journal.parse_when("yesterday", current=NOW).startswith("2026-11-23T00:00")
    with pytest.raises(journal.BadTime, match="Write the time like"):
        journal.parse_when("mañana 10:00", current=NOW)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("03/04/2026", "Write the time like"),
        ("24.11.2026", "Write the time like"),
        ("2026-02-30 10:00", "no day 2026-02-30"),
        ("2026-11-24 24:10", "Hours go from"),
        ("2027-01-01 10:00", "future"),
        ("1899-12-31", "too long ago"),
        ("", "Write the time like"),
    ],
)
def test_ambiguous_impossible_and_future_times_are_refused(typed: str, says: str) -> None:
    with pytest.raises(journal.BadTime, match=says):
        journal.parse_when(typed, current=NOW)


@given(st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2026, 11, 1)))
def test_a_stored_time_edits_back_to_itself(moment: datetime) -> None:
    stored = journal.parse_when(f"{moment:%Y-%m-%d %H:%M}", current=NOW)
    assert journal.parse_when(journal.editable(stored), current=NOW) == stored


# -- search ---------------------------------------------------------------------------------


def test_search_folds_case_and_needs_every_word() -> None:
    found = journal.JournalIndex(
        [
            entry("2026-11-03", "He took the CAR keys", tags=("car",)),
            entry("2026-11-02", "Keys hidden again", phase="incident"),
            entry("2026-10-01", "Quiet day", said="the keys are mine"),
        ]
    )
    assert [e.text for e in found.find(journal.Filter(words="keys"))] == [
        "He took the CAR keys",
        "Keys hidden again",
        "Quiet day",
    ]
    assert [e.text for e in found.find(journal.Filter(words="car KEYS"))] == [
        "He took the CAR keys"
    ]
    assert [e.text for e in found.find(journal.Filter(phase="incident"))] == ["Keys hidden again"]
    assert [e.text for e in found.find(journal.Filter(tag="Car"))] == ["He took the CAR keys"]
    november = journal.Filter(start=date(2026, 11, 1), end=date(2026, 11, 2))
    assert [e.text for e in found.find(november)] == ["Keys hidden again"]
    assert found.find(journal.Filter(words="[b]")) == []


def test_search_ignores_accents_both_ways() -> None:
    found = journal.JournalIndex(
        [
            entry("2026-11-03", "Otro día sin dormir", tags=("Pésimo",)),
            entry("2026-11-02", "José called the school", said="a cafe"),
        ]
    )

    def texts(wanted: journal.Filter) -> list[str]:
        return [e.text for e in found.find(wanted)]

    assert texts(journal.Filter(words="dia")) == ["Otro día sin dormir"]
    assert texts(journal.Filter(words="DÍA")) == ["Otro día sin dormir"]
    assert texts(journal.Filter(words="jose")) == ["José called the school"]
    assert texts(journal.Filter(words="café")) == ["José called the school"]
    assert texts(journal.Filter(tag="pesimo")) == ["Otro día sin dormir"]


@given(st.text(min_size=1, max_size=40))
def test_any_text_finds_the_entry_that_contains_it(text: str) -> None:
    index = journal.JournalIndex([entry("2026-11-03", f"before {text} after")])
    words = journal.Filter(words=text)
    assert len(index.find(words)) == 1


# -- patterns -------------------------------------------------------------------------------


def test_cycles_stretches_and_days_between_incidents() -> None:
    plan = [
        ("2026-09-01", "tension"),
        ("2026-09-03", "tension"),
        ("2026-09-05", "incident"),
        ("2026-09-06", "reconciliation"),
        ("2026-09-10", "calm"),
        ("2026-09-20", "tension"),
        ("2026-09-25", "incident"),
        ("2026-09-26", "unsure"),  # left out of cycles
        ("2026-09-27", "calm"),
        ("2026-10-05", "incident"),
    ]
    found = [entry(day, phase=phase) for day, phase in plan]
    until = datetime(2026, 10, 6, 12, tzinfo=timezone(timedelta(hours=1)))
    stretches = patterns.stretches(found, until)
    assert [s.phase for s in stretches] == [
        "tension",
        "incident",
        "reconciliation",
        "calm",
        "tension",
        "incident",
        "calm",
        "incident",
    ]
    assert stretches[0].entries == 2 and stretches[0].days == 4
    assert stretches[-1].ongoing and stretches[-1].days == 1
    cycles = patterns.cycles(stretches)
    assert [c.phases for c in cycles] == [
        ("tension", "incident", "reconciliation", "calm"),
        ("tension", "incident", "calm"),
        ("incident",),
    ]
    gaps = patterns.days_between_incidents(stretches)
    assert gaps == [(date(2026, 9, 25), 20.0), (date(2026, 10, 5), 10.0)]
    assert patterns.change_over_time(gaps) is None


def test_change_over_time_compares_halves_without_a_verdict() -> None:
    gaps = [(date(2026, 1, n), days) for n, days in enumerate([20.0, 22.0, 9.0, 11.0], 1)]
    change = patterns.change_over_time(gaps)
    assert change is not None
    assert (change.earlier_days, change.recent_days, change.direction) == (21.0, 10.0, "shorter")


def test_month_marks_and_weekly_counts() -> None:
    found = [
        entry("2026-11-02", "a", phase="incident"),
        entry("2026-11-02", "b"),
        entry("2026-11-20", "c", kind="daily"),
        entry("2026-10-30", "d", phase="calm"),
    ]
    assert patterns.month_marks(found, 2026, 11) == {2: ["incident", "none"], 20: ["none"]}
    weeks = patterns.weekly_counts(found, today=date(2026, 11, 24), weeks=5)
    assert [count for _, count in weeks] == [1, 2, 0, 1, 0]
    assert weeks[-1][0] == date(2026, 11, 23)
    assert patterns.month_grid(2026, 11)[0][:7] == [0, 0, 0, 0, 0, 0, 1]


# -- feelings -------------------------------------------------------------------------------


# Each case: what was typed in "What happened", and the sentences the helper may offer to
# copy to "How I felt". The facts are never changed (the helper only copies); what matters is
# that nothing which must stay a fact is ever offered, and own feelings are.
FEELING_CASES = [
    ("He twisted my wrist until it hurt. He called me stupid.", []),
    ("I was scared when he locked the door.", ["I was scared when he locked the door."]),
    ('He said "I\'ll kill you if you leave." I was terrified.', ["I was terrified."]),
    ("She threatened to take the kids. I felt terrified.", ["I felt terrified."]),
    ("He yelled that I was worthless.", []),
    ("My arm was bruised and I was upset.", []),
    ("I feel like it's my fault.", ["I feel like it's my fault."]),
    ("He pushed me into the wall. I was shaking and scared.", ["I was shaking and scared."]),
    ("'You're crazy,' he told me. I felt small.", ["I felt small."]),
    ("I'm ashamed it happened again.", ["I'm ashamed it happened again."]),
    ("He grabbed my phone and threw it. I was afraid.", ["I was afraid."]),
    ("He texted me forty times. I was anxious all night.", ["I was anxious all night."]),
    ("He says I am stupid and nobody would believe me.", []),
    ("I was afraid he would hit me.", []),
    (
        "He choked me. I was so scared I could not breathe.",
        ["I was so scared I could not breathe."],
    ),
    ("He has a gun in the car. I am afraid.", ["I am afraid."]),
    ("The kids were scared.", []),
    ("He was angry about dinner. He threw the plate.", []),
    ("I went to the doctor because my ribs hurt. I felt numb.", ["I felt numb."]),
    ("He called me a liar and I felt humiliated.", []),
    ("I told my sister I was frightened.", []),
    ("He never lets me see my friends. I feel trapped.", ["I feel trapped."]),
]


@pytest.mark.parametrize(("typed", "offered"), FEELING_CASES)
def test_only_own_feelings_are_offered_and_facts_never_are(typed: str, offered: list[str]) -> None:
    assert own_feelings(typed) == offered


def test_copying_adds_to_how_i_felt_and_never_twice() -> None:
    typed = "He threw a cup. I was terrified. It was late."
    first = copied_into("", own_feelings(typed))
    assert first == "I was terrified."
    assert copied_into(first, own_feelings(typed)) == first  # already there: not again
    assert copied_into("Numb, later.", own_feelings(typed)) == "Numb, later.\nI was terrified."


def test_the_words_shown_are_the_feeling_words_of_offered_sentences() -> None:
    assert feeling_words("He hurt me. I was scared and felt alone.") == ["scared", "felt", "alone"]
    assert feeling_words("He shouted at 9pm and threw a cup.") == []


def test_now_is_local_and_has_an_offset() -> None:
    assert datetime.fromisoformat(journal.now()).utcoffset() is not None
    assert datetime.fromisoformat(journal.now()) <= datetime.now(UTC) + timedelta(seconds=1)


# -- visible --------------------------------------------------------------------------------


def test_control_and_reordering_characters_become_visible_and_the_rest_stays() -> None:
    from tui.visible import one_line, visible

    assert visible("a\x1b[31mb\x00\x7f\x85\u202eZ\u2066\u200f") == (
        "a\u241b[31mb\u2400\u2421<U+0085><U+202E>Z<U+2066><U+200F>"
    )
    assert visible("line\nnext\ttab שלום 🙂 \u200b") == "line\nnext\ttab שלום 🙂 \u200b"
    assert one_line("a\nb\r\tc\r\nd") == "a b  c d"
