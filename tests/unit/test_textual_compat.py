"""Tripwire: what tui/textual_compat.py relies on inside the pinned Textual. If an upgrade
changes any of it, this fails here, loudly, instead of Cairn quietly losing its guards."""

from __future__ import annotations

import inspect

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
