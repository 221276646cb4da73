"""Printable records of the journal, for an advocate, a lawyer or a court: Markdown and HTML.

The person's words are reproduced exactly. In Markdown they sit in fenced blocks, so nothing
they wrote is read as formatting; in HTML every character is escaped. Control characters
(terminal escape sequences among them) are shown as visible symbols, so that a report shown
in a terminal cannot drive that terminal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from . import dates, journal
from .content import language, other_languages, speaking
from .journal import JournalEntry
from .vault import Vault
from .visible import visible
from .words import number, plural, say


@dataclass(frozen=True)
class Choice:
    """What the person chose to put in a report."""

    start: date | None = None  # first day, inclusive
    end: date | None = None  # last day, inclusive
    tags: tuple[str, ...] = ()  # entries with any of these tags; empty: every entry
    felt: bool = True  # with "How I felt"
    daily: bool = True  # with the daily pages
    # Cairn's own words in the person's language and the other one too, side by side, for
    # a lawyer who reads only one of them. The person's words are never translated.
    bilingual: bool = False


@dataclass(frozen=True)
class Exhibit:
    """An attached file as a report lists it: numbered in the order the report shows them."""

    number: int
    entry_number: int  # the entry's number in the report
    file: journal.Attachment


@dataclass(frozen=True)
class Record:
    """What goes into one report: the chosen entries, oldest first, their attached files
    as exhibits, and the chain."""

    entries: list[JournalEntry]
    choice: Choice
    made: str
    chain: journal.ChainReport
    exhibits: tuple[Exhibit, ...] = ()

    def exhibits_of(self, entry_number: int) -> list[Exhibit]:
        return [each for each in self.exhibits if each.entry_number == entry_number]


def collect(vault: Vault, choice: Choice) -> Record:
    wanted = journal.Filter(start=choice.start, end=choice.end)
    chosen = journal.JournalIndex(journal.entries(vault)).find(wanted)
    tags = {tag.casefold() for tag in choice.tags}
    chosen = [
        entry
        for entry in chosen
        if (choice.daily or not entry.is_daily)
        and (not tags or tags & {tag.casefold() for tag in entry.tags})
    ]
    entries = list(reversed(chosen))
    attached: dict[str, list[journal.Attachment]] = {}
    for attachment in journal.attachments_of(vault):
        attached.setdefault(attachment.entry, []).append(attachment)
    exhibits = [
        (number, attachment)
        for number, entry in enumerate(entries, start=1)
        for attachment in attached.get(entry.id, [])
    ]
    return Record(
        entries=entries,
        choice=choice,
        made=journal.now(),
        chain=journal.verify(vault),
        exhibits=tuple(
            Exhibit(index, number, attachment)
            for index, (number, attachment) in enumerate(exhibits, start=1)
        ),
    )


def _exhibit_facts(exhibit: Exhibit) -> list[tuple[str, str]]:
    """(key of [report.fact], value) for one exhibit under its entry."""
    file = exhibit.file
    facts = [
        ("name", file.name),
        ("type", file.type),
        ("size", _size(file.size)),
        ("added", _moment(file.added)),
        ("file_date", _moment(file.modified)),
        ("sha256", file.sha256),
    ]
    if file.note:
        facts.append(("note", file.note))
    return facts


def exhibit_facts(exhibit: Exhibit) -> list[tuple[str, str]]:
    """(label, value) for one exhibit under its entry."""
    return [(_label(key), value) for key, value in _exhibit_facts(exhibit)]


# -- one language or two -----------------------------------------------------------------

_LANGUAGES: ContextVar[tuple[str, ...]] = ContextVar("report_languages", default=())
_T = TypeVar("_T")
BOTH = " / "  # between a label and its other language


@contextmanager
def _written_in(choice: Choice) -> Iterator[None]:
    """The languages of one report, for the whole of its writing (in this thread only)."""
    codes = (language(), *other_languages()) if choice.bilingual else (language(),)
    token = _LANGUAGES.set(codes)
    try:
        yield
    finally:
        _LANGUAGES.reset(token)


def _bilingual() -> bool:
    return len(_LANGUAGES.get()) > 1


def _in_each(make: Callable[[], _T]) -> list[_T]:
    """``make()`` once in each of the report's languages, the person's first."""
    made = []
    for code in _LANGUAGES.get() or (language(),):
        with speaking(code):
            made.append(make())
    return made


def _joined(texts: list[str]) -> str:
    return BOTH.join(dict.fromkeys(texts))  # the same words (a name, a number) once


def _both(make: Callable[[], str]) -> str:
    """A label, or a short line, in each language side by side."""
    return _joined(_in_each(make))


def _said(key: str, **values: object) -> str:
    return _both(lambda: say(key, **values))


def _lines(make: Callable[[], list[str]]) -> list[str]:
    """A list of short lines, each in each language side by side."""
    return [_joined(list(each)) for each in zip(*_in_each(make), strict=True)]


def _pairs(make: Callable[[], list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """(label, value) rows, each side in each language side by side."""
    made = _in_each(make)
    return [
        (_joined([row[0] for row in rows]), _joined([row[1] for row in rows]))
        for rows in zip(*made, strict=True)
    ]


def _paragraphs(make: Callable[[], list[str]]) -> list[str]:
    """Paragraphs of explanation: all of them in one language, then in the other."""
    return [paragraph for each in _in_each(make) for paragraph in each]


def _label(key: str) -> str:
    return say(f"report.fact.{key}")


def _size(size: int) -> str:
    shown = journal.size_text(size)
    return shown if size < 1000 else say("report.size_bytes", size=shown, bytes=number(size))


# Values that come from the person or their files: shown exactly, never read as formatting.
_AS_WRITTEN = {"name", "note"}


def _md_fact(key: str, value: str) -> str:
    if key in _AS_WRITTEN:
        return f"- {_label(key)}: {_inline(value)}"
    return f"- {_label(key)}: {value}"


def _moment(iso: str | None) -> str:
    if not iso:
        return ""
    if _bilingual():  # digits read the same in both languages; day and month names do not
        return datetime.fromisoformat(iso).isoformat(sep=" ", timespec="minutes")
    return dates.moment_text(datetime.fromisoformat(iso), zone=True)


def _short(iso: str) -> str:
    return f"{datetime.fromisoformat(iso):%Y-%m-%d %H:%M}"


def _range(choice: Choice) -> str:
    if choice.start is None and choice.end is None:
        return say("report.all_entries")
    start = f"{choice.start:%Y-%m-%d}" if choice.start else say("report.first_entry")
    end = f"{choice.end:%Y-%m-%d}" if choice.end else say("report.latest_entry")
    return say("report.range", start=start, end=end)


def _chosen(choice: Choice) -> list[str]:
    lines = [say("report.covers", range=_range(choice))]
    if choice.tags:
        lines.append(say("report.only_tagged", tags=", ".join(choice.tags)))
    lines.append(say("report.felt", choice=_included(choice.felt)))
    lines.append(say("report.daily", choice=_included(choice.daily)))
    return lines


def _included(chosen: bool) -> str:
    return say("report.included" if chosen else "report.left_out")


def entry_fields(entry: JournalEntry, *, felt: bool = True) -> list[tuple[str, str]]:
    """(label, value) for every field the person filled in, in the editor's order."""
    rows: list[tuple[str, str]] = []
    keys = [f.key for f in journal.entry_fields() if f.key != "occurred"]
    if entry.is_daily:
        keys = [f.key for f in journal.daily_fields()] + (keys if entry.happened else [])
    for key in keys:
        if key == "felt" and not felt:
            continue
        if key == "phase":
            value = journal.phase_label(entry.phase)
        elif key == "tags":
            value = ", ".join(entry.tags)
        else:
            value = getattr(entry, key)
        if value.strip():
            rows.append((journal.labels()[key], value))
    return rows


