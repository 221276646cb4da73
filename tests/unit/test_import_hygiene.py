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
