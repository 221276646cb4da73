"""Everything Cairn knows besides its screens (journal, safety plan, questionnaire, exports),
loaded at once so that a damaged content file is found before anything is unlocked.

The commands call ``load()`` before they run; the app calls it once its first screen is on
the terminal, while the passphrase is typed, so that the lock screen shows sooner.
"""

from __future__ import annotations

import importlib


def load() -> None:
    """Read and check every content file (tui/content/bundle.py) and import the domain;
    raises ContentProblem naming the damaged file and the place in it."""
    from .content.bundle import content

    content().check_all()
    importlib.import_module("tui.export")  # the journal, the plan and the questionnaire runs
