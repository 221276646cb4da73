"""Unsaved work handed from one Cairn process to the fresh one the panic key starts, when
the disk could not take it (full, or read-only).

It is the sealed draft (ciphertext under the vault's key, never plaintext), in an anonymous
memory file (memfd) that the fresh process inherits across ``execv``; its descriptor number
travels in the environment, which only this account and root can read. The fresh process
reads it once at start, closes it, and offers the work after the next unlock.
"""

from __future__ import annotations

import contextlib
import os

HANDOFF_ENV = "CAIRN_HANDOFF_FD"
MAX_BYTES = 64 * 1024 * 1024


def hand_over(sealed: bytes) -> None:
    """Make ``sealed`` available to the process this one is about to become."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.memfd_create("", 0)  # no close-on-exec: the exec'd process keeps it
        view = memoryview(sealed)
        while view:
            view = view[os.write(fd, view) :]
        os.lseek(fd, 0, os.SEEK_SET)
        os.environ[HANDOFF_ENV] = str(fd)


def take_over() -> bytes | None:
    """What an earlier process handed over, once; None when there is nothing."""
    value = os.environ.pop(HANDOFF_ENV, None)
    if value is None:
        return None
    try:
        fd = int(value)
    except ValueError:
        return None
    try:
        chunks: list[bytes] = []
        total = 0
        while (chunk := os.read(fd, 1024 * 1024)) and total <= MAX_BYTES:
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks) if 0 < total <= MAX_BYTES else None
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
