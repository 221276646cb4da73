"""What a run's answers show, area by area, in words rather than a score; and how each area
has moved across the saved runs. Nothing here judges the person or the relationship: it
mirrors their own answers back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .definition import ANSWERS, Area, Item, Questionnaire

Answers = Mapping[str, int | None]  # item key -> 0 (never) to 4 (always); None: skipped

OFTEN = ANSWERS.index("Often")
SOMETIMES = ANSWERS.index("Sometimes")
# Below this difference in an area's average the two runs read as "about the same": one
# answer moving by one step in a three-item area is not a change worth pointing at.
SAME_WITHIN = 0.5


@dataclass(frozen=True)
class AreaReflection:
    area: Area
    asked: int
    answered: int
    # the average of the answered items, 0 (nothing worth noticing) to 4; None if all skipped
    level: float | None
    band: str | None  # "rarely", "sometimes" or "often"; None when nothing was answered
    noticed: tuple[Item, ...]  # items answered "often" or "always" in the direction noticed

    @property
    def text(self) -> str | None:
        return None if self.band is None else self.area.text(self.band)


def _band(weights: Sequence[int]) -> str | None:
    if not weights:
        return None
    furthest = max(weights)  # one "always" is not averaged away
    if furthest >= OFTEN:
        return "often"
    return "sometimes" if furthest >= SOMETIMES else "rarely"


def reflect_area(questionnaire: Questionnaire, area: Area, answers: Answers) -> AreaReflection:
    items = questionnaire.items_in(area.key)
    weighed = [(item, item.weight(a)) for item in items if (a := answers.get(item.key)) is not None]
    weights = [weight for _item, weight in weighed]
    return AreaReflection(
        area=area,
        asked=len(items),
        answered=len(weighed),
        level=sum(weights) / len(weights) if weights else None,
        band=_band(weights),
        noticed=tuple(item for item, weight in weighed if weight >= OFTEN),
    )


def reflect(questionnaire: Questionnaire, answers: Answers) -> tuple[AreaReflection, ...]:
    """Every area, in the questionnaire's order."""
    return tuple(reflect_area(questionnaire, area, answers) for area in questionnaire.areas)


def change(before: float | None, now: float | None) -> str | None:
    """ "more", "less" or "same" often than before; None when either run skipped the area."""
    if before is None or now is None:
        return None
    if now - before >= SAME_WITHIN:
        return "more"
    if before - now >= SAME_WITHIN:
        return "less"
    return "same"


def levels_over_time(
    questionnaire: Questionnaire, runs: Sequence[Answers]
) -> dict[str, tuple[float | None, ...]]:
    """Area key -> the area's level in each run, oldest first."""
    return {
        area.key: tuple(reflect_area(questionnaire, area, run).level for run in runs)
        for area in questionnaire.areas
    }
