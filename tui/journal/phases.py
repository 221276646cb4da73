"""The phases of the cycle, read from tui/content/phases.toml (one source of truth)."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import load_toml


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    describe: str
    letter: str  # marks the phase where colour is not enough: calendars, plain-text reports


def load_phases() -> tuple[Phase, ...]:
    return tuple(
        Phase(
            id=str(p["id"]),
            label=str(p["label"]),
            describe=str(p["describe"]),
            letter=str(p["letter"]),
        )
        for p in load_toml("phases.toml")["phase"]
    )


PHASES = load_phases()
PHASE_IDS = frozenset(phase.id for phase in PHASES)
PHASE_BY_ID = {phase.id: phase for phase in PHASES}


def phase_label(phase_id: str | None) -> str:
    phase = PHASE_BY_ID.get(phase_id or "")
    return phase.label if phase else ""
