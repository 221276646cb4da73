"""The `cairn` command's first step. Cairn's own content (the plan's sections, the
questionnaires) is checked as it loads; a damaged file is named in one sentence and exit
code 1, never shown as a traceback."""

from __future__ import annotations

import sys

from .content.checks import ContentProblem


def run() -> None:
    try:
        from .cli import main
    except ContentProblem as problem:
        print(
            f"Cairn cannot start because one of its own files is damaged: {problem}",
            file=sys.stderr,
        )
        sys.exit(1)
    sys.exit(main())
