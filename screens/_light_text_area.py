"""A multi-line field that repaints only the lines a keystroke changed.

Textual's TextArea repaints the whole field on every cursor move (its ``selection`` is a
repainting reactive), so each typed character sends the full field to the terminal: about
1.5 KB at 80x24, more on a big terminal. Over a slow SSH link that is what makes typing lag.
Here the selection repaints nothing by itself; instead an edit repaints the lines it touched
(the whole field only when the wrapped height changed, so lines below moved), and a cursor
move repaints the lines it left and the lines it reached. The cursor does not blink: a blink
is a repaint twice a second, forever, and it draws the eye of someone looking over a shoulder.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Location, Selection

from tui.textual_compat import (
    KeepsKeyOrder,
    key_done,
    run_bindings_in_order,
    wrapped_document,
)


class LightTextArea(KeepsKeyOrder, TextArea):
    selection = reactive(Selection(), init=False, always_update=True, repaint=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False

    def cursor_to_end(self) -> None:
        """An editor reopened on earlier text goes on where that text ends."""
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        # Bound keys (cursor keys, deletions, Tab, Escape, Ctrl+S) act as they arrive, in
        # order with the letters typed around them (see tui/textual_compat.py).
        try:
            if not await run_bindings_in_order(self, event):
                await super()._on_key(event)
        finally:
            key_done(self.app)

    def edit(self, edit: Edit) -> EditResult:
        height = wrapped_document(self).height
        was_empty = self._is_empty()
        row = edit.top[0]
        before = self.document[row] if row < self.document.line_count else ""
        result = super().edit(edit)
        if wrapped_document(self).height != height or was_empty != self._is_empty():
            # Lines below moved, or the placeholder came or went: all of it is new.
            self.refresh()
        elif (
            row == result.end_location[0] == edit.bottom[0]
            and self._is_one_line(row, before)
            and self._is_one_line(row, self.document[row])
        ):
            # Typing within one short line: only the cells from the edit to the end of the
            # longer of the old and new text change (and the cell the cursor moves to).
            x = self._cells_before(edit.top)
            width = max(cell_len(before), cell_len(self.document[row])) - x + 1
            self._refresh_cells(edit.top, x, width)
        else:
            self._refresh_rows(row, result.end_location[0])
        return result

    def load_text(self, text: str) -> None:
        super().load_text(text)
        self.refresh()  # a new document: every line may differ

    def undo(self) -> None:
        super().undo()  # undo and redo replay edits without edit(): repaint all
        self.refresh()

    def redo(self) -> None:
        super().redo()
        self.refresh()

    def watch_selection(self, previous: Selection, selection: Selection) -> None:
        if not self.is_mounted:
            return
        moved_along_a_line = (
            previous.is_empty
            and selection.is_empty
            and previous.end[0] == selection.end[0]
            and self._is_one_line(selection.end[0], self.document[selection.end[0]])
        )
        if moved_along_a_line:
            # Only the cell the cursor left and the one it reached look different.
            for location in (previous.end, selection.end):
                self._refresh_cells(location, self._cells_before(location), 2)
            return
        # The cursor line and any selection are drawn differently: repaint the lines where
        # they were and where they are.
        for moved in (previous, selection):
            top, bottom = sorted((moved.start[0], moved.end[0]))
            self._refresh_rows(top, bottom)

    def _refresh_rows(self, top: int, bottom: int) -> None:
        """Repaint the visual lines of document rows ``top`` to ``bottom``."""
        last_row = self.document.line_count - 1
        top, bottom = min(top, last_row), min(bottom, last_row)
        wrapped = wrapped_document(self)
        first = wrapped.location_to_offset((top, 0)).y
        # The bottom row's last visual line: where it starts, plus one line per wrap.
        last = wrapped.location_to_offset((bottom, 0)).y + len(wrapped.get_offsets(bottom))
        self.refresh_lines(first, last - first + 1)

    def _is_one_line(self, row: int, text: str) -> bool:
        """Whether document row ``row`` (whose text is ``text``) is one visual line whose
        cells can be counted simply (no tab stops, no wrapping)."""
        return (
            row < self.document.line_count
            and "\t" not in text
            and not wrapped_document(self).get_offsets(row)
        )

    def _cells_before(self, location: Location) -> int:
        row, column = location
        return cell_len(self.document[row][:column])

    def _refresh_cells(self, location: Location, x: int, width: int) -> None:
        """Repaint ``width`` cells of the visual line of ``location``, from cell ``x``."""
        y = wrapped_document(self).location_to_offset(location).y
        scroll_x, scroll_y = self.scroll_offset
        self.refresh(Region(x + self.gutter_width - scroll_x, y - scroll_y, max(width, 1), 1))

    def _is_empty(self) -> bool:
        return self.document.line_count == 1 and not self.document[0]
