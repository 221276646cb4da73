"""Keeping runs in the vault. An unfinished run is stored as each answer is given, so leaving,
panic or a dropped connection never loses it; a finished run is kept only when the person
chooses to save it. Every change is one atomic, durable write, or raises and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from ..journal.when import now
from ..vault import Vault
from .definition import ANSWERS, Questionnaire

UNFINISHED = "questionnaire_unfinished"
SAVED = "questionnaire_runs"


@dataclass(frozen=True)
class Run:
    questionnaire: str
    started: str
    answers: dict[str, int | None] = field(default_factory=dict)  # None: skipped
    position: int = 0  # the item showing when it was last stored
    finished: str | None = None  # when it was saved

    @classmethod
    def begin(cls, questionnaire: Questionnaire) -> Run:
        return cls(questionnaire.key, now())

    def answered(self, item: str, answer: int | None, position: int) -> Run:
        if answer is not None and answer not in range(len(ANSWERS)):
            raise ValueError(f"an answer is 0 to {len(ANSWERS) - 1}")
        return replace(self, answers={**self.answers, item: answer}, position=position)

    @property
    def day(self) -> date:
        """The day it was kept (or, unfinished, begun), as its time was written."""
        return datetime.fromisoformat(self.finished or self.started).date()

    def answered_count(self, questionnaire: Questionnaire) -> int:
        """Statements answered or skipped, of those the questionnaire asks now."""
        return sum(1 for item in questionnaire.items if item.key in self.answers)

    def is_complete(self, questionnaire: Questionnaire) -> bool:
        return self.answered_count(questionnaire) == len(questionnaire.items)

    def as_record(self) -> dict[str, Any]:
        return {
            "questionnaire": self.questionnaire,
            "started": self.started,
            "answers": dict(self.answers),
            "position": self.position,
            "finished": self.finished,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Run:
        answers = record.get("answers", {})
        kept = {
            str(key): value
            for key, value in answers.items()
            if value is None
            or (
                isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(ANSWERS)
            )
        }
        position = record.get("position", 0)
        return cls(
            questionnaire=str(record["questionnaire"]),
            started=str(record["started"]),
            answers=kept,
            position=position if isinstance(position, int) and position >= 0 else 0,
            finished=record.get("finished"),
        )


def unfinished(vault: Vault, questionnaire: Questionnaire) -> Run | None:
    found = vault.collection(UNFINISHED).find("questionnaire", questionnaire.key)
    return Run.from_record(found[1]) if found else None


def keep_unfinished(vault: Vault, run: Run) -> None:
    """Store the run as it stands, replacing the one kept before."""
    with vault.batch():
        _drop_unfinished(vault, run.questionnaire)
        vault.collection(UNFINISHED).add(run.as_record())


def discard_unfinished(vault: Vault, questionnaire: Questionnaire) -> None:
    with vault.batch():
        _drop_unfinished(vault, questionnaire.key)


def save_run(vault: Vault, run: Run) -> Run:
    """Keep a finished run and let go of its unfinished copy, in one write."""
    finished = replace(run, finished=now())
    with vault.batch():
        _drop_unfinished(vault, run.questionnaire)
        vault.collection(SAVED).add(finished.as_record())
    return finished


def saved_runs(vault: Vault, questionnaire: Questionnaire | None = None) -> list[Run]:
    """The saved runs of this questionnaire (or of every one), oldest first."""
    runs = vault.collection(SAVED)
    records = (
        runs.all()
        if questionnaire is None
        else [record for _, record in runs.find_all("questionnaire", questionnaire.key)]
    )
    found = [Run.from_record(record) for record in records]
    return sorted(found, key=lambda run: run.finished or run.started)


def _drop_unfinished(vault: Vault, questionnaire: str) -> None:
    unfinished_runs = vault.collection(UNFINISHED)
    for key, _ in unfinished_runs.find_all("questionnaire", questionnaire):
        unfinished_runs.delete(key)
