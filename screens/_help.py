"""Help is one key away on every screen once Cairn is unlocked: the numbers to call and the
person's own contacts. The key is a priority binding so that no focused field or modal
question can swallow it; it never types a character, so that is safe."""

from __future__ import annotations

from tui.config import keys_label
from tui.keys import DEFAULT_KEYS
from tui.session import Session

from ._keys import bind

HELP_ID = "help-now"
HELP = bind(HELP_ID, "help_now", priority=True)


def help_label(session: Session) -> str:
    """How the help key reads on screen, following the person's keymap."""
    return key_for(session, HELP_ID)


def key_for(session: Session, binding_id: str) -> str:
    """How the key of a binding reads on screen, following the person's keymap, so that text
    naming a key never goes stale when it is remapped."""
    keys = session.settings.keys.get(binding_id, DEFAULT_KEYS[binding_id])
    return keys_label(tuple(key.strip() for key in keys.split(",")))
