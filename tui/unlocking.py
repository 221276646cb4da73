"""Opening and creating the vault, for the lock screen and the first-run screen: the steps
around the key derivation that are not about drawing anything. Screens call these off the
UI thread (the key derivation takes a moment) and only decide what to show."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .session import Session
from .vault import FailedAttempts, Vault, VaultError


@dataclass(frozen=True)
class Opened:
    vault: Vault
    attempts: FailedAttempts  # wrong passphrases typed since the last unlock


def open_vault(path: Path, secret: str, read_only: bool = False) -> Opened:
    """Open, then fold in the failed attempts recorded since last time (folding may write;
    if it cannot, the record stays beside the vault for next time). Raises VaultError."""
    vault = Vault.open(path, secret, read_only=read_only)
    try:
        attempts = vault.take_failed_attempts()
    except (VaultError, OSError):
        attempts = FailedAttempts()
    return Opened(vault, attempts)


def create_vault(path: Path, passphrase: str) -> tuple[Vault, str]:
    """A new vault and its recovery code, to be shown once and confirmed (until then the
    vault remembers that it was not). Raises VaultError."""
    return Vault.create(path, passphrase, confirm_code_later=True)


@dataclass(frozen=True)
class AfterUnlock:
    """What the person should see once the vault is open, besides home."""

    draft: dict[str, Any] | None  # sealed unsaved work to offer back
    offer_new_code: bool  # a recovery code was shown and never confirmed


def settle(session: Session, opened: Opened) -> AfterUnlock:
    """Make the opened vault the session's, take in a draft the last process could not
    write, and find what to offer: the draft, a new recovery code."""
    session.vault = vault = opened.vault
    if session.handed_draft is not None:  # the disk could not take it last time
        vault.adopt_draft(session.handed_draft)
        session.handed_draft = None
    if session.start == "quick-log":  # one field, then the shell: the rest waits
        return AfterUnlock(draft=None, offer_new_code=False)
    draft = vault.open_draft()
    offer_new_code = False
    if vault.recovery_code_unconfirmed:
        if vault.opened_with == "recovery":
            with contextlib.suppress(VaultError):
                vault.confirm_recovery_code()  # it was just typed: the person has it
        else:
            offer_new_code = True
    return AfterUnlock(draft=draft, offer_new_code=offer_new_code)
