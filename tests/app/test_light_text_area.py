"""The editing field marks only what a keystroke changed as needing a repaint.

What reaches the terminal is checked in a real terminal (tests/e2e/test_light_repaint.py);
this checks the regions themselves, which is what keeps typing light over a slow link.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from screens._plain import PlainTextArea


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield PlainTextArea("a line of text\nsecond", soft_wrap=True)


async def _dirty_after(keys: list[str]) -> tuple[PlainTextArea, list[tuple[Region, ...]]]:
    app = OneField()
    marked: list[tuple[Region, ...]] = []
    async with app.run_test(size=(60, 12)) as pilot:
        field = app.query_one(PlainTextArea)
        field.focus()
        field.move_cursor((0, 14))
        await pilot.pause()
        original = field._set_dirty
        field._set_dirty = lambda *regions: (marked.append(regions), original(*regions))[1]  # type: ignore[method-assign]
        await pilot.press(*keys)
        await pilot.pause()
        field._set_dirty = original  # type: ignore[method-assign]  # leaving blurs: a repaint
    return field, marked


async def test_a_typed_character_marks_a_few_cells_of_one_line() -> None:
    field, marked = await _dirty_after(["x"])
    assert field.text.startswith("a line of textx")
    assert marked, "the new character was never repainted"
    for regions in marked:
        assert regions, "the whole field was marked for a repaint"
        for region in regions:
            assert region.height == 1 and region.width <= 3, region


async def test_a_new_line_repaints_the_whole_field() -> None:
    field, marked = await _dirty_after(["enter"])
    assert field.text == "a line of text\n\nsecond"
    assert () in marked  # lines below moved: all of it
