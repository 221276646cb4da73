"""What a set of answers shows, area by area, in words rather than a score; and how many
answers in each area were "often" or "always" across the sets kept. Nothing here judges the
person or the relationship: it mirrors their own answers back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .definition import ANSWERS, Area, Item, Questionnaire

Answers = Mapping[str, int | None]  # item key -> 0 (never) to 4 (always); None: skipped

OFTEN = ANSWERS.index("often")
SOMETIMES = ANSWERS.index("sometimes")
SAFETY_AREA = "safety"


@dataclass(frozen=True)
class AreaReflection:
    area: Area
    asked: int
    answered: int
    band: str | None  # "rarely", "sometimes" or "often"; None when nothing was answered
    noticed: tuple[Item, ...]  # items answered "often" or "always" in the direction noticed
    partial_texts: Mapping[str, str]

    @property
    def count(self) -> int | None:
        """How many answers here were "often" or "always" in the direction worth noticing
        (what the chart shows and the comparison uses); None when nothing was answered."""
        return None if self.band is None else len(self.noticed)

    @property
    def came_up(self) -> bool:
        return self.band in ("sometimes", "often")

    @property
    def text(self) -> str | None:
        """The area's own words when every statement was answered; when some were skipped,
        words that speak only of the answered ones."""
        if self.band is None:
            return None
        if self.answered < self.asked:
            skipped = self.asked - self.answered
            return self.partial_texts[self.band].format(
                answered=self.answered, asked=self.asked, skipped=skipped
            )
        return self.area.text(self.band)


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
        band=_band(weights),
        noticed=tuple(item for item, weight in weighed if weight >= OFTEN),
        partial_texts=questionnaire.partial,
    )


def reflect(questionnaire: Questionnaire, answers: Answers) -> tuple[AreaReflection, ...]:
    """Every area, in the questionnaire's order, except that feeling safe at home comes
    first when it came up: it is the one that matters most."""
    found = [reflect_area(questionnaire, area, answers) for area in questionnaire.areas]
    safety = [shown for shown in found if shown.area.key == SAFETY_AREA and shown.came_up]
    return tuple(safety + [shown for shown in found if shown not in safety])


def change(before: int | None, now: int | None) -> str | None:
    """ "more", "less" or "same" often than before, counting the answers "often" or
    "always"; None when either set of answers skipped the area."""
    if before is None or now is None:
        return None
    if now > before:
        return "more"
    if now < before:
        return "less"
    return "same"


def counts_over_time(
    questionnaire: Questionnaire, runs: Sequence[Answers]
) -> dict[str, tuple[int | None, ...]]:
    """Area key -> how many answers were "often" or "always" in each set, oldest first."""
    return {
        area.key: tuple(reflect_area(questionnaire, area, run).count for run in runs)
        for area in questionnaire.areas
    }
