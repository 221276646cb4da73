"""Printable records of the journal, for an advocate, a lawyer or a court: Markdown and HTML.

The person's words are reproduced exactly. In Markdown they sit in fenced blocks, so nothing
they wrote is read as formatting; in HTML every character is escaped. Control characters
(terminal escape sequences among them) are shown as visible symbols, so that a report shown
in a terminal cannot drive that terminal.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime

from . import journal
from .journal import JournalEntry
from .vault import Vault
from .visible import visible


@dataclass(frozen=True)
class Choice:
    """What the person chose to put in a report."""

    start: date | None = None  # first day, inclusive
    end: date | None = None  # last day, inclusive
    tags: tuple[str, ...] = ()  # entries with any of these tags; empty: every entry
    felt: bool = True  # with "How I felt"
    daily: bool = True  # with the daily pages


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


def exhibit_facts(exhibit: Exhibit) -> list[tuple[str, str]]:
    """(label, value) for one exhibit under its entry."""
    file = exhibit.file
    facts = [
        ("Name", file.name),
        ("Type", file.type),
        ("Size", _size(file.size)),
        ("Added to the journal", _moment(file.added)),
        ("The file's own date", _moment(file.modified)),
        ("SHA-256", file.sha256),
    ]
    if file.note:
        facts.append(("Note", file.note))
    return facts


def _size(size: int) -> str:
    shown = journal.size_text(size)
    return shown if size < 1000 else f"{shown} ({size:,} bytes)"


# Values that come from the person or their files: shown exactly, never read as formatting.
_AS_WRITTEN = {"Name", "Note"}


def _md_fact(label: str, value: str) -> str:
    if label in _AS_WRITTEN:
        return f"- {label}: {_inline(value)}"
    return f"- {label}: {value}"


EXHIBIT_NOTE = (
    "Each exhibit is a file kept in the journal byte for byte, sealed. Its SHA-256 "
    "fingerprint changes if even one byte of the file changes: anyone can compute the "
    "fingerprint of the copy they are given (for example with 'sha256sum' or "
    "'certutil -hashfile NAME SHA256') and compare it with the one listed here. "
    "The file's own date is the time its file system last recorded a change to it, which "
    "a copy or a phone can alter; it is not proof of when a photo was taken."
)


def _moment(iso: str | None) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    return f"{moment:%A} {moment.day} {moment:%B %Y}, {moment:%H:%M} (UTC{moment:%z})"


def _short(iso: str) -> str:
    return f"{datetime.fromisoformat(iso):%Y-%m-%d %H:%M}"


def _range(choice: Choice) -> str:
    if choice.start is None and choice.end is None:
        return "All entries"
    start = f"{choice.start:%Y-%m-%d}" if choice.start else "the first entry"
    end = f"{choice.end:%Y-%m-%d}" if choice.end else "the latest entry"
    return f"Entries from {start} to {end}"


def _chosen(choice: Choice) -> list[str]:
    lines = [f"Covers: {_range(choice)}"]
    if choice.tags:
        lines.append("Only entries tagged: " + ", ".join(choice.tags))
    lines.append("How I felt: " + ("included" if choice.felt else "left out"))
    lines.append("Daily check-ins: " + ("included" if choice.daily else "left out"))
    return lines


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
    facts = [("Happened", _moment(entry.occurred)), ("First written", _moment(entry.created))]
    if entry.version > 1:
        facts.append(("Last changed", f"{_moment(entry.updated)} (version {entry.version})"))
    facts.append(("Entry hash", journal.entry_hash(entry)[:16]))
    return facts


def _earlier(entry: JournalEntry) -> list[tuple[str, JournalEntry]]:
    """Each earlier version with its heading, oldest first."""
    found = []
    for version in entry.history:
        when = _moment(version.updated or version.created)
        found.append((f"Version {version.version}, as written {when}", version))
    return found


def _chain_lines(record: Record) -> list[str]:
    chain = record.chain
    lines = [f"Chain head: {chain.head}", f"Links in the chain: {chain.links}"]
    if chain.intact:
        lines.append("The record chain checked out when this report was made.")
    else:
        lines.append("The record chain did NOT check out when this report was made:")
        lines.extend(f"  {problem}" for problem in chain.problems)
    if chain.unlinked:
        lines.append(
            f"{chain.unlinked} entries were written before the chain existed and are not yet "
            "linked; they are linked the next time the journal changes."
        )
    if chain.removed:
        lines.append(f"Entries removed before this report, as the chain records: {chain.removed}.")
    return lines


# What the chain head can and cannot show, in plain words; never more than it can.
INTEGRITY_NOTES = (
    "What the chain head shows: every entry, every change and every removal is a link in a "
    "chain of fingerprints, and the head above stands for all of it. If the head is written "
    "down or handed to someone today, it can show later that nothing in the journal was "
    "changed or removed since today without that showing.",
    "What it cannot show: someone who has the passphrase could rebuild the whole chain, so "
    "the head does not prove when an entry was first written. Its value comes from writing "
    "it down or handing it over on a given day.",
    "To check it later: on the computer that holds this journal, run "
    "'cairn check --head {head}'. It confirms that this head is part of the chain and lists "
    "every entry changed or removed since.",
    "Before you give this journal to a court, talk to an advocate or a lawyer: in many places "
    "the other side can ask to read everything you hand over.",
)


def _notes(record: Record) -> list[str]:
    return [note.format(head=record.chain.head[:16]) for note in INTEGRITY_NOTES]


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
    return "Daily check-in" if entry.is_daily else "Entry"


def to_markdown(record: Record) -> str:
    felt = record.choice.felt
    out = [
        "# Journal record",
        "",
        f"- Made: {_moment(record.made)}",
        *(f"- {line}" for line in _chosen(record.choice)),
        f"- Entries in this report: {len(record.entries)}",
        *([f"- Exhibits (attached files): {len(record.exhibits)}"] if record.exhibits else []),
        "",
        "Each entry is reproduced exactly as written, inside a text block. Times carry "
        "their offset from UTC.",
        "",
        "## Timeline",
        "",
    ]
    for number, entry in enumerate(record.entries, start=1):
        phase = journal.phase_label(entry.phase) if entry.phase else "-"
        out.append(f"{number}. {_short(entry.occurred)} · {phase} · {_inline(first_line(entry))}")
    out += ["", "## Integrity", ""]
    out += [f"- {line}" for line in _chain_lines(record)]
    out.append("")
    for note in _notes(record):
        out += [note, ""]
    out += ["## Entries", ""]
    for number, entry in enumerate(record.entries, start=1):
        out += [f"### {number}. {_title(entry)}: {_moment(entry.occurred)}", ""]
        out += [f"- {label}: {value}" for label, value in _facts(entry)]
        out.append("")
        out += _md_fields(entry_fields(entry, felt=felt))
        for heading, version in _earlier(entry):
            out += [f"#### Earlier words. {heading}", ""]
            out += _md_fields(entry_fields(version, felt=felt))
        for exhibit in record.exhibits_of(number):
            out += [f"#### Exhibit {exhibit.number}", ""]
            out += [_md_fact(label, value) for label, value in exhibit_facts(exhibit)]
            out.append("")
    if record.exhibits:
        out += ["## Exhibits", "", EXHIBIT_NOTE, ""]
        out += ["| Exhibit | Entry | Name | Added | SHA-256 |", "|---|---|---|---|---|"]
        out += [
            f"| {each.number} | {each.entry_number} | {_cell(each.file.name)} | "
            f"{_short(each.file.added)} | `{each.file.sha256}` |"
            for each in record.exhibits
        ]
    return "\n".join(out).rstrip("\n") + "\n"


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


# Page numbers in the page margin, where the browser supports it (paged media); the chain
# head is on every printed page through the fixed footer, which every browser repeats.
_PAGE_RULES = (
    "@page { margin: 18mm 16mm 20mm; "
    '@bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }'
)


def _h(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _html_fields(fields: list[tuple[str, str]]) -> list[str]:
    parts = ["<dl>"]
    parts += [f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>" for label, value in fields]
    parts.append("</dl>")
    return parts


def to_html(record: Record) -> str:
    felt = record.choice.felt
    head = record.chain.head
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="referrer" content="no-referrer">',
        "<title>Journal record</title>",
        f"<style>{_STYLE}{_PAGE_RULES}</style></head><body>",
        f'<div class="print-footer">Journal record, chain head <code>{_h(head)}</code></div>',
        '<div class="timeline-page">',
        "<h1>Journal record</h1>",
        '<ul class="facts">',
        f"<li>Made: {_h(_moment(record.made))}</li>",
        *(f"<li>{_h(line)}</li>" for line in _chosen(record.choice)),
        f"<li>Entries in this report: {len(record.entries)}</li>",
        *(
            [f"<li>Exhibits (attached files): {len(record.exhibits)}</li>"]
            if record.exhibits
            else []
        ),
        "</ul>",
        "<p>Each entry is reproduced exactly as written. Times carry their offset from UTC.</p>",
        "<h2>Timeline</h2>",
        '<table class="timeline"><thead><tr><th>#</th><th>When</th><th>Phase</th>'
        "<th>What happened</th></tr></thead><tbody>",
    ]
    for number, entry in enumerate(record.entries, start=1):
        phase = journal.phase_label(entry.phase) if entry.phase else "-"
        parts.append(
            f"<tr><td>{number}</td><td>{_h(_short(entry.occurred))}</td><td>{_h(phase)}</td>"
            f"<td>{_h(first_line(entry))}</td></tr>"
        )
    parts += ["</tbody></table>", "</div>", "<h2>Integrity</h2>"]
    parts += [
        f"<p><code>{_h(line)}</code></p>" if line.startswith("Chain head") else f"<p>{_h(line)}</p>"
        for line in _chain_lines(record)
    ]
    parts += [f"<p>{_h(note)}</p>" for note in _notes(record)]
    parts.append("<h2>Entries</h2>")
    for number, entry in enumerate(record.entries, start=1):
        parts.append(f"<section><h3>{number}. {_title(entry)}: {_h(_moment(entry.occurred))}</h3>")
        parts.append('<ul class="facts">')
        parts += [f"<li>{_h(label)}: {_h(value)}</li>" for label, value in _facts(entry)]
        parts.append("</ul>")
        parts += _html_fields(entry_fields(entry, felt=felt))
        for heading, version in _earlier(entry):
            parts.append(f'<div class="earlier"><h4>Earlier words. {_h(heading)}</h4>')
            parts += _html_fields(entry_fields(version, felt=felt))
            parts.append("</div>")
        for exhibit in record.exhibits_of(number):
            parts.append(f'<div class="exhibit"><h4>Exhibit {exhibit.number}</h4>')
            parts += _html_fields(exhibit_facts(exhibit))
            parts.append("</div>")
        parts.append("</section>")
    if record.exhibits:
        parts += ["<h2>Exhibits</h2>", f"<p>{_h(EXHIBIT_NOTE)}</p>"]
        parts.append(
            '<table class="timeline"><thead><tr><th>Exhibit</th><th>Entry</th><th>Name</th>'
            "<th>Added</th><th>SHA-256</th></tr></thead><tbody>"
        )
        parts += [
            f"<tr><td>{each.number}</td><td>{each.entry_number}</td><td>{_h(each.file.name)}"
            f"</td><td>{_h(_short(each.file.added))}</td><td><code>{each.file.sha256}</code>"
            "</td></tr>"
            for each in record.exhibits
        ]
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


FORMATS = {"markdown": to_markdown, "html": to_html}
