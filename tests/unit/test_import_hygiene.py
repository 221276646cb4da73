"""The vault and the domain run headless: importing them must not pull in Textual or Rich."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "tui.vault",
        "tui.journal",
        "tui.journal.patterns",
        "tui.journal.feelings",
        "tui.safety_plan",
        "tui.questionnaire",
        "tui.learn",
        "tui.content.checks",
        "tui.report",
        "tui.visible",
        "tui.export",
        "tui.cli",
    ],
)
def test_module_imports_without_textual(module: str) -> None:
    probe = (
        f"import sys, {module}; "
        "ui = {'textual', 'rich', 'screens'}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ui); "
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys; {code}; print(','.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.strip().split(","))


def test_loading_the_whole_domain_pulls_in_no_screens() -> None:
    loaded = _loaded_after("import tui.domain; tui.domain.load()")
    assert {"tui.export", "tui.journal", "tui.safety_plan", "tui.questionnaire"} <= loaded
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich", "screens"}}


def test_the_app_starts_without_the_journal_or_the_exports() -> None:
    """What the lock screen needs is imported before it shows; the rest loads after
    (tui.app), so the prompt is not kept waiting for it."""
    loaded = _loaded_after("import tui.launch, tui.cli, tui.app")
    assert not {"tui.export", "tui.journal", "tui.safety_plan", "tui.questionnaire"} & loaded


# -- import contracts: which package may import what (read from the source, not run) -------

ROOT = Path(__file__).resolve().parents[2]
STORAGE_AND_CRYPTO = {"tinydb", "nacl", "argon2", "pyrage"}


def _imports(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.add(".".join((*base, *(node.module.split(".") if node.module else ()))))
            elif node.module:
                found.add(node.module)
    return found


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def test_only_the_vault_imports_storage_or_crypto_libraries() -> None:
    """Screens and the domain go through the vault's collections; TinyDB, PyNaCl, argon2
    and pyrage (age) stay behind tui/vault/ (the attachment and bundle code included)."""
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("tui", "screens")
        if path.relative_to(ROOT).parts[:2] != ("tui", "vault")
        for name in _imports(path)
        if name.split(".")[0] in STORAGE_AND_CRYPTO
    }
    assert offenders == set()


def test_the_vault_imports_nothing_of_cairn_outside_itself() -> None:
    """Only three small helpers: the one that shows odd characters as symbols (for paths in
    its error sentences), the one clock, and the catalogue's lookup (its sentences are
    words.toml's), which itself imports nothing of Cairn until a sentence is shown."""
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("tui/vault")
        for name in _imports(path)
        if name.split(".")[0] in {"tui", "screens", "textual", "rich"}
        and not name.startswith("tui.vault")
        and name not in {"tui.visible", "tui.clock", "tui.words"}
    }
    assert offenders == set()
    words = ast.parse((ROOT / "tui" / "words.py").read_text(encoding="utf-8"))
    at_import = [node for node in words.body if isinstance(node, ast.Import | ast.ImportFrom)]
    assert all(getattr(node, "level", 0) == 0 for node in at_import)  # nothing of Cairn


def test_the_domain_never_imports_screens() -> None:
    domain = ("tui/journal", "tui/questionnaire", "tui/safety_plan", "tui/vault")
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources(*domain)
        for name in _imports(path)
        if name.split(".")[0] in {"screens", "textual", "rich"}
    }
    assert offenders == set()


# Everything under tui/ but the app, its Textual compatibility layer and its themes is
# domain code (or plumbing around it): no Textual, no Rich, no screens.
TEXTUAL_SIDE = {"tui/app.py", "tui/textual_compat.py", "tui/themes.py"}


def _type_only(path: Path) -> set[str]:
    """Modules imported only under ``if TYPE_CHECKING:`` (never at run time)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    found.add(inner.module)
                elif isinstance(inner, ast.Import):
                    found.update(alias.name for alias in inner.names)
    return found


def test_no_domain_module_imports_textual_rich_or_screens() -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("tui")
        if str(path.relative_to(ROOT)) not in TEXTUAL_SIDE
        for name in _imports(path) - _type_only(path)
        if name.split(".")[0] in {"screens", "textual", "rich", "styles"}
    }
    assert offenders == set()


def test_screens_use_the_vaults_public_face_only() -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("screens")
        for name in _imports(path)
        if name.startswith("tui.vault.") or name.split(".")[0] in STORAGE_AND_CRYPTO
    }
    assert offenders == set()


def test_the_app_and_the_screens_do_not_import_each_other_in_a_circle() -> None:
    """The app opens screens (through the registry); a screen reaches the app only through
    the protocols in tui/session.py, never by importing it."""
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources("screens")
        for name in _imports(path)
        if name == "tui.app" or name.startswith("tui.app.")
    }
    assert offenders == set()


def test_the_screens_never_open_or_make_a_vault_themselves() -> None:
    """Unlocking and creating go through tui/unlocking.py (an app-level service); screens
    use the vault's errors and types, never the Vault class."""
    offenders = set()
    for path in _sources("screens"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "tui.vault"
                and any(alias.name == "Vault" for alias in node.names)
            ):
                offenders.add(str(path.relative_to(ROOT)))
    assert offenders == set()


def test_outside_the_vault_nothing_reaches_into_its_modules() -> None:
    """The vault's public face is the tui.vault package; files are written through
    tui/private_file.py."""
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in [*_sources("tui"), *_sources("screens")]
        if not path.is_relative_to(ROOT / "tui" / "vault")
        for name in _imports(path)
        if name.startswith("tui.vault.")
    }
    assert offenders == set()


def test_one_clock() -> None:
    """Only tui/clock.py asks the system for the time of day."""
    offenders = set()
    for path in [*_sources("tui"), *_sources("screens")]:
        if path == ROOT / "tui" / "clock.py":
            continue
        text = path.read_text(encoding="utf-8")
        for call in ("datetime.now(", "date.today(", "time.time(", "datetime.today("):
            if call in text:
                offenders.add(f"{path.relative_to(ROOT)}: {call}")
    assert offenders == set()
