"""What Cairn relies on inside Textual (pinned in pyproject.toml), in one place.

Textual is used through its public API everywhere else. What is here reaches further, for
reasons of safety, and ``tests/unit/test_textual_compat.py`` fails loudly when the pinned
Textual stops having what this module relies on:

- the Linux driver's input thread decodes bytes with ``getincrementaldecoder`` and parses
  them with ``XTermParser``, both looked up in ``textual.drivers.linux_driver`` when the
  thread starts. Cairn replaces both names there (``install_input_guards``):
  * a byte that is not UTF-8 (a Latin-1 terminal typing é, a stray 0xFF) raised
    UnicodeDecodeError in that thread, which ended the app with a traceback; it is now
    read as the Latin-1 character it most likely was, so nothing typed is lost;
  * inside a bracketed paste, Textual's parser treats ESC as the start of a key sequence:
    what follows it is replayed as key presses (a pasted ESC and Ctrl+Q quit the app) and
    drops out of the pasted text. Cairn takes everything between the paste markers as one
    Paste event, exactly as pasted; fields keep it exactly and draw controls as symbols.
  Both are worth reporting upstream.
- a key bound to an action (End, Backspace, Ctrl+Left in a text area; Enter in an input;
  Tab, Escape, Ctrl+S on the screen) is acted on only after it has bubbled up, queue by
  queue, from the focused field to the app, while a printable key typed right after it goes
  straight to the field: in a burst (a fast typist, or keys arriving together over SSH)
  "End" then "x" put the x at the old place, "Backspace Backspace l o" deleted the wrong
  letters, and "Tab" then a word typed the word into the field being left.
  ``run_bindings_in_order`` lets a focused field run the binding a key has, anywhere in the
  focus chain, as the key reaches it; it reads ``Screen._modal_binding_chain``, the chain
  Textual's own dispatch reads. And since the app forwards every key into the focused
  field's queue before that field has handled the one before (so after Tab the next keys
  were already on their way to the field being left), ``handle_keys_one_at_a_time`` has
  the app wait, briefly, for a field to finish with a key before it forwards the next.
  Also worth reporting.
- the way out after a fault. Textual calls ``App._handle_exception`` for an exception
  anywhere in the app and ``App.panic`` when one of its own threads fails; its default
  prints a traceback with local variables, which can hold what the person typed.
  ``FaultHooks`` replaces both with one call to ``on_fault``, keeps what Pilot needs to
  re-raise in tests (``_exception``, ``_exception_event``), sets the exit code, and ends
  the message loop the way Textual does (``_close_messages_no_wait``).
- the driver (``App._driver``): blanking must reach the terminal in the same frame and the
  blank-and-relaunch step must stop the driver before the fresh process starts, so Cairn
  writes to it and stops it directly (``write_to_terminal``, ``driver_of``).
- the footer's key widget (``textual.widgets._footer.FooterKey``), to put the panic and
  help keys first, and the text area's ``wrapped_document`` (``wrapped_document``), which
  the light text area reads to repaint only the rows an edit changed.
- the characters Textual draws with, for the Linux console (``use_console_glyphs``): its
  fonts hold the 256 characters of code page 437 (single and double box lines, full and
  half blocks, shades, arrows) and not the rounded corners, eighth blocks, heavy lines and
  symbols Textual uses for borders (``textual._border``), scroll bars
  (``ScrollBarRender``), the progress bar (``textual.renderables.bar.Bar``) and the
  Enter and Backspace key names (``textual.keys.KEY_DISPLAY_ALIASES``); those show as
  diamonds there. Cairn swaps them for characters the console has.
Nothing outside this module names these; ``tests/unit/test_textual_compat.py`` checks
both that and that the pinned Textual still has them.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import weakref
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:  # loaded with the screens that use them, not at start-up
    from textual.document._wrapped_document import WrappedDocument
    from textual.driver import Driver
    from textual.screen import Screen
    from textual.widgets import TextArea
    from textual.widgets._footer import FooterKey

__all__ = [
    "FaultHooks",
    "FooterKey",
    "KeepsKeyOrder",
    "command_palette",
    "driver_of",
    "handle_keys_one_at_a_time",
    "install_input_guards",
    "is_linux_console",
    "key_done",
    "run_bindings_in_order",
    "use_console_glyphs",
    "wrapped_document",
    "write_to_terminal",
]

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
_LENIENT = "cairn-latin1"


def _as_latin1(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_LENIENT, _as_latin1)


def lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """Stands in for ``codecs.getincrementaldecoder``: same decoder, never raising."""
    decoder_type = codecs.getincrementaldecoder(encoding)

    def make(errors: str = _LENIENT) -> codecs.IncrementalDecoder:
        return decoder_type(errors=_LENIENT)

    return make


def _partial_marker(text: str, marker: str, shortest: int) -> int:
    """How many characters at the end of ``text`` could be the start of ``marker``."""
    for size in range(min(len(marker) - 1, len(text)), shortest - 1, -1):
        if text.endswith(marker[:size]):
            return size
    return 0


class WholePasteParser(XTermParser):
    """Textual's parser, with bracketed pastes taken whole before it sees them."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasted: list[str] | None = None  # the paste being received, if any
        self._held = ""  # the start of a marker split across two reads
        self._passed_escape = False  # the last read ended with an ESC given to the parser

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input
            return super().feed(data)
        return list(self._feed(data))

    def _parse(self, text: str) -> Iterable[Message]:
        for event in super().feed(text):
            if isinstance(event, events.Paste) and not event.text:
                continue  # the empty paste of a marker the parser half took (see _feed)
            yield event

    def _feed(self, data: str) -> Iterable[Message]:
        text, self._held = self._held + data, ""
        if self._passed_escape and self._pasted is None and text.startswith(PASTE_START[1:]):
            # The start marker was split right after its ESC, which went to the parser as a
            # possible Escape key: let it finish the marker, close the paste it then expects
            # (it reports it as empty, dropped above), and take the paste here.
            yield from self._parse(PASTE_START[1:] + PASTE_END)
            text, self._pasted = text[len(PASTE_START) - 1 :], []
        self._passed_escape = False
        while text:
            if self._pasted is None:
                at = text.find(PASTE_START)
                if at < 0:
                    keep = _partial_marker(text, PASTE_START, shortest=2)
                    passed = text[: len(text) - keep]
                    if passed:
                        yield from self._parse(passed)
                    self._held = text[len(passed) :]
                    self._passed_escape = passed.endswith("\x1b") and not keep
                    return
                if at:
                    yield from self._parse(text[:at])
                text, self._pasted = text[at + len(PASTE_START) :], []
            else:
                at = text.find(PASTE_END)
                if at < 0:
                    keep = _partial_marker(text, PASTE_END, shortest=1)
                    self._pasted.append(text[: len(text) - keep])
                    self._held = text[len(text) - keep :]
                    return
                self._pasted.append(text[:at])
                text = text[at + len(PASTE_END) :]
                pasted, self._pasted = "".join(self._pasted), None
                if pasted:
                    yield events.Paste(pasted)


