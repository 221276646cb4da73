"""The vault and the domain run headless: importing them must not pull in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

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
