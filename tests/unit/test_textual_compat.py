"""Tripwire: what tui/textual_compat.py relies on inside the pinned Textual. If an upgrade
changes any of it, this fails here, loudly, instead of Cairn quietly losing its guards."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import textual
from textual.drivers import linux_driver
from textual.screen import Screen

from tui import textual_compat


def test_textual_is_the_pinned_version() -> None:
    assert textual.__version__ == "8.2.8"


def test_the_input_thread_looks_up_the_decoder_and_parser_where_cairn_replaces_them() -> None:
    source = inspect.getsource(linux_driver.LinuxDriver.run_input_thread)
    assert 'getincrementaldecoder("utf-8")()' in source
    assert "XTermParser(" in source
    assert hasattr(linux_driver, "getincrementaldecoder") and hasattr(linux_driver, "XTermParser")


def test_the_installed_guards_are_the_ones_the_input_thread_will_find() -> None:
    textual_compat.install_input_guards()
    assert linux_driver.XTermParser is textual_compat.WholePasteParser
    decoder = linux_driver.getincrementaldecoder("utf-8")()
    assert decoder.decode(b"caf\xe9 \xff") == "café ÿ"


def test_the_binding_chain_and_forwarding_cairn_reads_are_there() -> None:
    assert isinstance(inspect.getattr_static(Screen, "_modal_binding_chain"), property)
    from textual import events

    key = events.Key("a", "a")
    assert key.is_forwarded is False
    key._set_forwarded()
    assert key.is_forwarded is True


def test_the_paste_parser_takes_a_paste_whole_even_split_across_reads() -> None:
    from textual import events

    parser = textual_compat.WholePasteParser()
    pasted = "a \x1b[31mred\x1b[0m \x11 and \x1b end"
    data = "x\x1b[200~" + pasted + "\x1b[201~y"
    found: list[object] = []
    for chunk in (data[:3], data[3:9], data[9:30], data[30:]):  # markers cut in the middle
        found.extend(parser.feed(chunk))
    keys = [event.key for event in found if isinstance(event, events.Key)]
    pastes = [event.text for event in found if isinstance(event, events.Paste)]
    assert pastes == [pasted] and keys == ["x", "y"]


def test_textual_still_ends_faults_through_the_two_methods_fault_hooks_replaces() -> None:
    from textual import app as textual_app
    from textual import message_pump, timer, widget, worker

    for module in (textual_app, message_pump, timer, widget, worker):
        assert "app._handle_exception(" in inspect.getsource(module) or (
            "self._handle_exception(" in inspect.getsource(module)
        )
    handle = inspect.getsource(textual_app.App._handle_exception)
    for name in ("self._return_code", "self._exception", "self._exception_event.set()"):
        assert name in handle
    assert "_fatal_error" in handle  # the traceback FaultHooks never lets it make
    assert callable(textual_app.App._close_messages_no_wait)
    assert "renderables" in str(inspect.signature(textual_app.App.panic))


def test_the_driver_the_footer_key_and_the_wrapped_document_are_where_cairn_reads_them() -> None:
    from textual.app import App
    from textual.document._wrapped_document import WrappedDocument
    from textual.driver import Driver
    from textual.reactive import Reactive
    from textual.widgets import TextArea
    from textual.widgets._footer import FooterKey

    assert "self._driver" in inspect.getsource(App.__init__)
    for method in ("write", "flush", "stop_application_mode", "close", "suspend_application_mode"):
        assert callable(getattr(Driver, method))
    assert textual_compat.FooterKey is FooterKey
    assert "action" in inspect.signature(FooterKey.__init__).parameters
    area = TextArea("one two three")
    assert isinstance(area.wrapped_document, WrappedDocument)
    assert textual_compat.wrapped_document(area) is area.wrapped_document
    for method in ("get_offsets", "location_to_offset"):
        assert callable(getattr(WrappedDocument, method))
    assert "height" in dir(WrappedDocument)
    # The light text area turns off the repaint of this reactive; TextArea must still
    # repaint on its own when the selection changes, or the cursor would never move.
    selection = inspect.getattr_static(TextArea, "selection")
    assert isinstance(selection, Reactive) and selection._repaint is True


PRIVATE_TEXTUAL = re.compile(
    r"\._driver\b|\._handle_exception\b|_close_messages_no_wait|\._exception(_event)?\b"
    r"|\._return_code\b|\.wrapped_document\b|_modal_binding_chain"
)


def test_nothing_outside_the_compatibility_module_reaches_into_textual() -> None:
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in sorted([*root.glob("tui/**/*.py"), *root.glob("screens/**/*.py")]):
        if path.name == "textual_compat.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if parts[0] == "textual" and any(part.startswith("_") for part in parts):
                    offenders.append(f"{path.name}:{node.lineno} {node.module}")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PRIVATE_TEXTUAL.search(line):
                offenders.append(f"{path.name}:{number} {line.strip()}")
    assert offenders == []


def test_what_the_console_glyphs_swap_is_there_and_swaps_back() -> None:
    from textual import _border, keys
    from textual.renderables.bar import Bar
    from textual.scrollbar import ScrollBarRender

    assert {"solid", "double", "round", "tall", "wide", "vkey"} <= set(_border.BORDER_CHARS)
    assert set(_border.BORDER_LOCATIONS) == set(_border.BORDER_CHARS)
    assert callable(_border.get_box.cache_clear) and callable(keys.format_key.cache_clear)
    assert len(ScrollBarRender.VERTICAL_BARS) == len(ScrollBarRender.HORIZONTAL_BARS) == 8
    before = (
        dict(_border.BORDER_CHARS),
        keys.format_key("enter"),
        Bar.BAR,
        list(ScrollBarRender.VERTICAL_BARS),
    )
    assert before[1] == "\u23ce"  # what the console font lacks, and why the swap exists
    textual_compat.use_console_glyphs(True)
    try:
        assert keys.format_key("enter") == "enter" and keys.format_key("backspace") == "bksp"
        assert _border.BORDER_CHARS["round"] == _border.BORDER_CHARS["solid"]
    finally:
        textual_compat.use_console_glyphs(False)
    after = (
        dict(_border.BORDER_CHARS),
        keys.format_key("enter"),
        Bar.BAR,
        list(ScrollBarRender.VERTICAL_BARS),
    )
    assert after == before


def test_the_palette_s_no_matches_line_is_where_cairn_gives_its_words() -> None:
    """command_palette() rewrites this one method with Cairn's words: if Textual changes
    it, the copy must be read again."""
    from textual.command import CommandPalette

    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert source.count('"No matches found"') == 1
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_list_visible"):
        assert name in source
    assert "_NO_MATCHES_COUNTDOWN" in source and "_no_matches_timer" in source
    assert "placeholder" in inspect.signature(CommandPalette.__init__).parameters
