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
class Record:
    """What goes into one report: the chosen entries, oldest first, and the chain."""

    entries: list[JournalEntry]
    start: date | None
    end: date | None
    made: str
    chain: journal.ChainReport


def collect(vault: Vault, start: date | None, end: date | None) -> Record:
    wanted = journal.Filter(start=start, end=end)
    chosen = journal.JournalIndex(journal.entries(vault)).find(wanted)
    return Record(
        entries=list(reversed(chosen)),
        start=start,
        end=end,
        made=journal.now(),
        chain=journal.verify(vault),
    )


def _moment(iso: str | None) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    return f"{moment:%A} {moment.day} {moment:%B %Y}, {moment:%H:%M} (UTC{moment:%z})"


def _range(record: Record) -> str:
    if record.start is None and record.end is None:
        return "All entries"
    start = f"{record.start:%Y-%m-%d}" if record.start else "the first entry"
    end = f"{record.end:%Y-%m-%d}" if record.end else "the latest entry"
    return f"Entries from {start} to {end}"


def entry_fields(entry: JournalEntry) -> list[tuple[str, str]]:
    """(label, value) for every field the person filled in, in the editor's order."""
    rows: list[tuple[str, str]] = []
    keys = [f.key for f in journal.ENTRY_FIELDS if f.key != "occurred"]
    if entry.is_daily:
        keys = [f.key for f in journal.DAILY_FIELDS] + (keys if entry.happened else [])
    for key in keys:
        if key == "phase":
            value = journal.phase_label(entry.phase)
        elif key == "tags":
            value = ", ".join(entry.tags)
        else:
            value = getattr(entry, key)
        if value.strip():
            rows.append((journal.LABELS[key], value))
    return rows


def _facts(entry: JournalEntry) -> list[tuple[str, str]]:
    facts = [("Happened", _moment(entry.occurred)), ("First written", _moment(entry.created))]
    if entry.version > 1:
        facts.append(("Last changed", f"{_moment(entry.updated)} (version {entry.version})"))
    facts.append(("Entry hash", journal.entry_hash(entry)[:16]))
    return facts


def _chain_lines(record: Record) -> list[str]:
    chain = record.chain
    lines = [f"Chain head: {chain.head}", f"Links in the chain: {chain.links}"]
    if chain.intact:
        lines.append("The record chain checked out when this report was made.")
    else:
        lines.append("The record chain did NOT check out when this report was made:")
        lines.extend(f"- {problem}" for problem in chain.problems)
    if chain.unlinked:
        lines.append(
            f"{chain.unlinked} entries were written before the chain existed and are not yet "
            "linked; they are linked the next time the journal changes."
        )
    lines.append(
        "To verify later: on the computer that holds this journal, run "
        f"'cairn check --head {chain.head[:16]}'. It confirms that this head is part of the "
        "chain and lists every entry changed or removed since this report was made."
    )
    if chain.removed:
        lines.append(f"Entries removed before this report, as the chain records: {chain.removed}.")
    return lines


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def to_markdown(record: Record) -> str:
    out = [
        "# Journal record",
        "",
        f"- Made: {_moment(record.made)}",
        f"- Covers: {_range(record)}",
        f"- Entries in this report: {len(record.entries)}",
        "",
        "Each entry is reproduced exactly as written, inside a text block. Times carry "
        "their offset from UTC.",
        "",
        "## Integrity",
        "",
        *_chain_lines(record),
        "",
    ]
    for number, entry in enumerate(record.entries, start=1):
        title = "Daily check-in" if entry.is_daily else "Entry"
        out += [f"## {number}. {title}: {_moment(entry.occurred)}", ""]
        out += [f"- {label}: {value}" for label, value in _facts(entry)]
        out.append("")
        for label, value in entry_fields(entry):
            text = visible(value)
            fence = _fence(text)
            out += [f"**{label}**", "", fence, text, fence, ""]
    return "\n".join(out).rstrip("\n") + "\n"


_STYLE = """
body { font-family: Georgia, serif; max-width: 48em; margin: 2em auto; line-height: 1.45; }
h1, h2 { font-family: Helvetica, Arial, sans-serif; }
section { break-inside: avoid-page; border-top: 1px solid #999; padding-top: 0.5em; }
dt { font-weight: bold; margin-top: 0.6em; }
dd { margin-left: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.facts { color: #333; font-size: 0.92em; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
"""


def _h(text: str) -> str:
    return html.escape(visible(text), quote=True)


def to_html(record: Record) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="referrer" content="no-referrer">',
        "<title>Journal record</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Journal record</h1>",
        '<ul class="facts">',
        f"<li>Made: {_h(_moment(record.made))}</li>",
        f"<li>Covers: {_h(_range(record))}</li>",
        f"<li>Entries in this report: {len(record.entries)}</li>",
        "</ul>",
        "<p>Each entry is reproduced exactly as written. Times carry their offset from UTC.</p>",
        "<h2>Integrity</h2>",
    ]
    parts += [
        f"<p><code>{_h(line)}</code></p>" if line.startswith("Chain head") else f"<p>{_h(line)}</p>"
        for line in _chain_lines(record)
    ]
    for number, entry in enumerate(record.entries, start=1):
        title = "Daily check-in" if entry.is_daily else "Entry"
        parts.append(f"<section><h2>{number}. {title}: {_h(_moment(entry.occurred))}</h2>")
        parts.append('<ul class="facts">')
        parts += [f"<li>{_h(label)}: {_h(value)}</li>" for label, value in _facts(entry)]
        parts.append("</ul><dl>")
        for label, value in entry_fields(entry):
            parts.append(f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>")
        parts.append("</dl></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


FORMATS = {"markdown": to_markdown, "html": to_html}