def first_line(entry: JournalEntry) -> str:
    """The first line of what happened (or of how the day went), for the timeline."""
    text = entry.text if entry.text.strip() or not entry.is_daily else entry.today
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 90 else line[:89].rstrip() + "\u2026"


def _facts(entry: JournalEntry) -> list[tuple[str, str]]:
    facts = [
        (_label("happened"), _moment(entry.occurred)),
        (_label("first_written"), _moment(entry.created)),
    ]
    if entry.version > 1:
        changed = say("report.changed", when=_moment(entry.updated), version=entry.version)
        facts.append((_label("last_changed"), changed))
    facts.append((_label("entry_hash"), journal.entry_hash(entry)[:16]))
    return facts


def _earlier(entry: JournalEntry) -> list[tuple[str, JournalEntry]]:
    """Each earlier version with its heading, oldest first."""
    found = []
    for version in entry.history:
        when = _moment(version.updated or version.created)
        found.append((say("report.version", version=version.version, when=when), version))
    return found


def _chain_lines(record: Record) -> list[str]:
    """The chain's lines; the first is the chain head."""
    chain = record.chain
    lines = [say("report.chain_head", head=chain.head), say("report.links", links=chain.links)]
    if chain.intact:
        lines.append(say("report.chain_ok"))
    else:
        lines.append(say("report.chain_not_ok"))
        lines.extend(f"  {problem}" for problem in chain.problems)
    if chain.unlinked:
        lines.append(plural("report.unlinked", chain.unlinked))
    if chain.removed:
        lines.append(say("report.removed", count=chain.removed))
    return lines


