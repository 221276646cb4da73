"""The essentials of the plan, small enough for one screen or one side of paper."""

from __future__ import annotations

from dataclasses import dataclass

from .plan import SafetyPlan
from .progress import progress
from .sections import Number, plan_content

CARD_ROWS = 4  # people, and code words, shown on the card


@dataclass(frozen=True)
class Essentials:
    numbers: tuple[Number, ...]
    people: tuple[tuple[str, str, str], ...]  # name, how to reach them, check-in
    more_people: int
    code_words: tuple[tuple[str, str], ...]  # word, what it means
    more_code_words: int
    go_bag: tuple[int, int]  # packed, on the list
    documents_ready: tuple[str, ...]
    documents_missing: tuple[str, ...]
    review_by: str | None


def essentials(plan: SafetyPlan) -> Essentials:
    people = plan.trusted_people()
    words = plan.section("code_words").rows
    bag = progress(plan_content().section("go_bag"), plan.section("go_bag"))
    documents = plan.section("documents").rows
    return Essentials(
        numbers=plan_content().numbers,
        people=tuple(
            (str(p["name"]), str(p["reach"]), str(p["check_in"])) for p in people[:CARD_ROWS]
        ),
        more_people=max(0, len(people) - CARD_ROWS),
        code_words=tuple((str(w["word"]), str(w["meaning"])) for w in words[:CARD_ROWS]),
        more_code_words=max(0, len(words) - CARD_ROWS),
        go_bag=(bag.checked, bag.items),
        documents_ready=tuple(str(d["which"]) for d in documents if d["ready"] is True),
        documents_missing=tuple(str(d["which"]) for d in documents if d["ready"] is not True),
        review_by=plan.review_by,
    )
