"""The hint under a new passphrase, and the suggested passphrase, in Cairn's words."""

from __future__ import annotations

from tui.passphrase_policy import MIN_NEW_LENGTH, judge, suggest_passphrase
from tui.session import Session

from ._help import key_for
from ._text import say

MAX_REASONS = 2  # the hint stays two lines or three at 80 columns


def strength_hint(session: Session, passphrase: str, suggest_id: str) -> str:
    """Plain guidance while typing; never a score to chase."""
    verdict = judge(passphrase)
    if verdict.level == "empty":
        return say("passphrase", "empty", press=key_for(session, suggest_id))
    if verdict.level == "short":
        return say("passphrase", "short", min=MIN_NEW_LENGTH)
    reasons = [say("passphrase", reason) for reason in verdict.reasons[:MAX_REASONS]]
    return " ".join([say("passphrase", verdict.level), *reasons])


def suggestion(session: Session, suggest_id: str) -> str:
    return say(
        "passphrase", "suggestion", words=suggest_passphrase(), press=key_for(session, suggest_id)
    )