def install_input_guards() -> None:
    """Make the Linux driver's input thread use the decoder and parser above."""
    from textual.drivers import linux_driver

    module: Any = linux_driver
    module.getincrementaldecoder = lenient_decoder
    module.XTermParser = WholePasteParser


async def run_bindings_in_order(widget: Widget, event: events.Key) -> bool:
    """Run the binding this key has in the focus chain (the field's own first, then its
    containers', the screen's and the app's, as Textual would after bubbling), now; True
    when one ran (the event is then stopped, so it does not run again on its way up).
    Keys the field itself types are filtered out of its containers' bindings by Textual."""
    for namespace, bindings in widget.screen._modal_binding_chain:
        for binding in bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue  # the app runs those before the key reaches any field
            if await widget.app.run_action(binding.action, namespace):
                event.stop()
                event.prevent_default()
                return True
    return False


# The key a field is still handling, per app: the app forwards the next one only after it.
_in_flight: weakref.WeakKeyDictionary[App[Any], asyncio.Event] = weakref.WeakKeyDictionary()
KEY_WAIT_SECONDS = 0.5  # a field that never answers costs this, then order is not kept


class KeepsKeyOrder:
    """Marks a field whose ``_on_key`` calls ``key_done`` when it has handled a key."""


async def handle_keys_one_at_a_time(
    app: App[Any], event: events.Key, handle: Callable[[], Awaitable[None]]
) -> None:
    """Let ``handle`` (the app's own handling, which forwards the key) run; if the key went
    to a field that keeps key order, wait until that field has handled it."""
    if not isinstance(app.focused, KeepsKeyOrder):
        await handle()
        return
    done = asyncio.Event()
    _in_flight[app] = done
    await handle()
    if event.is_forwarded:  # not taken by a priority binding (panic, help) on the way
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), KEY_WAIT_SECONDS)


def key_done(app: App[Any]) -> None:
    """Called by a field once it has handled a key (and run any action the key had)."""
    done = _in_flight.pop(app, None)
    if done is not None:
        done.set()


# -- faults, the driver, the footer's keys, the wrapped document -------------------------


ReturnType = TypeVar("ReturnType")


class FaultHooks(App[ReturnType]):
    """An App whose faults end in ``on_fault`` and never in Textual's traceback."""

    def on_fault(self, error: BaseException | None) -> None:
        """Seal, lock, say nothing of the error's text. Called once per fault; the app
        ends right after it. ``error`` is None when Textual's own thread failed."""
        raise NotImplementedError

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises this in tests
            self._exception = error
            self._exception_event.set()
        self.on_fault(error)
        self._close_messages_no_wait()

    def panic(self, *renderables: Any) -> None:
        """Textual's way out when one of its own threads fails (its input thread calls it
        with a traceback to print). Nothing of it is printed: it can hold typed text."""
        self._return_code = 1
        self.on_fault(None)
        self._close_messages_no_wait()


