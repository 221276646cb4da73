"""The plan on paper: plain text or a web page for printing, made only when the person asks.

Their words are reproduced exactly; control characters (terminal escape sequences among
them) become visible symbols, and in HTML every character is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import datetime

from .. import dates
from ..visible import visible
from ..words import say
from .plan import SafetyPlan, SectionPlan
from .progress import describe, progress
from .sections import Section, plan_content


def _made(iso: str) -> str:
    return dates.moment_text(datetime.fromisoformat(iso))


def plan_order(plan: SafetyPlan) -> tuple[Section, ...]:
    leading, others = plan_content().ordered(plan.mode)
    return leading + others


def _facts(plan: SafetyPlan, made: str) -> list[tuple[str, str]]:
    mode = plan_content().mode(plan.mode).title if plan.mode else say("printed_plan.no_mode")
    return [
        (say("printed_plan.made"), _made(made)),
        (say("printed_plan.plan"), mode),
        (say("printed_plan.review_by"), plan.review_by or say("printed_plan.no_date")),
    ]


def _own_numbers(plan: SafetyPlan) -> list[tuple[str, str]]:
    """The person's own emergency number and lines (label, number), printed first."""
    found = [(say("printed_plan.own_emergency"), plan.emergency)] if plan.emergency else []
    for row in plan.own_lines():
        number = str(row.get("number", ""))
        if number.strip():
            found.append((str(row.get("name", "")), number))
    return found


def _row_lines(section: Section, row: dict[str, object]) -> Iterator[tuple[str, str]]:
    assert section.rows is not None
    for f in section.rows.fields:
        value = row.get(f.key)
        if f.kind == "check":
            yield f.label, say("printed_plan.yes" if value is True else "printed_plan.no")
        elif isinstance(value, str) and value.strip():
            yield f.label, value


# -- plain text -------------------------------------------------------------------------


def _indent(text: str, by: str) -> list[str]:
    return [by + line for line in visible(text).splitlines() or [""]]


def _text_section(section: Section, kept: SectionPlan) -> list[str]:
    out = [f"== {section.title} ==", describe(section, progress(section, kept)), ""]
    if kept.checklist:
        out.append(say("printed_plan.checklist"))
        for item in kept.checklist:
            mark = "[x]" if item.done else "[ ]"
            lines = _indent(item.text, "")
            out.append(f"  {mark} {lines[0]}")
            out.extend(f"      {line}" for line in lines[1:])
        out.append("")
    if section.rows is not None and kept.rows:
        out.append(section.rows.many.capitalize())
        for number, row in enumerate(kept.rows, start=1):
            prefix = f"  {number}. "
            for label, value in _row_lines(section, row):
                lines = _indent(value, "")
                out.append(f"{prefix}{label}: {lines[0]}")
                out.extend(" " * (len(prefix) + 2) + line for line in lines[1:])
                prefix = " " * len(prefix)
        out.append("")
    if kept.notes.strip():
        out.append(say("printed_plan.notes"))
        out.extend(_indent(kept.notes, "  "))
        out.append("")
    return out


def to_text(plan: SafetyPlan, made: str) -> str:
    out = [say("printed_plan.title").upper(), ""]
    out += [f"{label}: {value}" for label, value in _facts(plan, made)]
    out += ["", say("printed_plan.not_encrypted"), "", say("printed_plan.numbers")]
    out += [f"  {visible(label)}: {visible(number)}" for label, number in _own_numbers(plan)]
    out += [f"  {n.label}: {n.number}" for n in plan_content().numbers]
    out += [f"  ({_numbers_from()})", ""]
    for section in plan_order(plan):
        out += _text_section(section, plan.section(section.key))
    return "\n".join(out).rstrip("\n") + "\n"


# -- a web page for printing ------------------------------------------------------------

_STYLE = """
body { font-family: Georgia, serif; max-width: 48em; margin: 2em auto; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
section { break-inside: avoid-page; border-top: 1px solid #999; padding-top: 0.5em; }
ul.checklist { list-style: none; padding-left: 0.5em; }
dt { font-weight: bold; margin-top: 0.4em; }
dd { margin-left: 1em; white-space: pre-wrap; overflow-wrap: anywhere; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; }
.progress, .source { color: #333; font-size: 0.92em; }
"""


def _numbers_from() -> str:
    return say("printed_plan.numbers_from", source=plan_content().source)


