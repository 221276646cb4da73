"""The conflict-health questionnaire: its definition (data under
tui/content/questionnaires/), what a run's answers show, and the runs kept in the vault.
No screens here, and never a diagnosis: the words it gives back are the content file's."""

from ..content.bundle import content
from .definition import (
    ANSWERS,
    Area,
    Item,
    Questionnaire,
    QuestionnaireProblem,
    load_questionnaires,
    parse_questionnaire,
    parse_questionnaire_text,
)
from .reflection import AreaReflection, change, counts_over_time, reflect, reflect_area
from .runs import (
    SAVED,
    UNFINISHED,
    Run,
    discard_unfinished,
    keep_unfinished,
    save_run,
    saved_runs,
    unfinished,
)


def questionnaires() -> tuple[Questionnaire, ...]:
    """The shipped questionnaires, from the one content bundle."""
    return content().questionnaires


__all__ = [
    "ANSWERS",
    "SAVED",
    "UNFINISHED",
    "Area",
    "AreaReflection",
    "Item",
    "Questionnaire",
    "QuestionnaireProblem",
    "Run",
    "change",
    "counts_over_time",
    "discard_unfinished",
    "keep_unfinished",
    "load_questionnaires",
    "parse_questionnaire",
    "parse_questionnaire_text",
    "questionnaires",
    "reflect",
    "reflect_area",
    "save_run",
    "saved_runs",
    "unfinished",
]
