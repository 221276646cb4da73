"""Writing a private file for the person: an export, a report, a copy of an attached
file, a backup, a bundle. Owner-only (0600), never through a link, atomic (a crash leaves
the old file or the new one, never half of one) and durable (on disk before it is
acknowledged). It is the same careful write the vault's own saves use, which lives with
the vault because the vault may import nothing outside itself; everything else reaches it
through here, never through the vault's insides.
"""

from __future__ import annotations

from .vault import flush_folder, storage_sentence, write_durably, write_durably_by

write_private = write_durably
write_private_by = write_durably_by

__all__ = ["flush_folder", "storage_sentence", "write_private", "write_private_by"]