def _h(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _html_head(title: str) -> list[str]:
    """The page's head, up to the opening body; ``title`` already escaped."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{_h(say("meta.lang"))}"><head><meta charset="utf-8">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style></head><body>",
    ]


def _html_section(section: Section, kept: SectionPlan) -> list[str]:
    parts = [
        f"<section><h2>{_h(section.title)}</h2>",
        f'<p class="progress">{_h(describe(section, progress(section, kept)))}</p>',
    ]
    if kept.checklist:
        parts.append('<ul class="checklist">')
        for item in kept.checklist:
            mark = "&#9746;" if item.done else "&#9744;"  # a ticked box, an empty box
            done = "done" if item.done else "open"
            parts.append(f'<li class="{done}">{mark} <span>{_h(item.text)}</span></li>')
        parts.append("</ul>")
    if section.rows is not None and kept.rows:
        parts.append(f"<h3>{_h(section.rows.many.capitalize())}</h3>")
        for row in kept.rows:
            parts.append('<dl class="row">')
            for label, value in _row_lines(section, row):
                parts.append(f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>")
            parts.append("</dl>")
    if kept.notes.strip():
        notes = _h(say("printed_plan.notes"))
        parts.append(f'<h3>{notes}</h3><div class="notes">{_h(kept.notes)}</div>')
    parts.append("</section>")
    return parts


def to_html(plan: SafetyPlan, made: str) -> str:
    title = _h(say("printed_plan.title"))
    parts = [
        *_html_head(title),
        f"<h1>{title}</h1>",
        "<ul>",
        *(f"<li>{_h(label)}: {_h(value)}</li>" for label, value in _facts(plan, made)),
        "</ul>",
        f"<p><strong>{_h(say('printed_plan.not_encrypted'))}</strong></p>",
        f"<h2>{_h(say('printed_plan.numbers'))}</h2><ul>",
        *(f"<li>{_h(lb)}: <strong>{_h(nb)}</strong></li>" for lb, nb in _own_numbers(plan)),
        *(
            f"<li>{_h(n.label)}: <strong>{_h(n.number)}</strong></li>"
            for n in plan_content().numbers
        ),
        "</ul>",
        f'<p class="source">{_h(_numbers_from())}</p>',
    ]
    for section in plan_order(plan):
        parts += _html_section(section, plan.section(section.key))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# -- the card for a trusted person ------------------------------------------------------


def _card_parts(plan: SafetyPlan) -> tuple[list[tuple[str, str]], str]:
    words = [
        (str(row.get("word", "")), str(row.get("meaning", "")))
        for row in plan.section("code_words").rows
        if str(row.get("word", "")).strip()
    ]
    number = plan.emergency or plan_content().numbers[0].number
    return words, plan_content().trusted_card["emergency"].format(number=number)


def trusted_text(plan: SafetyPlan, made: str) -> str:
    """A card for a trusted person, as plain text: the code words and what to do."""
    card, lists = plan_content().trusted_card, plan_content().trusted_lists
    words, emergency = _card_parts(plan)
    out = [card["title"].upper(), "", card["intro"], ""]
    if words:
        out.append(card["code_words"])
        out += [f"  {visible(word)}: {visible(meaning)}".rstrip(": ") for word, meaning in words]
    else:
        out.append(card["no_code_words"])
    out += ["", emergency, "", card["do_heading"]]
    out += [f"  - {line}" for line in lists["do"]]
    out += ["", card["dont_heading"]]
    out += [f"  - {line}" for line in lists["dont"]]
    out += ["", card["thanks"], ""]
    return "\n".join(out)


def trusted_html(plan: SafetyPlan, made: str) -> str:
    card, lists = plan_content().trusted_card, plan_content().trusted_lists
    words, emergency = _card_parts(plan)
    parts = [
        *_html_head(_h(card["title"])),
        f"<h1>{_h(card['title'])}</h1>",
        f"<p>{_h(card['intro'])}</p>",
    ]
    if words:
        parts += [f"<p>{_h(card['code_words'])}</p>", "<dl>"]
        parts += [f"<dt>{_h(word)}</dt><dd>{_h(meaning)}</dd>" for word, meaning in words]
        parts.append("</dl>")
    else:
        parts.append(f"<p>{_h(card['no_code_words'])}</p>")
    parts.append(f"<p><strong>{_h(emergency)}</strong></p>")
    for heading, key in (("do_heading", "do"), ("dont_heading", "dont")):
        parts += [f"<h2>{_h(card[heading])}</h2>", "<ul>"]
        parts += [f"<li>{_h(line)}</li>" for line in lists[key]]
        parts.append("</ul>")
    parts += [f"<p>{_h(card['thanks'])}</p>", "</body></html>"]
    return "\n".join(parts) + "\n"


FORMATS = {
    "plan-text": to_text,
    "plan-html": to_html,
    "trusted-card-text": trusted_text,
    "trusted-card-html": trusted_html,
}
