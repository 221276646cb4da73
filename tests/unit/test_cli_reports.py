"""Reports and the record chain from the command line: formats, date ranges, the head."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault, run_cairn
from tui import journal
from tui.vault import Vault

ODD = "[b]x[/b] <script>alert(1)</script> ``` fence \x1b[2J gone? \u202eevil\u200b 🙂"


@pytest.fixture
def filled(vault_path: Path) -> Path:
    vault, _ = new_vault(vault_path)
    journal.add_entry(vault, "In October.", phase="tension", occurred="2026-10-10T10:00:00+00:00")
    entry = journal.add_entry(
        vault, ODD, phase="incident", said="exact words", occurred="2026-11-02T21:15:00+00:00"
    )
    journal.save(vault, entry.edited(felt="shaken"))
    journal.save(
        vault, journal.new_entry(kind="daily", today="Quiet.", occurred="2026-11-03T20:00:00+00:00")
    )
    vault.lock()
    return vault_path


def _export(path: Path, *args: str) -> str:
    done = run_cairn("export", "--vault", str(path), *args, lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    assert "unencrypted" in done.err
    return done.out


def test_markdown_keeps_every_word_literal_and_defuses_escape_sequences(filled: Path) -> None:
    text = _export(filled, "--format", "markdown")
    assert "\x1b" not in text
    assert "\u241b[2J gone?" in text  # ESC shown as a symbol, the rest exact
    assert "[b]x[/b] <script>alert(1)</script>" in text
    assert "````\n" in text  # a fence longer than the ``` inside the entry
    assert "Daily check-in" in text and "Quiet." in text
    assert "Chain head: " in text and "cairn check --head" in text
    assert "version 2" in text


def test_html_escapes_everything(filled: Path) -> None:
    text = _export(filled, "--format", "html")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\x1b" not in text
    assert text.startswith("<!DOCTYPE html>")


def test_date_range_limits_every_format(filled: Path) -> None:
    november = ("--from", "2026-11-01", "--to", "2026-11-30")
    data = json.loads(_export(filled, "--format", "json", *november))
    assert [e["text"] for e in data["journal"]] == [ODD, ""]
    assert data["from"] == "2026-11-01" and len(data["chain"]) == 4
    assert "In October." not in _export(filled, "--format", "markdown", *november)
    assert "In October." in _export(filled, "--format", "html", "--to", "2026-10-31")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--from", "10/11/2026"), "--from takes a day"),
        (("--from", "2026-11-05", "--to", "2026-11-01"), "after --to"),
        (("--format", "pdf"), "invalid choice"),
    ],
)
def test_bad_report_options_exit_2_and_write_nothing(
    filled: Path, tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    out = tmp_path / "r.md"
    full = ("--format", "markdown", *args) if "--format" not in args else args
    done = run_cairn(
        "export", "--vault", str(filled), *full, "--out", str(out), lines=(PASSPHRASE,)
    )
    assert done.code == 2 and says in done.err
    assert not out.exists()


def test_a_report_file_is_private_and_never_replaced(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "record.html"
    done = run_cairn(
        "export", "--vault", str(filled), "--format", "html", "--out", str(out), lines=(PASSPHRASE,)
    )
    assert done.code == 0 and stat.S_IMODE(out.stat().st_mode) == 0o600
    before = fingerprint(out)
    again = run_cairn(
        "export", "--vault", str(filled), "--format", "html", "--out", str(out), lines=(PASSPHRASE,)
    )
    assert again.code == 2 and "already exists" in again.err
    assert fingerprint(out) == before


def _check(path: Path, *args: str) -> tuple[int, str]:
    done = run_cairn("check", "--vault", str(path), *args, lines=(PASSPHRASE,))
    return done.code, done.out + done.err


def test_check_verifies_the_chain_and_a_report_head(filled: Path) -> None:
    code, said = _check(filled)
    assert code == 0 and "matches the record chain" in said
    head = _export(filled, "--format", "markdown").split("Chain head: ")[1][:16]
    code, said = _check(filled, "--head", head)
    assert code == 0 and "Nothing was added, changed or removed since." in said
    with Vault.open(filled, PASSPHRASE) as vault:
        entry = journal.entries(vault)[-1]
        journal.save(vault, entry.edited(text="In October, changed."))
        journal.delete(vault, entry.id)
    code, said = _check(filled, "--head", head)
    assert code == 0
    assert "was changed." in said and "was removed." in said
    code, said = _check(filled, "--head", "deadbeefdeadbeef")
    assert code == 7 and "is not in this journal's record chain" in said
    code, said = _check(filled, "--head", "nothex!")
    assert code == 2


def test_check_exits_7_when_an_entry_was_altered_outside_cairn(filled: Path) -> None:
    with Vault.open(filled, PASSPHRASE) as vault:
        entries = vault.collection(journal.TABLE)
        key, doc = entries.items()[0]
        entries.put(key, {**doc, "text": "rewritten"})
    code, said = _check(filled)
    assert code == 7 and "does not check out" in said and "differs from what was recorded" in said


def test_piped_log_still_works_and_joins_the_chain(filled: Path) -> None:
    done = run_cairn("log", "--vault", str(filled), lines=(PASSPHRASE,), stdin=b"from a pipe\n")
    assert done.code == 0, done.err
    code, said = _check(filled)
    assert code == 0 and "5 links" in said


def test_a_json_export_round_trips_and_its_chain_verifies_without_the_vault(filled: Path) -> None:
    from tui.journal import chain

    data = json.loads(_export(filled, "--format", "json"))
    with Vault.open(filled, PASSPHRASE) as vault:
        stored = {e.id: e.full_record() for e in journal.entries(vault)}
    assert {e["id"]: e for e in data["journal"]} == stored
    # Anyone holding the export can recompute every hash and check the chain on their own.
    entries = [journal.JournalEntry.from_record(record) for record in data["journal"]]
    versions = {
        e.id: [(v.version, journal.entry_hash(v)) for v in (*e.history, e)] for e in entries
    }
    links = [chain.Link.from_record(link) for link in data["chain"]]
    report = chain.verify(links, versions)
    assert report.intact and report.head == data["chain_head"]
    data["journal"][0]["text"] += " (altered)"
    altered = journal.JournalEntry.from_record(data["journal"][0])
    versions[altered.id] = [(v.version, journal.entry_hash(v)) for v in (*altered.history, altered)]
    assert not chain.verify(links, versions).intact


@pytest.fixture
def tagged(vault_path: Path) -> Path:
    vault, _ = new_vault(vault_path)
    first = journal.add_entry(
        vault,
        "He took the car keys.",
        tags=("keys",),
        felt="CANARY-FELT trapped",
        occurred="2026-11-01T09:00:00+00:00",
        phase="incident",
    )
    journal.save(vault, first.edited(text="He took the car keys and my phone."))
    journal.add_entry(
        vault, "A calm day at work.", tags=("work",), occurred="2026-11-02T09:00:00+00:00"
    )
    journal.save(
        vault,
        journal.new_entry(
            kind="daily", today="CANARY-DAILY quiet", occurred="2026-11-03T20:00:00+00:00"
        ),
    )
    vault.lock()
    return vault_path


def test_a_report_holds_only_what_was_chosen(tagged: Path) -> None:
    everything = _export(tagged, "--format", "markdown")
    assert "CANARY-FELT" in everything and "CANARY-DAILY" in everything
    chosen = _export(tagged, "--format", "markdown", "--tag", "keys", "--without-felt")
    assert "car keys" in chosen and "calm day" not in chosen
    assert "CANARY-FELT" not in chosen and "CANARY-DAILY" not in chosen
    assert "- Only entries tagged: keys" in chosen and "- How I felt: left out" in chosen
    no_daily = _export(tagged, "--format", "html", "--without-daily")
    assert "CANARY-DAILY" not in no_daily and "calm day" in no_daily
    refused = run_cairn(
        "export", "--vault", str(tagged), "--format", "json", "--tag", "keys", lines=(PASSPHRASE,)
    )
    assert refused.code == 2 and "report (markdown or html)" in refused.err


def test_a_report_starts_with_a_timeline_and_keeps_the_earlier_words(tagged: Path) -> None:
    text = _export(tagged, "--format", "markdown")
    timeline = text.split("## Timeline", 1)[1].split("## Integrity", 1)[0]
    lines = [line for line in timeline.splitlines() if line.strip()]
    assert lines[0].startswith("1. 2026-11-01 ") and "Incident" in lines[0]
    assert (
        "`` He took the car keys and my phone. ``" in lines[0]
        or "` He took the car keys and my phone. `" in lines[0]
    )
    assert lines[1].startswith("2. 2026-11-02 ") and lines[2].startswith("3. 2026-11-03 ")
    assert text.index("## Timeline") < text.index("## Integrity") < text.index("## Entries")
    assert "#### Earlier words. Version 1" in text
    earlier = text.split("#### Earlier words. Version 1", 1)[1]
    assert "He took the car keys.\n" in earlier  # the words before the change


def test_the_integrity_part_says_what_the_head_shows_and_cannot(tagged: Path) -> None:
    text = _export(tagged, "--format", "markdown")
    integrity = text.split("## Integrity", 1)[1].split("## Entries", 1)[0]
    assert "- Chain head: " in integrity and "- Links in the chain: " in integrity  # own lines
    assert "What the chain head shows:" in integrity and "What it cannot show:" in integrity
    assert "could rebuild the whole chain" in integrity
    assert "talk to an advocate or a lawyer" in integrity
    html = _export(tagged, "--format", "html")
    assert "counter(page)" in html and "@page" in html
    head = html.split('<div class="print-footer">', 1)[1].split("</div>", 1)[0]
    assert "chain head" in head and len(head.split("<code>")[1].split("</code>")[0]) == 64


def test_the_default_file_names_say_nothing_about_what_they_hold() -> None:
    import re
    import tomllib
    from datetime import date

    from screens._export_screen import default_file_name
    from screens.plan_print import PlanPrintScreen
    from screens.report import ReportScreen
    from tui.content import read_text

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{4,}", text.lower()))

    telling = {"journal", "report", "safety", "plan", "record", "cairn", "abuse", "diary"}
    for section in tomllib.loads(read_text("safety_plan.toml")).get("section", []):
        telling |= words(str(section.get("title", "")))
    screens = tomllib.loads(read_text("screens.toml"))
    telling |= words(screens["report"]["title"]) | words(screens["plan"]["print"]["title"])
    assert len(telling) > 20
    for screen_type in (ReportScreen, PlanPrintScreen):
        for _, suffix in screen_type.formats:
            name = default_file_name(date(2026, 12, 1), suffix)
            assert not words(name) & telling, name
