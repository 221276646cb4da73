"""Traps 2 and 4: damaged, truncated, flipped and crafted files are refused, untouched."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault
from tui.vault import Vault, VaultDamaged, VaultTooNew
from tui.vault import format as vault_format


@pytest.fixture
def small_vault(vault_path: Path) -> bytes:
    vault, _ = new_vault(vault_path)
    vault.collection("journal").add({"text": "small"})
    vault.lock()
    return vault_path.read_bytes()


def _refused(path: Path, data: bytes) -> BaseException:
    path.write_bytes(data)
    before = fingerprint(path)
    with pytest.raises((VaultDamaged, VaultTooNew)) as caught:
        Vault.open(path, PASSPHRASE)
    assert fingerprint(path) == before, "a refused open must leave the file as it was"
    assert list(path.parent.glob(".*.tmp")) == []
    return caught.value


def test_truncation_at_every_offset_is_refused(vault_path: Path, small_vault: bytes) -> None:
    for length in range(len(small_vault)):
        error = _refused(vault_path, small_vault[:length])
        assert "damaged or was changed" in str(error)


def test_flipping_any_byte_is_refused(vault_path: Path, small_vault: bytes) -> None:
    version_bytes = range(8, 10)
    for offset in range(len(small_vault)):
        damaged = bytearray(small_vault)
        damaged[offset] ^= 0x01
        error = _refused(vault_path, bytes(damaged))
        if offset not in version_bytes:
            assert isinstance(error, VaultDamaged), offset


def test_an_appended_byte_is_refused(vault_path: Path, small_vault: bytes) -> None:
    _refused(vault_path, small_vault + b"\x00")


def test_a_newer_format_version_is_named(vault_path: Path, small_vault: bytes) -> None:
    newer = small_vault[:8] + struct.pack(">H", vault_format.VERSION + 1) + small_vault[10:]
    error = _refused(vault_path, newer)
    assert isinstance(error, VaultTooNew) and "newer version" in str(error)


def _with_header(data: bytes, change: dict[str, int]) -> bytes:
    """Rewrite the header as an attacker would, with a valid checksum."""
    parsed = vault_format.parse(data)
    document = json.loads(parsed.associated_data[14:-32])
    for slot in document["slots"]:
        slot.update(change)
    body = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    prefix = vault_format.PREAMBLE.pack(vault_format.MAGIC, vault_format.VERSION, len(body)) + body
    return prefix + hashlib.blake2b(prefix, digest_size=32).digest() + parsed.sealed_body


@pytest.mark.parametrize(
    "change",
    [
        {"m": 4 * 1024 * 1024},  # 4 GiB
        {"m": 2**40},
        {"t": 10_000},
        {"p": 255},
        {"m": 0},
        {"t": 0},
    ],
)
def test_crafted_key_derivation_costs_are_refused_before_argon2_runs(
    vault_path: Path, small_vault: bytes, change: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def argon2_must_not_run(**_: object) -> bytes:
        raise AssertionError("Argon2 ran on an unbounded header")

    monkeypatch.setattr("tui.vault.crypto.hash_secret_raw", argon2_must_not_run)
    error = _refused(vault_path, _with_header(small_vault, change))
    assert isinstance(error, VaultDamaged)


def test_a_file_that_is_not_a_vault_is_refused(vault_path: Path, small_vault: bytes) -> None:
    _refused(vault_path, b'{"journal": {"1": {"text": "plaintext"}}}')
    _refused(vault_path, b"")


def test_unknown_header_fields_are_kept_when_the_header_changes(
    vault_path: Path, small_vault: bytes
) -> None:
    """A later version may add header fields; this one must carry them along, not drop them."""
    parsed = vault_format.parse(small_vault)
    document = json.loads(parsed.associated_data[14:-32])
    document["from_the_future"] = {"kept": True}
    body = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    prefix = vault_format.PREAMBLE.pack(vault_format.MAGIC, vault_format.VERSION, len(body)) + body
    associated = prefix + hashlib.blake2b(prefix, digest_size=32).digest()
    # Re-seal the body under the new header, as a writer of that later version would.
    with Vault.open(vault_path, PASSPHRASE) as vault:
        key = vault._key
        assert key is not None
        from tui.vault import crypto

        vault_path.write_bytes(
            associated + crypto.seal(key, vault._storage.saved_plaintext, associated)
        )
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.collection("journal").add({"text": "written by this version"})
        vault.change_passphrase(PASSPHRASE, "a changed passphrase")
    header = json.loads(vault_format.parse(vault_path.read_bytes()).associated_data[14:-32])
    assert header["from_the_future"] == {"kept": True}
    with Vault.open(vault_path, "a changed passphrase") as vault:
        assert len(vault.collection("journal").all()) == 2
