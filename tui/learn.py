"""The learn pages: plain Markdown under tui/content/learn/, one page per file, each ending
with the sources it rests on. Checked when they are loaded, and searchable word by word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from .content.bundle import content
from .content.checks import ContentProblem
from .fold import fold

FOLDER = "learn"
# The heading of a page's last section, in English; each language's own is words.toml's
# [learn] sources_heading, read with that language's pages.
SOURCES_HEADING = "## Sources"


class LearnPageProblem(ContentProblem):
    """A learn page is not usable; ``str()`` names the file and what is wrong."""


@dataclass(frozen=True)
class LearnPage:
    key: str  # the file name without ".md"
    title: str
    text: str  # the whole page, Markdown
    sources_heading: str = SOURCES_HEADING

    @property
    def body(self) -> str:
        """The page without its sources."""
        return self.text.split(self.sources_heading, 1)[0]

    @property
    def sources(self) -> tuple[str, ...]:
        tail = self.text.split(self.sources_heading, 1)[1]
        items = re.split(r"^- ", tail, flags=re.MULTILINE)[1:]
        return tuple(" ".join(item.split()) for item in items)


@dataclass(frozen=True)
class Found:
    page: LearnPage
    line: str  # the first line that holds every word, for showing where it is


def parse_page(name: str, text: str, heading: str = SOURCES_HEADING) -> LearnPage:
    """Check one page: a '# ' title first, and a last section of sources (``heading``)
    that lists some."""
    lines = text.strip().splitlines()
    if not lines or not lines[0].startswith("# ") or not lines[0][2:].strip():
        raise LearnPageProblem(f"{name}: the first line should be the title, like '# Title'.")
    headings = [line for line in lines if line.startswith("## ")]
    if not headings or headings[-1].strip() != heading:
        raise LearnPageProblem(f"{name}: the last section should be '{heading}'.")
    page = LearnPage(name.removesuffix(".md"), lines[0][2:].strip(), text, heading)
    if not page.sources:
        raise LearnPageProblem(f"{name}: '{heading}' should list at least one source.")
    return page


def load_pages(
    folder: Traversable | None = None, heading: str = SOURCES_HEADING
) -> tuple[LearnPage, ...]:
    """Every page in the folder (by default the shipped English one), in file-name order,
    each ending in ``heading``; raises LearnPageProblem."""
    if folder is None:
        folder = resources.files("tui.content").joinpath(FOLDER)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".md")), key=lambda f: f.name)
    pages = tuple(parse_page(f.name, f.read_text("utf-8"), heading) for f in files)
    if not pages:
        raise LearnPageProblem(f"{FOLDER}: there are no pages.")
    return pages


def pages() -> tuple[LearnPage, ...]:
    return content().learn


def _plain(line: str) -> str:
    return " ".join(re.sub(r"[*_`#>]", "", line).split())


def search(pages: tuple[LearnPage, ...], query: str) -> list[Found]:
    """Pages whose text holds every word of the query (any case), with the first line that
    holds them all, or else the first line that holds the first word."""
    words = fold(query).split()
    if not words:
        return [Found(page, "") for page in pages]
    found = []
    for page in pages:
        folded = fold(page.text)
        if not all(word in folded for word in words):
            continue
        lines = [_plain(line) for line in page.text.splitlines() if line.strip()]
        best = next((ln for ln in lines if all(w in fold(ln) for w in words)), None)
        found.append(Found(page, best or next(ln for ln in lines if words[0] in fold(ln))))
    return found
