"""Sealing for someone else: the age format (age-encryption.org/v1), through ``pyrage``
(bindings to rage, the Rust implementation), never home-made. What it writes opens with
the standard ``age`` command.

To recipients (age X25519 ``age1...`` keys or SSH ``ssh-ed25519`` / ``ssh-rsa`` public
keys) the plaintext streams through (``encrypt_io``): memory stays flat whatever the size.
With a passphrase (age's scrypt mode) pyrage takes the plaintext whole, so it is held in
memory; ``MAX_PASSPHRASE_BYTES`` bounds that.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO, cast

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import ssh, x25519

from ..visible import visible
from .errors import RecipientRefused, TooLargeForPassphrase

MAX_PASSPHRASE_BYTES = 1024 * 1024 * 1024  # 1 GiB held in memory at most (errors.py says so)
Recipient = x25519.Recipient | ssh.Recipient


__all__ = [
    "RecipientRefused",
    "TooLargeForPassphrase",
    "recipient",
    "seal_to",
    "seal_with_passphrase",
]


def recipient(text: str) -> Recipient:
    """An age X25519 recipient or an SSH public key, from one line as pasted."""
    line = text.strip()
    try:
        if line.startswith("age1"):
            return x25519.Recipient.from_str(line)
        if line.startswith(("ssh-ed25519 ", "ssh-rsa ")):
            return ssh.Recipient.from_str(line)
    except pyrage.RecipientError:
        pass
    shown = visible(line if len(line) <= 40 else line[:39] + "\u2026")
    raise RecipientRefused("vault.not_a_recipient", key=shown)


class _Stream(io.RawIOBase):
    """The plaintext as a readable file, pulled piece by piece from an iterator."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        super().__init__()
        self._pieces = pieces
        self._left = memoryview(b"")
        # What stopped the plaintext (an attached file that does not match its
        # fingerprint): pyrage reports it as its own error; the caller gets this one.
        self.failure: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._left:
            try:
                piece = next(self._pieces, None)
            except BaseException as failure:
                self.failure = failure
                raise
            if piece is None:
                return 0
            self._left = memoryview(piece)
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


def seal_to(pieces: Iterator[bytes], out: BinaryIO, recipients: list[Recipient]) -> None:
    """The age file for ``recipients`` of the plaintext ``pieces``, written to ``out``."""
    stream = _Stream(pieces)
    try:
        # pyrage reads and writes any file-like object; its stubs ask for buffered ones.
        pyrage.encrypt_io(cast(io.BufferedIOBase, stream), cast(io.BufferedIOBase, out), recipients)
    except pyrage.EncryptError:
        if stream.failure is not None:
            raise stream.failure from None
        raise


def seal_with_passphrase(pieces: Iterator[bytes], out: BinaryIO, secret: str) -> None:
    held = bytearray()
    for piece in pieces:
        held += piece
        if len(held) > MAX_PASSPHRASE_BYTES:
            raise TooLargeForPassphrase()
    out.write(age_passphrase.encrypt(bytes(held), secret))
