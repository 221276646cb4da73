"""The README's Layout section stays true: every path it names exists, and every module
and folder of tui/ and screens/ is named there (a new one is one more line)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _layout() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```", 2)[1]


def _named() -> set[str]:
    """Every path in the tree, as 'tui/app.py' or 'tui/vault/'."""
    named, parent = set(), ""
    for line in _layout().splitlines():
        if not line.strip():
            continue
        description = re.search(r"\S {3,}", line)
        names = line[: description.end() if description else len(line)]
        for name in re.findall(r"[\w]+(?:\.py|/)", names):
            if not line.startswith(" "):
                parent = name
                named.add(name)
            else:
                named.add(parent + name)
    return named


def test_every_named_path_exists() -> None:
    missing = sorted(name for name in _named() if not (ROOT / name).exists())
    assert missing == []


def test_every_module_and_folder_is_named() -> None:
    named = _named()
    found = set()
    for top in ("tui", "screens"):
        for path in (ROOT / top).iterdir():
            if path.name.startswith(("_", ".")) or path.name == "py.typed":
                continue
            if path.is_dir():
                found.add(f"{top}/{path.name}/")
            elif path.suffix == ".py":
                found.add(f"{top}/{path.name}")
    # screens/ is one file per screen: the folder line covers them, the registry is named.
    found = {
        name for name in found if not name.startswith("screens/") or name == "screens/registry.py"
    }
    assert sorted(found - named) == []
