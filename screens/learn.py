"""The learn pages: a list to search, and each page read with Textual's Markdown viewer. The
pages are Cairn's own content (tui/content/learn/), never the person's text."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, MarkdownViewer, OptionList, Static
from textual.widgets.markdown import MarkdownBlock
from textual.widgets.option_list import Option

from styles import stylesheet
from tui import learn
from tui.fold import fold
from tui.session import Session

from ._footer import CairnFooter
from ._keys import bind
from ._plain import PlainInput
from ._text import say


class LearnScreen(Screen[None]):
    CSS_PATH = stylesheet("learn.tcss")
    BINDINGS = [bind("learn-back", "app.pop_screen")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.found: list[learn.Found] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="learn-body"):
            yield Static(say("learn", "title"), classes="title", markup=False)
            yield Static(say("learn", "intro"), classes="intro", markup=False)
            yield PlainInput(placeholder=say("learn", "search"), id="learn-search")
            yield OptionList(markup=False, id="learn-pages")
        yield CairnFooter()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self._show("")
        self.set_focus(self.query_one(Input))

    @on(Input.Changed, "#learn-search")
    def search(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        self.found = learn.search(learn.pages(), query)
        pages = self.query_one(OptionList)
        if not self.found:
            pages.set_options([Option(Content(say("learn", "none")), disabled=True)])
            return
        options = []
        for found in self.found:
            line = Content(found.page.title).stylize("bold")
            if found.line:
                line = Content.assemble(line, "\n", (f"   {found.line}", "dim"))
            options.append(Option(line))
        pages.set_options(options)
        pages.highlighted = 0

    @on(Input.Submitted, "#learn-search")
    def open_first(self) -> None:
        if self.found:
            self._open(0)

    def on_key(self, event: events.Key) -> None:
        # Down from the search field goes to the list, as a person expects of a search box.
        if event.key == "down" and self.focused is self.query_one(Input):
            event.stop()
            self.set_focus(self.query_one(OptionList))

    @on(OptionList.OptionSelected, "#learn-pages")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _open(self, index: int) -> None:
        query = self.query_one(Input).value
        self.app.push_screen(LearnPageScreen(self.found[index].page, query))


class PageViewer(MarkdownViewer):
    """Textual's Markdown viewer, saying when a page is drawn (it keeps its own table of
    contents message to itself), so a search can go straight to the words found."""

    class Drawn(Message):
        pass

    def on_markdown_table_of_contents_updated(self) -> None:
        self.post_message(self.Drawn())


class LearnPageScreen(Screen[None]):
    CSS_PATH = stylesheet("learn.tcss")
    BINDINGS = [
        bind("learn-next", "next_match"),
        bind("learn-page-back", "app.pop_screen"),
    ]

    def __init__(self, page: learn.LearnPage, query: str = "") -> None:
        super().__init__()
        self.page = page
        self.words = fold(query).split()
        self._last = -1

    def compose(self) -> ComposeResult:
        yield PageViewer(
            self.page.text, show_table_of_contents=False, open_links=False, id="learn-page"
        )
        yield Static("", id="learn-message", markup=False)
        yield CairnFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(MarkdownViewer))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_match":
            return bool(self.words)
        return True

    @on(PageViewer.Drawn)
    def page_drawn(self) -> None:
        # Opened from a search: go straight to the first place that holds its words. The
        # viewer may say it is drawn more than once; going to the first place is the same.
        if self.words:
            self.call_after_refresh(self._go_to_match, 0)

    def _blocks(self) -> list[MarkdownBlock]:
        """Paragraphs and headings: a list holds its items, and would be found twice."""
        blocks = self.query_one(MarkdownViewer).document.query(MarkdownBlock)
        return [block for block in blocks if not block.query(MarkdownBlock)]

    def action_next_match(self) -> None:
        self._go_to_match(self._last + 1)

    def _go_to_match(self, start: int) -> None:
        """The first block from ``start`` (going round to the top) that holds every word."""
        blocks = self._blocks()
        for index in [*range(start, len(blocks)), *range(min(start, len(blocks)))]:
            source = fold(blocks[index].source or "")
            if all(word in source for word in self.words):
                self._last = index
                self.query_one(MarkdownViewer).scroll_to_widget(blocks[index], top=True)
                self.query_one("#learn-message", Static).update("")
                return
        self.query_one("#learn-message", Static).update(say("learn", "not_found"))
