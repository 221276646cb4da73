"""The questionnaire as data: the shipped file, the loader's checks on broken files, what a
run's answers show, comparison over time, the safety routing, and runs kept in the vault."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault
from tui import questionnaire as q
from tui.vault import Vault, VaultWriteFailed

SHIPPED = Path(q.__file__).parent.parent / "content" / "questionnaires" / "conflict_health.toml"

GOOD = """
key = "small"
title = "A small one"
short = "Small"
about = "Two statements."
person = "They means the other person."
is_not = "Not a test."
frame = "These days:"
sources = ["A source"]

[[area]]
key = "respect"
title = "Respect"
rarely = "R."
sometimes = "S."
often = "O."

[[area]]
key = "safety"
title = "Safety"
rarely = "R2."
sometimes = "S2."
often = "O2."

[[item]]
key = "heard"
area = "respect"
text = "I am heard."
noticed_when = "seldom"

[[item]]
key = "put-down"
area = "respect"
text = "I am put down."

[[item]]
key = "unsafe"
area = "safety"
text = "I feel unsafe."
safety = true

[partial]
rarely = "P-R {answered} of {asked}, {skipped} skipped."
sometimes = "P-S {answered} of {asked}, {skipped} skipped."
often = "P-O {answered} of {asked}, {skipped} skipped."
"""


def small() -> q.Questionnaire:
    return q.parse_questionnaire_text(GOOD, "small.toml")


# -- the shipped questionnaire ----------------------------------------------------------


def test_the_shipped_questionnaire_covers_every_area_the_issue_names() -> None:
    [shipped] = q.questionnaires()
    assert [a.key for a in shipped.areas] == [
        "respect", "blame", "power", "tension", "isolation", "eggshells", "denying",
        "justifying", "cycle", "safety",
    ]  # fmt: skip
    assert q.ANSWERS == ("never", "rarely", "sometimes", "often", "always")
    for area in shipped.areas:
        assert shipped.items_in(area.key), area.key
        assert all(area.text(band) for band in ("rarely", "sometimes", "often"))
    money = " ".join(i.text for i in shipped.items_in("power"))
    assert "money" in money
    # Feeling unsafe, feeling scared, and intimidation by breaking things are routed.
    assert {i.key for i in shipped.items if i.safety} == {
        "safety-home", "safety-scared", "safety-things"
    }
    assert len(shipped.items) <= 45  # about ten minutes, as its introduction says
    assert shipped.sources and shipped.frame == "These days:"


def test_at_least_a_third_of_the_statements_describe_healthy_conflict() -> None:
    [shipped] = q.questionnaires()
    healthy = [item for item in shipped.items if item.noticed_when == "seldom"]
    assert len(healthy) * 3 >= len(shipped.items), (len(healthy), len(shipped.items))
    themes = " ".join(item.text.casefold() for item in healthy)
    for theme in ("sorry", "disagree", "friends", "work", "talk it through"):
        assert theme in themes, theme  # apologies that change, freedom to disagree, ...


def test_each_statement_asks_one_thing() -> None:
    [shipped] = q.questionnaires()
    for item in shipped.items:
        text = item.text.casefold()
        # A list of things joined by "or"/"and" asks several questions at once; the few
        # that remain name one thing in two words ("my work, my studies or my plans" is one
        # idea: what the person does with their life).
        assert text.count(",") <= 2 and text.count(" or ") <= 1, item.text
        assert ":" not in text, item.text


def test_the_shipped_words_follow_the_rules_of_tone() -> None:
    text = SHIPPED.read_text(encoding="utf-8").casefold()
    assert "!" not in text
    for verdict in ("you are being abused", "you are abused", "abuser", "victim", "risk",
                    "score", "diagnosis:", "you should leave"):  # fmt: skip
        assert verdict not in text, verdict


# Distinctive wording of published screening items (HITS, WAST and similar). Cairn writes its
# own items; this guards against any of these phrases creeping in.
BORROWED = [
    # HITS, WAST
    "physically hurt you", "insult you or talk down", "threaten you with harm",
    "scream or curse", "a lot of tension", "some tension", "work out arguments",
    "great difficulty", "feel frightened by what your partner", "abused you emotionally",
    # phrases close to published quizzes that the content review flagged
    "mock me, call me names", "call me names or put me down", "thrown, broken or hit",
    "afraid of what they might do",
    # Women's Experience with Battering scale (WEB): its themes in its own phrasing
    "feel owned and controlled", "safest thing for me to do", "hide the truth from others",
    "feel like i am programmed", "can't tell when", "he can scare me without",
    "feel like a prisoner", "keep him from getting mad",
    # Composite Abuse Scale (CAS)
    "told me i was crazy", "tried to keep me from seeing", "tried to convince my family",
    "blamed me for causing their violent", "followed me", "harassed me over the telephone",
    "used a knife or gun", "refused to let me work outside",
]  # fmt: skip


def test_no_wording_is_borrowed_from_published_instruments() -> None:
    text = SHIPPED.read_text(encoding="utf-8").casefold()
    for phrase in BORROWED:
        assert phrase not in text, phrase


# -- the loader -------------------------------------------------------------------------


def test_a_good_file_loads() -> None:
    loaded = small()
    assert loaded.key == "small" and [i.key for i in loaded.items] == [
        "heard",
        "put-down",
        "unsafe",
    ]
    assert loaded.items[0].noticed_when == "seldom" and loaded.items[2].safety


def test_a_second_questionnaire_is_a_second_file(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a questionnaire", encoding="utf-8")
    assert [x.key for x in q.load_questionnaires(tmp_path)] == ["conflict-health", "small"]


def test_two_files_with_one_key_and_an_empty_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(q.QuestionnaireProblem, match="no questionnaire"):
        q.load_questionnaires(tmp_path)
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(q.QuestionnaireProblem, match="share the key"):
        q.load_questionnaires(tmp_path)


BROKEN = [
    ("not toml", GOOD.replace('key = "small"', "key = small"), "not valid TOML"),
    ("no title", GOOD.replace('title = "A small one"\n', ""), "the top level: 'title' is missing"),
    ("unknown key", GOOD.replace('short = "Small"', 'short = "Small"\nscore = 3'),
     "the top level: unknown key 'score'"),
    ("empty text", GOOD.replace('text = "I am heard."', 'text = "  "'),
     "item 'heard': 'text' should be text"),
    ("unknown area", GOOD.replace('area = "safety"', 'area = "money"'),
     "item 'unsafe': 'area' names 'money', which is not an area"),
    ("bad direction", GOOD.replace('noticed_when = "seldom"', 'noticed_when = "sometimes"'),
     "item 'heard': 'noticed_when' should be one of often, seldom"),
    ("safety not a flag", GOOD.replace("safety = true", 'safety = "yes"'),
     "item 'unsafe': 'safety' should be true or false"),
    ("area without summary", GOOD.replace('often = "O2."\n', ""), "area 'safety': 'often' is missing"),
    ("two items, one key", GOOD.replace('key = "put-down"', 'key = "heard"'), "two items share a key"),
    ("an area with no items", GOOD.replace('area = "safety"', 'area = "respect"'),
     "area 'safety' has no items"),
    ("no sources", GOOD.replace('sources = ["A source"]', "sources = []"), "'sources' should list"),
    ("an area is not a table", GOOD.split("[[area]]")[0] + "area = [3]\n", "area 1 should be a table"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "names"), [(t, n) for _, t, n in BROKEN], ids=[i for i, _, _ in BROKEN]
)
def test_a_broken_file_is_refused_with_the_file_and_the_place(text: str, names: str) -> None:  # fmt: skip
    with pytest.raises(q.QuestionnaireProblem) as caught:
        q.parse_questionnaire_text(text, "broken.toml")
    message = str(caught.value)
    assert message.startswith("broken.toml: ") and names in message, message
    assert "\n" not in message.strip() or "TOML" in message


# -- what the answers show --------------------------------------------------------------


def test_an_item_weighs_answers_in_the_direction_worth_noticing() -> None:
    heard, put_down, _ = small().items
    assert [put_down.weight(a) for a in range(5)] == [0, 1, 2, 3, 4]
    assert [heard.weight(a) for a in range(5)] == [4, 3, 2, 1, 0]


def test_an_area_is_described_by_its_furthest_answer_and_never_averages_it_away() -> None:
    chosen = small()
    respect = chosen.area("respect")
    quiet = q.reflect_area(chosen, respect, {"heard": 4, "put-down": 1})  # always heard
    assert (quiet.band, quiet.count, quiet.noticed) == ("rarely", 0, ())
    assert quiet.text == "R."
    some = q.reflect_area(chosen, respect, {"heard": 2, "put-down": 0})
    assert some.band == "sometimes"
    one_always = q.reflect_area(chosen, respect, {"heard": 4, "put-down": 4})
    assert one_always.band == "often" and one_always.count == 1
    assert [i.key for i in one_always.noticed] == ["put-down"]
    seldom_heard = q.reflect_area(chosen, respect, {"heard": 1, "put-down": 0})
    assert seldom_heard.band == "often" and [i.key for i in seldom_heard.noticed] == ["heard"]


def test_skipped_answers_are_left_out_and_an_all_skipped_area_says_nothing() -> None:
    chosen = small()
    respect = chosen.area("respect")
    half = q.reflect_area(chosen, respect, {"heard": None, "put-down": 3})
    assert (half.asked, half.answered, half.count, half.band) == (2, 1, 1, "often")
    # The area's own words are not used when a statement was skipped: only the answered one
    # is spoken of.
    assert half.text == "P-O 1 of 2, 1 skipped."
    calm_but_partial = q.reflect_area(chosen, respect, {"heard": None, "put-down": 0})
    assert calm_but_partial.text == "P-R 1 of 2, 1 skipped." and calm_but_partial.text != "R."
    none = q.reflect_area(chosen, respect, {"heard": None, "put-down": None})
    assert (none.answered, none.count, none.band, none.text) == (0, None, None, None)
    assert [r.area.key for r in q.reflect(chosen, {})] == ["respect", "safety"]


def test_a_skipped_feeling_statement_never_reads_as_feeling_safe() -> None:
    [shipped] = q.questionnaires()
    safety = shipped.area("safety")
    answers = {"safety-home": None, "safety-scared": None, "safety-things": 0, "safety-speak": 4}
    shown = q.reflect_area(shipped, safety, answers)
    assert shown.text is not None and "safe at home" not in shown.text
    assert "skipped 2" in shown.text


def test_the_safety_area_comes_first_when_it_came_up() -> None:
    chosen = small()
    assert [r.area.key for r in q.reflect(chosen, {"unsafe": 0})] == ["respect", "safety"]
    assert [r.area.key for r in q.reflect(chosen, {"unsafe": 2})] == ["safety", "respect"]


def test_change_over_time_counts_the_answers_often_or_always() -> None:
    assert q.change(1, 2) == "more"
    assert q.change(2, 1) == "less"
    assert q.change(2, 2) == "same"
    assert q.change(None, 2) is None and q.change(2, None) is None
    chosen = small()
    sets = [{"heard": 4, "put-down": 0}, {"heard": None, "put-down": None}, {"heard": 0, "put-down": 4}]
    counts = q.counts_over_time(chosen, sets)
    assert counts["respect"] == (0, None, 2)  # a count, not an average that reads as a score
    assert counts["safety"] == (None, None, None)


@pytest.mark.parametrize(("answer", "routed"), [(0, False), (1, False), (2, False), (3, True), (4, True)])  # fmt: skip
def test_feeling_unsafe_often_or_always_asks_for_help_at_once(answer: int, routed: bool) -> None:
    _, put_down, unsafe = small().items
    assert unsafe.asks_for_help(answer) is routed
    assert not put_down.asks_for_help(answer)  # only the statements marked for safety


def test_every_shipped_safety_statement_routes_when_often_or_always() -> None:
    [shipped] = q.questionnaires()
    for item in shipped.items:
        if item.safety:
            assert [item.asks_for_help(a) for a in range(5)] == [False] * 3 + [True] * 2
            # "sometimes": the lighter line, without stopping
            assert [item.offers_help(a) for a in range(5)] == [False, False, True, False, False]
        else:
            assert not any(item.offers_help(a) for a in range(5))


# -- runs kept in the vault -------------------------------------------------------------


def test_an_unfinished_run_is_kept_replaced_and_thrown_away(tmp_path: Path) -> None:
    chosen = small()
    vault, _ = new_vault(tmp_path / "v" / "vault.cairn")
    assert q.unfinished(vault, chosen) is None
    run = q.Run.begin(chosen).answered("heard", 1, position=1)
    q.keep_unfinished(vault, run)
    q.keep_unfinished(vault, run.answered("put-down", None, position=2))
    kept = q.unfinished(vault, chosen)
    assert kept is not None and kept.answers == {"heard": 1, "put-down": None}
    assert kept.position == 2 and kept.answered_count(chosen) == 2
    assert not kept.is_complete(chosen)
    assert len(vault.collection(q.UNFINISHED)) == 1
    q.discard_unfinished(vault, chosen)
    assert q.unfinished(vault, chosen) is None
    vault.lock()


def test_saving_a_run_keeps_it_and_lets_go_of_the_unfinished_copy_in_one_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = small()
    path = tmp_path / "v" / "vault.cairn"
    vault, _ = new_vault(path)
    run = q.Run(chosen.key, "2026-11-24T09:00:00+00:00", {"heard": 1, "put-down": 3, "unsafe": 0})
    q.keep_unfinished(vault, run)
    replaced: list[object] = []
    real_replace = os.replace

    def counted(source: str, target: str) -> None:
        replaced.append(target)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", counted)
    saved = q.save_run(vault, run)
    monkeypatch.undo()
    assert replaced == [path]  # one durable write of the vault file
    assert saved.finished is not None and q.unfinished(vault, chosen) is None
    vault.lock()
    with Vault.open(path, PASSPHRASE) as reopened:
        assert q.saved_runs(reopened, chosen) == [saved]


def test_saved_runs_come_oldest_first_and_only_for_their_questionnaire(tmp_path: Path) -> None:
    chosen = small()
    vault, _ = new_vault(tmp_path / "v" / "vault.cairn")
    for finished in ("2026-11-20T09:00:00+00:00", "2026-09-01T09:00:00+00:00"):
        run = q.Run(chosen.key, finished, {"heard": 2}, finished=finished)
        vault.collection(q.SAVED).add(run.as_record())
    vault.collection(q.SAVED).add(q.Run("other", "2026-10-01T09:00:00+00:00").as_record())
    days = [run.finished for run in q.saved_runs(vault, chosen)]
    assert days == ["2026-09-01T09:00:00+00:00", "2026-11-20T09:00:00+00:00"]
    vault.lock()


def test_a_stored_run_with_answers_out_of_range_keeps_only_the_good_ones() -> None:
    record = {"questionnaire": "small", "started": "x", "position": -3,
              "answers": {"a": 2, "b": 9, "c": None, "d": "often", "e": True}}  # fmt: skip
    run = q.Run.from_record(record)
    assert run.answers == {"a": 2, "c": None} and run.position == 0
    with pytest.raises(ValueError):
        run.answered("x", 5, position=1)


def test_a_refused_write_leaves_the_vault_and_the_run_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = small()
    path = tmp_path / "v" / "vault.cairn"
    vault, _ = new_vault(path)
    before = fingerprint(path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(os, "replace", full)
    run = q.Run.begin(chosen).answered("heard", 1, position=1)
    with pytest.raises(VaultWriteFailed):
        q.keep_unfinished(vault, run)
    with pytest.raises(VaultWriteFailed):
        q.save_run(vault, run)
    monkeypatch.undo()
    assert fingerprint(path) == before
    assert q.unfinished(vault, chosen) is None and q.saved_runs(vault, chosen) == []
    vault.lock()


def test_answers_never_reach_the_disk_in_plaintext(tmp_path: Path) -> None:
    chosen = small()
    path = tmp_path / "v" / "vault.cairn"
    vault, _ = new_vault(path)
    q.save_run(vault, q.Run(chosen.key, "CANARY-STARTED", {"CANARY-ITEM": 4}))
    vault.lock()
    for file in path.parent.iterdir():
        assert not re.search(rb"CANARY|small", file.read_bytes()), file.name


def test_the_json_export_carries_kept_runs_and_never_an_unfinished_one(tmp_path: Path) -> None:
    from tui import export

    chosen = small()
    vault, _ = new_vault(tmp_path / "v" / "vault.cairn")
    kept = q.save_run(vault, q.Run(chosen.key, "2026-11-01T09:00:00+00:00", {"heard": 3}))
    q.keep_unfinished(vault, q.Run(chosen.key, "2026-11-24T09:00:00+00:00", {"heard": 0}))
    document = export.export_document(vault)
    assert document["questionnaire_runs"] == [kept.as_record()]
    vault.lock()