# What the chain head can and cannot show, in plain words; never more than it can.
INTEGRITY_NOTES = ("shows", "cannot", "check_later", "before_court")


def _notes(record: Record) -> list[str]:
    head = record.chain.head[:16]
    return [say(f"report.integrity.{note}", head=head) for note in INTEGRITY_NOTES]


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _inline(text: str) -> str:
    """Text as a Markdown code span: shown exactly, never read as formatting."""
    text = visible(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    return f"{ticks} {text} {ticks}" if text else ""


def _md_fields(fields: list[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    for label, value in fields:
        text = visible(value)
        fence = _fence(text)
        out += [f"**{label}**", "", fence, text, fence, ""]
    return out


def _title(entry: JournalEntry) -> str:
    return say("report.daily_title" if entry.is_daily else "report.entry_title")


def _heading(number: int, entry: JournalEntry) -> str:
    return say(
        "report.entry_heading", number=number, title=_title(entry), when=_moment(entry.occurred)
    )


def _counts(record: Record) -> list[str]:
    lines = [say("report.entries_count", count=len(record.entries))]
    if record.exhibits:
        lines.append(say("report.exhibits_count", count=len(record.exhibits)))
    return lines


def _exhibit_rows(exhibit: Exhibit) -> list[tuple[str, str]]:
    """(label, value) for one exhibit, each in each language; the person's own (a name, a
    note) marked for showing exactly as written."""
    return _pairs(lambda: exhibit_facts(exhibit))


def _md_exhibit(exhibit: Exhibit) -> list[str]:
    rows = zip(_exhibit_facts(exhibit), _exhibit_rows(exhibit), strict=True)
    return [
        f"- {label}: {_inline(value) if key in _AS_WRITTEN else value}"
        for (key, _), (label, value) in rows
    ]


def to_markdown(record: Record) -> str:
    with _written_in(record.choice):
        return _markdown(record)


def _markdown(record: Record) -> str:
    felt = record.choice.felt
    out = [
        f"# {_said('report.title')}",
        "",
        f"- {_said('report.made', when=_moment(record.made))}",
        *(f"- {line}" for line in _lines(lambda: _chosen(record.choice))),
        *(f"- {line}" for line in _lines(lambda: _counts(record))),
        "",
        *_paragraphs(lambda: [say("report.exactly_text"), ""]),
        f"## {_said('report.timeline')}",
        "",
    ]
    for place, entry in enumerate(record.entries, start=1):
        phase = _phase(entry)
        out.append(f"{place}. {_short(entry.occurred)} · {phase} · {_inline(first_line(entry))}")
    out += ["", f"## {_said('report.integrity_title')}", ""]
    out += [f"- {line}" for line in _lines(lambda: _chain_lines(record))]
    out.append("")
    for note in _paragraphs(lambda: _notes(record)):
        out += [note, ""]
    out += [f"## {_said('report.entries')}", ""]
    for place, entry in enumerate(record.entries, start=1):
        out += [f"### {_heading_both(place, entry)}", ""]
        out += [f"- {label}: {value}" for label, value in _facts_both(entry)]
        out.append("")
        out += _md_fields(_fields_both(entry, felt))
        for heading, version in _earlier_both(entry):
            out += [f"#### {heading}", ""]
            out += _md_fields(_fields_both(version, felt))
        for exhibit in record.exhibits_of(place):
            out += [f"#### {_said('report.exhibit', number=exhibit.number)}", ""]
            out += _md_exhibit(exhibit)
            out.append("")
    if record.exhibits:
        out += [f"## {_said('report.exhibits')}", ""]
        out += _paragraphs(lambda: [say("report.exhibit_note"), ""])
        out += ["| " + " | ".join(_exhibit_columns()) + " |", "|---|---|---|---|---|"]
        out += [
            f"| {each.number} | {each.entry_number} | {_cell(each.file.name)} | "
            f"{_short(each.file.added)} | `{each.file.sha256}` |"
            for each in record.exhibits
        ]
    return "\n".join(out).rstrip("\n") + "\n"


def _heading_both(place: int, entry: JournalEntry) -> str:
    return _both(lambda: _heading(place, entry))


def _facts_both(entry: JournalEntry) -> list[tuple[str, str]]:
    return _pairs(lambda: _facts(entry))


def _fields_both(entry: JournalEntry, felt: bool) -> list[tuple[str, str]]:
    return _pairs(lambda: entry_fields(entry, felt=felt))


def _phase(entry: JournalEntry) -> str:
    return _both(lambda: journal.phase_label(entry.phase)) if entry.phase else "-"


def _earlier_both(entry: JournalEntry) -> list[tuple[str, JournalEntry]]:
    """Each earlier version with its heading in each language, oldest first."""
    headings = _lines(lambda: [say("report.earlier", heading=h) for h, _ in _earlier(entry)])
    return list(zip(headings, (version for _, version in _earlier(entry)), strict=True))


def _cell(text: str) -> str:
    """A name inside a Markdown table cell: a code span, its pipes escaped (GFM tables
    split on them even inside code)."""
    return _inline(text).replace("|", "\\|")


_STYLE = """
body { font-family: Georgia, serif; max-width: 48em; margin: 2em auto; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
section { break-inside: avoid-page; border-top: 1px solid #999; padding-top: 0.5em; }
dt { font-weight: bold; margin-top: 0.6em; }
dd { margin-left: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.facts { color: #333; font-size: 0.92em; }
.earlier { margin-left: 1.5em; color: #333; }
.exhibit { margin-left: 1.5em; border-left: 3px solid #999; padding-left: 0.6em; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
table.timeline { border-collapse: collapse; width: 100%; font-size: 0.92em; }
table.timeline th, table.timeline td { text-align: left; vertical-align: top;
  border-bottom: 1px solid #ccc; padding: 0.2em 0.5em 0.2em 0; }
.timeline-page { break-after: page; }
.print-footer { display: none; }
@media print {
  body { margin: 0 auto; }
  .print-footer { display: block; position: fixed; bottom: 0; left: 0; right: 0;
    font-size: 8pt; color: #444; border-top: 1px solid #999; padding-top: 2pt; }
}
"""


def _exhibit_columns() -> list[str]:
    keys = ("exhibit", "entry", "name", "added", "sha")
    return _lines(lambda: [say(f"report.column.{key}") for key in keys])


def _page_rules() -> str:
    """Page numbers in the page margin, where the browser supports it (paged media); the
    chain head is on every printed page through the fixed footer, which every browser
    repeats. The words around the numbers are the catalogue's, as CSS strings."""
    quoted = '"' + _said("report.page_of").replace("\\", "\\\\").replace('"', '\\"') + '"'
    counters = quoted.replace("{pages}", '" counter(pages) "').replace(
        "{page}", '" counter(page) "'
    )
    return (
        "@page { margin: 18mm 16mm 20mm; "
        f"@bottom-right {{ content: {counters}; font-size: 8pt; }} }}"
    )


def _h(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _html_fields(fields: list[tuple[str, str]]) -> list[str]:
    parts = ["<dl>"]
    parts += [f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>" for label, value in fields]
    parts.append("</dl>")
    return parts


def to_html(record: Record) -> str:
    with _written_in(record.choice):
        return _html(record)


def _html(record: Record) -> str:
    felt = record.choice.felt
    head = record.chain.head
    title = _h(_said("report.title"))
    columns = "".join(
        f"<th>{_h(label)}</th>"
        for label in _lines(lambda: [say(f"report.column.{k}") for k in ("when", "phase", "what")])
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_h(say("meta.lang"))}"><head><meta charset="utf-8">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}{_page_rules()}</style></head><body>",
        f'<div class="print-footer">{_h(_said("report.footer"))} <code>{_h(head)}</code></div>',
        '<div class="timeline-page">',
        f"<h1>{title}</h1>",
        '<ul class="facts">',
        f"<li>{_h(_said('report.made', when=_moment(record.made)))}</li>",
        *(f"<li>{_h(line)}</li>" for line in _lines(lambda: _chosen(record.choice))),
        *(f"<li>{_h(line)}</li>" for line in _lines(lambda: _counts(record))),
        "</ul>",
        *_html_paragraphs(lambda: [say("report.exactly")]),
        f"<h2>{_h(_said('report.timeline'))}</h2>",
        f'<table class="timeline"><thead><tr><th>#</th>{columns}</tr></thead><tbody>',
    ]
    for place, entry in enumerate(record.entries, start=1):
        parts.append(
            f"<tr><td>{place}</td><td>{_h(_short(entry.occurred))}</td>"
            f"<td>{_h(_phase(entry))}</td><td>{_h(first_line(entry))}</td></tr>"
        )
    parts += ["</tbody></table>", "</div>", f"<h2>{_h(_said('report.integrity_title'))}</h2>"]
    parts += [
        f"<p><code>{_h(line)}</code></p>" if index == 0 else f"<p>{_h(line)}</p>"
        for index, line in enumerate(_lines(lambda: _chain_lines(record)))
    ]
    parts += _html_paragraphs(lambda: _notes(record))
    parts.append(f"<h2>{_h(_said('report.entries'))}</h2>")
    for place, entry in enumerate(record.entries, start=1):
        parts.append(f"<section><h3>{_h(_heading_both(place, entry))}</h3>")
        parts.append('<ul class="facts">')
        parts += [f"<li>{_h(label)}: {_h(value)}</li>" for label, value in _facts_both(entry)]
        parts.append("</ul>")
        parts += _html_fields(_fields_both(entry, felt))
        for heading, version in _earlier_both(entry):
            parts.append(f'<div class="earlier"><h4>{_h(heading)}</h4>')
            parts += _html_fields(_fields_both(version, felt))
            parts.append("</div>")
        for exhibit in record.exhibits_of(place):
            number_shown = _h(_said("report.exhibit", number=exhibit.number))
            parts.append(f'<div class="exhibit"><h4>{number_shown}</h4>')
            parts += _html_fields(_exhibit_rows(exhibit))
            parts.append("</div>")
        parts.append("</section>")
    if record.exhibits:
        parts.append(f"<h2>{_h(_said('report.exhibits'))}</h2>")
        parts += _html_paragraphs(lambda: [say("report.exhibit_note")])
        heads = "".join(f"<th>{_h(column)}</th>" for column in _exhibit_columns())
        parts.append(f'<table class="timeline"><thead><tr>{heads}</tr></thead><tbody>')
        parts += [
            f"<tr><td>{each.number}</td><td>{each.entry_number}</td><td>{_h(each.file.name)}"
            f"</td><td>{_h(_short(each.file.added))}</td><td><code>{each.file.sha256}</code>"
            "</td></tr>"
            for each in record.exhibits
        ]
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_paragraphs(make: Callable[[], list[str]]) -> list[str]:
    """Paragraphs in each language, each marked with its language for a screen reader."""
    paragraphs: list[str] = []
    for code, made in zip(_LANGUAGES.get(), _in_each(make), strict=True):
        paragraphs += [f'<p lang="{code}">{_h(text)}</p>' for text in made]
    return paragraphs


FORMATS = {"markdown": to_markdown, "html": to_html}
