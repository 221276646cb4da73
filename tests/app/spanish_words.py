"""Every screen of the snapshot set drawn at 80x24 in Spanish, with a Spanish record, and
scanned for English: a word on screen that English content uses (the catalogues, the learn
pages, the plan, the questionnaire) and no Spanish content does. Words both languages share
("no", "plan", "total") are not English here; nor are the names of the two numbers' source,
the one place the issue allows English.

The Spanish side leaves out the sources' titles (cited in English, "(en inglés)"), so that
their words cannot hide English anywhere else. Run in its own process (like
tests/app/pseudo_words.py): the app sets the language for the whole process. Prints one
JSON object: screen name -> the English words found.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from tests.app.pseudo_words import draw

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "tui" / "content"
_WORD = re.compile(r"[^\W\d_]{2,}")
# Cited titles and the lists the code matches on, not words a screen shows as prose.
_NOT_SHOWN = {"sources", "source", "title_source", "self", "words", "speech", "injury", "threat"}


def _strings(node: Any, key: str = "") -> list[str]:
    if key in _NOT_SHOWN:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [text for item in node for text in _strings(item)]
    if isinstance(node, dict):
        return [text for name, value in node.items() for text in _strings(value, name)]
    return []


def _words_of(folder: Path, sources_heading: str) -> set[str]:
    texts: list[str] = []
    for path in sorted(folder.glob("*.toml")) + sorted((folder / "questionnaires").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if path.name == "safety_plan.toml":
            data.pop("source", None)  # the numbers' source: allowed on its own, below
        texts += _strings(data)
    for page in sorted((folder / "learn").glob("*.md")):
        texts.append(page.read_text(encoding="utf-8").split(sources_heading)[0])
    return {word.casefold() for text in texts for word in _WORD.findall(text)}


def english() -> set[str]:
    return _words_of(CONTENT, "## Sources")


def spanish() -> set[str]:
    from tests.app import test_snapshots as snaps

    words = _words_of(CONTENT / "es", "## Fuentes")
    plan = tomllib.loads((CONTENT / "es" / "safety_plan.toml").read_text(encoding="utf-8"))
    cited = " ".join(_strings(plan["source"]))  # the two numbers' source, named as it is
    data = json.dumps(snaps.DATA["es"], ensure_ascii=False)  # the person's own words
    return words | {w.casefold() for w in _WORD.findall(cited + " " + data)}


def shown_words(text: str) -> set[str]:
    """The words drawn: a path, a file name or a fingerprint ("/home/someone",
    "vault.cairn.draft.aside-1", "7630fc...") is data, not words."""
    words = set()
    for token in text.split():
        if re.search(r"\d|/|\w\.\w", token):
            continue
        words.update(_WORD.findall(token))
    return words


def main() -> None:
    import tui.journal.attachments
    import tui.journal.store
    import tui.safety_plan.store
    from tests.app import test_snapshots as snaps

    fixed = "2026-11-24T09:00:00+00:00"
    tui.journal.store.now = lambda: fixed  # type: ignore[assignment]
    tui.safety_plan.store.now = lambda: fixed  # type: ignore[assignment]
    tui.journal.attachments.now = lambda: fixed  # type: ignore[assignment]
    only_english = english() - spanish()
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in sys.argv[1:] or sorted(snaps.SCREENS):
            text = asyncio.run(draw(name, Path(folder), "es"))
            left = sorted({w for w in shown_words(text) if w.casefold() in only_english})
            if left:
                found[name] = left
    print(json.dumps(found, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main()
