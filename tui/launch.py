"""The `cairn` command's entry point. Cairn's own content (the screens' words, the plan's
sections, the questionnaires) is checked as it loads; a damaged file is named in one
sentence and exit code 1, never shown as a traceback (``cli.main`` and ``app.run_app``)."""

from __future__ import annotations

import sys


def run() -> None:
    from .cli import main

    sys.exit(main())
