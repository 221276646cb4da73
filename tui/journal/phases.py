"""The phases of the cycle, read from tui/content/phases.toml (one source of truth)."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.bundle import content
from ..content.checks import TableReader


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    describe: str
    letter: str  # marks the phase where colour is not enough: calendars, plain-text reports


def parse_phases(file: TableReader) -> tuple[Phase, ...]:
    """phases.toml's [[phase]] tables, checked."""
    found = []
    for number, table in enumerate(file.tables("phase"), 1):
        phase = file.within(table, f"[[phase]] number {number}")
        phase.only("id", "label", "describe", "letter")
        found.append(
            Phase(
                id=phase.text("id"),
                label=phase.text("label"),
                describe=phase.text("describe"),
                letter=phase.text("letter"),
            )
        )
    if not found:
        raise file.problem("there is no [[phase]].")
    if len({p.id for p in found}) != len(found):
        raise file.problem("two phases share an id.")
    return tuple(found)


def phases() -> tuple[Phase, ...]:
    return content().phases


def phase_ids() -> frozenset[str]:
    return frozenset(phase.id for phase in phases())


def phase_by_id() -> dict[str, Phase]:
    return {phase.id: phase for phase in phases()}


def phase_label(phase_id: str | None) -> str:
    phase = phase_by_id().get(phase_id or "")
    return phase.label if phase else ""
