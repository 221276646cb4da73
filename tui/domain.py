"""Everything Cairn knows besides its screens (journal, safety plan, questionnaire, exports),
loaded at once so that a damaged content file is found before anything is unlocked.

The commands call ``load()`` before they run; the app calls it once its first screen is on
the terminal, while the passphrase is typed, so that the lock screen shows sooner.
"""

from __future__ import annotations

import importlib


def load() -> None:
    """Import the domain, which reads and checks the content it is built on (the safety
    plan's sections, the privacy check's words); raises ContentProblem. A questionnaire
    file is read when the questionnaire opens, which names a damaged one on its screen."""
    importlib.import_module("tui.export")  # the journal, the plan and the questionnaire runs
    from .privacy import check_content

    check_content()
