"""Exports the person asked for: everything as JSON, a printable journal report, or the
safety plan for printing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from . import journal, questionnaire, report, safety_plan
from .private_file import write_private
from .vault import Vault
from .visible import json_safe

EXPORT_FORMAT = "cairn-export"
EXPORT_VERSION = 1


def export_document(
    vault: Vault, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    chosen = journal.JournalIndex(journal.entries(vault)).find(journal.Filter(start=start, end=end))
    ids = {entry.id for entry in chosen}
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": journal.now(),
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "journal": [entry.full_record() for entry in reversed(chosen)],
        # what the journal says about each attached file (the files themselves are saved
        # out one by one, from the app)
        "attachments": [
            each.described() for each in journal.attachments_of(vault) if each.entry in ids
        ],
        "chain": [link.as_record() for link in journal.links(vault)],
        "chain_head": journal.verify(vault).head,
        "safety_plan": safety_plan.load(vault).as_record(),
        # only the runs the person chose to keep; an unfinished run is not exported
        "questionnaire_runs": [run.as_record() for run in questionnaire.saved_runs(vault)],
    }


def to_json(vault: Vault, start: date | None = None, end: date | None = None) -> str:
    document = export_document(vault, start, end)
    # Escaped where a terminal would obey a character or UTF-8 cannot hold it (a stored
    # lone surrogate): the same JSON value, safe to show and to write.
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


REPORT_FORMATS = ("markdown", "html")
JOURNAL_FORMATS = ("json", *REPORT_FORMATS)
PLAN_FORMATS = tuple(safety_plan.FORMATS)
FORMATS = JOURNAL_FORMATS + PLAN_FORMATS


def render(vault: Vault, kind: str, choice: report.Choice | None = None) -> str:
    """The export as text, in one of FORMATS. The plan's formats take no choice; JSON takes
    only the days (it holds everything else)."""
    choice = choice or report.Choice()
    if kind == "json":
        return to_json(vault, choice.start, choice.end)
    if kind in safety_plan.FORMATS:
        return safety_plan.FORMATS[kind](safety_plan.load(vault), journal.now())
    return report.FORMATS[kind](report.collect(vault, choice))


def write_file(path: Path, data: bytes, *, overwrite: bool) -> None:
    """A new 0600 file, written durably; an existing one is replaced only when asked."""
    write_private(path, data, overwrite=overwrite)
