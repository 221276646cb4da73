"""The learn pages: every page the issue names is there, each has a title and ends with its
sources, the words follow the rules of tone, broken pages are refused, and search finds
pages by every word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import learn

PAGES = learn.pages()


def test_every_topic_has_a_page_in_order() -> None:
    assert [page.key for page in PAGES] == [
        "01-trauma-bonding", "02-the-cycle", "03-signs", "04-conflict-or-abuse",
        "05-ways-out", "06-using-cairn-safely",
    ]  # fmt: skip


@pytest.mark.parametrize("page", PAGES, ids=[p.key for p in PAGES])
def test_each_page_ends_with_its_sources_and_keeps_the_rules_of_tone(page: learn.LearnPage) -> None:  # fmt: skip
    assert page.title and page.sources
    headings = [line for line in page.text.splitlines() if line.startswith("## ")]
    assert headings[-1] == "## Sources"
    assert any("Cleveland Clinic" in source for source in page.sources)
    assert "!" not in page.text
    folded = page.text.casefold()
    for verdict in ("you are being abused", "you must leave", "you should leave", "victim"):
        assert verdict not in folded


def test_the_only_numbers_are_the_ones_from_the_source() -> None:
    import re

    for page in PAGES:
        numbers = set(re.findall(r"\b\d{3}(?:-\d{3}-\d{4})?\b", page.text))
        assert numbers <= {"911", "800-799-7233"}, (page.key, numbers)


def test_the_pages_say_what_the_content_guide_requires() -> None:
    text = {page.key: page.text.casefold() for page in PAGES}
    cycle = text["02-the-cycle"]
    for phase in ("tension building", "the incident", "reconciliation", "calm"):
        assert phase in cycle
    three = text["04-conflict-or-abuse"]
    assert "respect" in three and "fault" in three and "power" in three
    ways = text["05-ways-out"]
    assert "record" in ways and "safety plan" in ways and "dangerous" in ways
    safely = text["06-using-cairn-safely"]
    for limit in ("shell history", "root", "key logger", "wiping"):
        assert limit in safely


def test_search_needs_every_word_and_shows_where() -> None:
    found = learn.search(PAGES, "Dopamine BOND")
    assert [f.page.key for f in found] == ["01-trauma-bonding", "02-the-cycle"]
    assert all("dopamine" in f.line.casefold() for f in found)
    assert learn.search(PAGES, "dopamine elephant") == []
    assert len(learn.search(PAGES, "   ")) == len(PAGES)
    [root] = learn.search(PAGES, "root")
    assert root.page.key == "06-using-cairn-safely" and "*" not in root.line


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("No title here\n\n## Sources\n\n- A\n", "the first line should be the title"),
        ("# Title\n\nText.\n", "the last section should be '## Sources'"),
        ("# Title\n\n## Sources\n\n- A\n\n## After\n", "the last section should be"),
        ("# Title\n\n## Sources\n\nNone listed.\n", "should list at least one source"),
        ("#\n\n## Sources\n\n- A\n", "the first line should be the title"),
    ],
)
def test_a_broken_page_is_refused_with_its_name(text: str, problem: str) -> None:
    with pytest.raises(learn.LearnPageProblem) as caught:
        learn.parse_page("broken.md", text)
    assert str(caught.value).startswith("broken.md: ") and problem in str(caught.value)


def test_a_folder_without_pages_is_refused(tmp_path: Path) -> None:
    with pytest.raises(learn.LearnPageProblem, match="no pages"):
        learn.load_pages(tmp_path)
    (tmp_path / "01-a.md").write_text("# A\n\n## Sources\n\n- Somewhere\n", encoding="utf-8")
    assert [p.title for p in learn.load_pages(tmp_path)] == ["A"]
