"""A list of journal entries that stays instant at any size.

It draws only the rows on screen (Textual's line API), so ten thousand entries cost no more
to show than twenty. Every row is the person's text drawn as plain segments: never markup,
with control characters made visible.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui import dates, journal
from tui.visible import one_line

from ._glyphs import ellipsis
from ._keys import bind
from ._text import say

DATE_WIDTH = 21  # "Tue  1 Dec 2026 15:21"
PHASE_WIDTH = 17


def row_text(entry: journal.JournalEntry) -> tuple[str, str, str]:
    moment = datetime.fromisoformat(entry.occurred)
    when = dates.list_moment(moment)
    daily = entry.is_daily and not entry.phase
    phase = say("journal", "daily_page") if daily else journal.phase_label(entry.phase)
    return when, phase, one_line(entry.first_line)


class EntryList(ScrollView, can_focus=True):
    """Newest first: date, phase, first line. Enter opens the entry under the cursor."""

    DEFAULT_CSS = """
    EntryList { height: 1fr; }
    EntryList > .entry-list--cursor { background: $accent; color: $text; text-style: bold; }
    EntryList > .entry-list--phase { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"entry-list--cursor", "entry-list--phase"}
    BINDINGS = [
        bind("list-up", "move(-1)", show=False),
        bind("list-down", "move(1)", show=False),
        bind("list-page-up", "page(-1)", show=False),
        bind("list-page-down", "page(1)", show=False),
        bind("list-first", "jump(0)", show=False),
        bind("list-last", "jump(-1)", show=False),
        bind("journal-open", "open"),
    ]

    cursor = reactive(0, always_update=True)

    class Opened(Message):
        def __init__(self, entry: journal.JournalEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[journal.JournalEntry] = []
        self._rows: dict[str, tuple[str, str, str]] = {}

    def show(self, entries: list[journal.JournalEntry]) -> None:
        self.entries = entries
        self.virtual_size = Size(self.size.width, len(entries))
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.refresh()

    @property
    def current(self) -> journal.JournalEntry | None:
        if 0 <= self.cursor < len(self.entries):
            return self.entries[self.cursor]
        return None

    # -- keys ----------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._go(self.cursor + direction * max(1, self.size.height - 1))

    def action_jump(self, where: int) -> None:
        self._go(where if where >= 0 else len(self.entries) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def _go(self, row: int) -> None:
        if not self.entries:
            return
        self.cursor = max(0, min(row, len(self.entries) - 1))
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + self.size.height:
            self.scroll_to(y=self.cursor - self.size.height + 1, animate=False)
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.entries))

    # -- drawing -------------------------------------------------------------------------

    def _row(self, entry: journal.JournalEntry) -> tuple[str, str, str]:
        row = self._rows.get(entry.id + entry.occurred + str(entry.version))
        if row is None:
            row = row_text(entry)
            self._rows[entry.id + entry.occurred + str(entry.version)] = row
        return row

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        if index >= len(self.entries):
            return Strip.blank(width, self.rich_style)
        when, phase, line = self._row(self.entries[index])
        base = self.rich_style
        if index == self.cursor and self.has_focus:
            base = base + self.get_component_rich_style("entry-list--cursor")
        elif index == self.cursor:
            base = base + Style(reverse=True)
        muted = base + self.get_component_rich_style("entry-list--phase", partial=True)
        lead = [
            Segment(f" {when:<{DATE_WIDTH}} ", base),
            Segment(f"{phase:<{PHASE_WIDTH}} ", muted),
        ]
        room = width - sum(cell_len(segment.text) for segment in lead)
        if cell_len(line) > room > 0:  # a cut row says so: it ends with an ellipsis
            line = set_cell_size(line, room - 1) + ellipsis()
        segments = [*lead, Segment(line, base)]
        return Strip(segments).adjust_cell_length(width, base)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