def driver_of(app: App[Any]) -> Driver | None:
    """The driver drawing on a real terminal, or None (headless, or not started)."""
    driver = app._driver
    if driver is None or app.is_headless:
        return None
    return driver


def write_to_terminal(app: App[Any], data: str) -> None:
    """Queue ``data`` behind any frame already on its way, and flush."""
    driver = driver_of(app)
    if driver is not None:
        driver.write(data)
        driver.flush()


def __getattr__(name: str) -> Any:
    if name == "FooterKey":
        from textual.widgets._footer import FooterKey

        return FooterKey
    raise AttributeError(name)


def wrapped_document(area: TextArea) -> WrappedDocument:
    """The text area's document as wrapped on screen (rows, offsets, heights)."""
    return area.wrapped_document


# -- the command palette's words ----------------------------------------------------------


def command_palette(placeholder: str, no_matches: str) -> Screen[Any]:
    """Textual's command palette with Cairn's words: the search field's placeholder (a
    public parameter), and the line shown when nothing matches, which Textual writes in its
    own English inside ``_start_no_matches_countdown``. That method is Textual's, line for
    line, with the words given; the tripwire test holds its source."""
    from rich.align import Align
    from rich.text import Text
    from textual.command import CommandList, CommandPalette
    from textual.widgets.option_list import Option

    class WordedPalette(CommandPalette):
        def _start_no_matches_countdown(self, search_value: str) -> None:
            self._stop_no_matches_countdown()

            def _show_no_matches() -> None:
                if search_value:
                    self.query_one(CommandList).add_option(
                        Option(
                            Align.center(Text(no_matches, style="not bold")),
                            disabled=True,
                            id=self._NO_MATCHES,
                        )
                    )
                    self._list_visible = True
                else:
                    self._list_visible = False

            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)

    return WordedPalette(placeholder=placeholder, id="--command-palette")


# -- the Linux console's characters -------------------------------------------------------

# The borders a console font can draw: single and double box lines, and the ones that are
# spaces or plain ASCII anyway. Every other border type is drawn as a single line there.
_CONSOLE_SAFE_BORDERS = frozenset({"", "ascii", "none", "hidden", "blank", "solid", "double"})
_CONSOLE_KEY_NAMES = {"enter": "enter", "backspace": "bksp"}
_saved: dict[str, Any] = {}


def is_linux_console(term: str | None) -> bool:
    """TERM names the Linux virtual console (``linux``, ``linux-16color``)."""
    return term is not None and (term == "linux" or term.startswith("linux-"))


def use_console_glyphs(on: bool) -> None:
    """Draw with characters the Linux console's fonts have (on), or Textual's own (off).
    Called once per app, before anything is drawn."""
    if not on and not _saved:
        return  # never swapped: Textual's own characters are in place (and start-up is spared)
    from textual import _border, keys
    from textual.renderables.bar import Bar
    from textual.scrollbar import ScrollBarRender

    if not _saved:
        _saved.update(
            chars=dict(_border.BORDER_CHARS),
            locations=dict(_border.BORDER_LOCATIONS),
            vertical=list(ScrollBarRender.VERTICAL_BARS),
            horizontal=list(ScrollBarRender.HORIZONTAL_BARS),
            bar=(Bar.HALF_BAR_LEFT, Bar.BAR, Bar.HALF_BAR_RIGHT),
            keys={name: keys.KEY_DISPLAY_ALIASES[name] for name in _CONSOLE_KEY_NAMES},
        )
    chars: dict[str, Any] = dict(_saved["chars"])
    locations: dict[str, Any] = dict(_saved["locations"])
    if on:
        for kind in chars:
            if kind not in _CONSOLE_SAFE_BORDERS:
                chars[kind], locations[kind] = chars["solid"], locations["solid"]
    border_chars: Any = _border.BORDER_CHARS  # keyed by the border type names
    border_locations: Any = _border.BORDER_LOCATIONS
    border_chars.update(chars)
    border_locations.update(locations)
    _border.get_box.cache_clear()  # boxes already made with the other characters
    # The thumb is drawn in colour; the eighth blocks for its ends are what the console lacks.
    ScrollBarRender.VERTICAL_BARS = [" "] * 8 if on else list(_saved["vertical"])
    ScrollBarRender.HORIZONTAL_BARS = [" "] * 8 if on else list(_saved["horizontal"])
    Bar.HALF_BAR_LEFT, Bar.BAR, Bar.HALF_BAR_RIGHT = (
        ("\u2590", "\u2588", "\u258c") if on else _saved["bar"]
    )
    keys.KEY_DISPLAY_ALIASES.update(_CONSOLE_KEY_NAMES if on else _saved["keys"])
    keys.format_key.cache_clear()  # key names already formatted with the other aliases
