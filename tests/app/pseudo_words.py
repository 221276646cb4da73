"""Every screen of the snapshot set drawn at 80x24 with a pseudo catalogue: each letter of
screens.toml and words.toml swapped for an accented look-alike ("Sàvèd"), placeholders
kept. A word of plain ASCII letters left on screen then came from somewhere else: the
person's data and the content files (plan sections, learn pages, phases), which are
allowed, or English written in code, which is not. A word of code that the content files
also use ("written") is missed: the scan of the code's literals covers those.

Run in its own process (``python -m tests.app.pseudo_words``) because the screens make their
bindings' words when their modules are imported: the pseudo catalogue has to be in place
first. Prints one JSON object: screen name -> the words found that no allowed text has.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tui.content import bundle

ROOT = Path(__file__).resolve().parents[2]
_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOOKALIKE = "àƀçđèƒĝĥìĵķĺɱñòƥɋŕŝţùʋŵẋýžÀƁÇĐÈƑĜĤÌĴĶĹṀÑÒƤɊŔŜŢÙƲŴẊÝŽ"
_SWAP = str.maketrans(_PLAIN, _LOOKALIKE)
_KEEP = re.compile(r"(\{[^{}]*\})")  # {name} and {key:binding-id} stay as they are


# Not words but a marker the content files must match: the learn pages' sources heading.
MARKERS = {"sources_heading"}


def pseudo(node: Any) -> Any:
    if isinstance(node, str):
        return "".join(
            part if _KEEP.fullmatch(part) else part.translate(_SWAP) for part in _KEEP.split(node)
        )
    if isinstance(node, list):
        return [pseudo(item) for item in node]
    if isinstance(node, dict):
        return {key: value if key in MARKERS else pseudo(value) for key, value in node.items()}
    return node


def install() -> None:
    screens, words = bundle._read_screens, bundle._read_words_toml
    bundle._read_screens = lambda code: pseudo(screens(code))  # type: ignore[assignment]
    bundle._read_words_toml = lambda code: pseudo(words(code))  # type: ignore[assignment]
    bundle.forget()


# Not words of a language: the snapshot set's file names and types ("wrist.jpg",
# "image/jpeg", a ".html" copy).
NOT_WORDS = {"html", "image", "jpeg", "png"}


def _allowed() -> set[str]:
    """Words that may be on screen in plain letters: the content files' (not the two
    catalogues), and the snapshot set's own data."""
    content = ROOT / "tui" / "content"
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted(content.rglob("*"))
        if path.suffix in {".toml", ".md", ".txt"}
        and path.name not in {"screens.toml", "words.toml"}
        and "es" not in path.relative_to(content).parts  # English, as drawn here
    ]
    texts.append((ROOT / "tests" / "app" / "test_snapshots.py").read_text(encoding="utf-8"))
    found = {word.casefold() for text in texts for word in re.findall(r"[A-Za-z]+", text)}
    return found | NOT_WORDS


_SPAN = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')
_CELL = 12.2  # the width of one cell in Textual's SVG


def _screen_text(svg: str) -> str:
    """The screen's rows, each span at its column: a word drawn in two styles stays one."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in _SPAN.findall(svg):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text)))
    lines = []
    for y in sorted(rows):
        line = ""
        for x, text in sorted(rows[y]):
            line = line.ljust(round(x / _CELL)) + text
        lines.append(line)
    return "\n".join(lines)


def _words(text: str) -> Iterator[str]:
    # Runs of plain letters only: a pseudo word has look-alikes in it and is not one.
    for match in re.finditer(r"(?<![^\W\d_])[A-Za-z]{3,}(?![^\W\d_])", text):
        yield match.group(0)


async def draw(name: str, folder: Path, code: str = "en") -> str:
    """Snapshot screen ``name`` at 80x24 in language ``code``, with that language's record,
    as its rows of text."""
    from tests.app import test_snapshots as snaps
    from tui.config import Settings
    from tui.session import Session

    vault = snaps.recorded_vault(folder / name / "vault.cairn", code)
    session = Session(settings=Settings(language=code), vault_path=snaps.FIXED_PATH, vault=vault)
    app = snaps.OneScreenApp(session, snaps.SCREENS[name])
    async with app.run_test(size=(80, 24)) as pilot:
        await snaps._settled(len(snaps.SCREENS[name]))(pilot)
        svg = app.export_screenshot()
    vault.lock()
    return _screen_text(svg)


def main() -> None:
    install()
    import tui.journal.attachments
    import tui.journal.store
    import tui.safety_plan.store

    fixed = "2026-11-24T09:00:00+00:00"
    tui.journal.store.now = lambda: fixed  # type: ignore[assignment]
    tui.safety_plan.store.now = lambda: fixed  # type: ignore[assignment]
    tui.journal.attachments.now = lambda: fixed  # type: ignore[assignment]
    from tests.app import test_snapshots as snaps

    allowed = _allowed()
    found: dict[str, list[str]] = {}
    names = sys.argv[1:] or sorted(snaps.SCREENS)
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            text = asyncio.run(draw(name, Path(folder)))
            left = sorted({w for w in _words(text) if w.casefold() not in allowed})
            if left:
                found[name] = left
    print(json.dumps(found, sort_keys=True))


if __name__ == "__main__":
    main()
