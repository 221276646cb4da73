"""What the screens share while Cairn runs: the settings, the vault path and, once unlocked,
the vault. Screens receive it when they are made; data flows down, events flow up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .config import Settings
from .vault import Vault, VaultLocked

if TYPE_CHECKING:
    from textual.screen import Screen


@runtime_checkable
class KeepsDraft(Protocol):
    """A screen that holds unsaved work. On panic, idle lock, quit or hang-up the app asks it
    for that work and seals it into the vault's draft slot."""

    draft_kind: str

    def draft_state(self) -> dict[str, Any] | None: ...


@runtime_checkable
class StartsOver(Protocol):
    """The app, as a screen that offers to try again sees it: it can make its first screen
    afresh (the lock screen, or the welcome screen when there is no vault yet)."""

    def first_screen(self) -> Screen[Any]: ...


DraftScreenFactory = Callable[["Session", dict[str, Any]], "Screen[Any]"]


@dataclass(frozen=True)
class QuickLog:
    """``cairn log`` in a terminal: the time typed with --when (as typed; checked before
    unlocking) and the phase given with --phase, for the one-field form."""

    when: str | None = None
    phase: str | None = None


@dataclass
class Session:
    settings: Settings
    vault_path: Path
    vault: Vault | None = None
    # what to show after unlocking: "home", or "quick-log" (one field, then exit)
    start: str = "home"
    # kind -> how to rebuild the screen from its sealed state, when a draft is restored
    draft_screens: dict[str, DraftScreenFactory] = field(default_factory=dict)
    # a sealed draft an earlier process could not write (tui/handoff.py), until unlocked
    handed_draft: bytes | None = None
    # what `cairn log` was given, when it runs as a form in the terminal
    quick_log: QuickLog = field(default_factory=QuickLog)
    # set when the one-field form of `cairn log` saved its entry
    logged: bool = False
    # opened with --read-only: nothing is written beside the vault (no lock, no record of
    # failed attempts, no draft), and every save says why it cannot
    read_only: bool = False

    @property
    def unlocked(self) -> Vault:
        if self.vault is None or not self.vault.is_open:
            raise VaultLocked()
        return self.vault

    def lock(self) -> None:
        if self.vault is not None:
            self.vault.lock()
            self.vault = None
