"""A questionnaire as data: its areas, its statements and the neutral words each area's
summary may show, read from a TOML file under tui/content/questionnaires/ and checked when
it is loaded. A second questionnaire is a second file; no code changes."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from ..content.checks import ContentProblem, TableReader, parse_toml

FOLDER = "questionnaires"
# The answer scale, 0 to 4; its words are the screens' ([answers] in screens.toml).
ANSWERS = ("never", "rarely", "sometimes", "often", "always")
NOTICED = ("often", "seldom")
BANDS = ("rarely", "sometimes", "often")


class QuestionnaireProblem(ContentProblem):
    """A questionnaire file is not usable; ``str()`` names the file and the place."""


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    texts: dict[str, str]  # band ("rarely", "sometimes", "often") -> the neutral summary

    def text(self, band: str) -> str:
        return self.texts[band]


@dataclass(frozen=True)
class Item:
    key: str
    area: str
    text: str
    noticed_when: str = "often"  # or "seldom": the end of the scale worth noticing
    safety: bool = False  # "often" or "always" (in that direction) shows help at once

    def weight(self, answer: int) -> int:
        """0 (nothing to notice) to 4 (the end worth noticing, always)."""
        return answer if self.noticed_when == "often" else len(ANSWERS) - 1 - answer

    def asks_for_help(self, answer: int) -> bool:
        """Answered often or always: the emergency numbers, at once, before going on."""
        return self.safety and self.weight(answer) >= ANSWERS.index("often")

    def offers_help(self, answer: int) -> bool:
        """Answered sometimes: a lighter line saying where help is, without stopping."""
        return self.safety and self.weight(answer) == ANSWERS.index("sometimes")


@dataclass(frozen=True)
class Questionnaire:
    key: str
    title: str
    short: str
    about: str
    person: str
    is_not: str
    frame: str  # the time frame shown above every statement ("These days:")
    sources: tuple[str, ...]
    areas: tuple[Area, ...]
    items: tuple[Item, ...]
    # band -> the text for an area where some statements were skipped ({answered},
    # {asked}, {skipped}): nothing is said about what was not answered
    partial: dict[str, str]

    def area(self, key: str) -> Area:
        for area in self.areas:
            if area.key == key:
                return area
        raise KeyError(key)

    def items_in(self, area: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.area == area)


def _area(number: int, raw: Any, top: TableReader) -> Area:
    read = top.within(raw, f"area {number}")
    read.only("key", "title", *BANDS)
    key = read.text("key")
    read.where = f"area '{key}'"
    return Area(key, read.text("title"), {band: read.text(band) for band in BANDS})


def _item(number: int, raw: Any, top: TableReader, areas: set[str]) -> Item:
    read = top.within(raw, f"item {number}")
    read.only("key", "area", "text", "noticed_when", "safety")
    key = read.text("key")
    read.where = f"item '{key}'"
    area = read.text("area")
    if area not in areas:
        raise read.problem(f"'area' names '{area}', which is not an area.")
    noticed = read.text("noticed_when", "often")
    if noticed not in NOTICED:
        raise read.problem(f"'noticed_when' should be one of {', '.join(NOTICED)}.")
    return Item(key, area, read.text("text"), noticed, read.flag("safety"))


def parse_questionnaire(data: dict[str, Any], name: str) -> Questionnaire:
    """Check the file's data and build the questionnaire; raises QuestionnaireProblem."""
    top = TableReader(data, "the top level", name, QuestionnaireProblem)
    top.only(
        "key",
        "title",
        "short",
        "about",
        "person",
        "is_not",
        "frame",
        "sources",
        "partial",
        "area",
        "item",
    )
    areas = [_area(n, raw, top) for n, raw in enumerate(top.tables("area"), start=1)]
    if not areas:
        raise top.problem("there should be at least one area ([[area]]).")
    area_keys = [a.key for a in areas]
    if len(set(area_keys)) != len(area_keys):
        raise top.problem("two areas share a key.")
    items = [_item(n, raw, top, set(area_keys)) for n, raw in enumerate(top.tables("item"), 1)]
    item_keys = [i.key for i in items]
    if len(set(item_keys)) != len(item_keys):
        raise top.problem("two items share a key.")
    for area in areas:
        if not any(item.area == area.key for item in items):
            raise top.problem(f"area '{area.key}' has no items.")
    sources = top.texts("sources")
    if not sources:
        raise top.problem("'sources' should list where the content comes from.")
    key, title, short = top.text("key"), top.text("title"), top.text("short")
    about, person, is_not = top.text("about"), top.text("person"), top.text("is_not")
    frame = top.text("frame")
    partial = top.within(top.table.get("partial"), "[partial]")
    partial.only(*BANDS)
    return Questionnaire(
        key=key,
        title=title,
        short=short,
        about=about,
        person=person,
        is_not=is_not,
        frame=frame,
        sources=sources,
        areas=tuple(areas),
        items=tuple(items),
        partial={band: partial.text(band) for band in BANDS},
    )


def parse_questionnaire_text(text: str, name: str) -> Questionnaire:
    return parse_questionnaire(parse_toml(text, name, QuestionnaireProblem), name)


def load_questionnaires(folder: Traversable | None = None) -> tuple[Questionnaire, ...]:
    """Every questionnaire in the folder (by default the one shipped with Cairn), in
    file-name order; raises QuestionnaireProblem."""
    if folder is None:
        folder = resources.files("tui.content").joinpath(FOLDER)
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".toml")),
        key=lambda entry: entry.name,
    )
    found = tuple(parse_questionnaire_text(f.read_text("utf-8"), f.name) for f in files)
    if not found:
        raise QuestionnaireProblem(f"{FOLDER}: there is no questionnaire.")
    keys = [q.key for q in found]
    if len(set(keys)) != len(keys):
        raise QuestionnaireProblem(f"{FOLDER}: two questionnaires share the key.")
    return found
