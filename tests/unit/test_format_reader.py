"""A reader written from tui/vault/FORMAT.md alone (no code from tui.vault), opening the
golden vaults of every version and a vault whose keys were changed: if FORMAT.md stops
being enough to read a vault, this fails."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import unicodedata
from pathlib import Path
from typing import Any

import nacl.bindings
import pytest
from argon2.low_level import Type, hash_secret_raw
from nacl.public import PrivateKey, SealedBox

from tests.helpers import PASSPHRASE, new_vault

GOLDEN = Path(__file__).parents[1] / "golden"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _aead_open(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    nonce, body = sealed[:24], sealed[24:]
    return bytes(nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(body, aad, nonce, key))


def _canonical_code(text: str) -> str | None:
    compact = "".join(text.split()).replace("-", "").upper()
    compact = compact.replace("O", "0").replace("I", "1").replace("L", "1")
    ok = len(compact) == 32 and all(c in ALPHABET for c in compact)
    return compact if ok else None


def read_vault(data: bytes, secret: str) -> dict[str, Any]:
    magic, version, length = struct.unpack(">8sHI", data[:14])
    assert magic == b"CAIRNVLT" and version in (1, 2) and 2 <= length <= 65536
    header_end = 14 + length
    assert (
        hashlib.blake2b(data[:header_end], digest_size=32).digest()
        == data[header_end : header_end + 32]
    )
    header = json.loads(data[14:header_end])
    file_id = base64.b64decode(header["file_id"])
    code = _canonical_code(secret)
    tries = [("recovery", code.encode())] if code else []
    tries.append(("passphrase", unicodedata.normalize("NFC", secret).encode()))
    data_key = None
    for kind, secret_bytes in tries:
        slot = next((s for s in header["slots"] if s["kind"] == kind), None)
        if slot is None:
            continue
        assert 1 <= slot["p"] <= 8 and 1 <= slot["t"] <= 20 and 8 * slot["p"] <= slot["m"]
        kek = hash_secret_raw(
            secret_bytes,
            base64.b64decode(slot["salt"]),
            slot["t"],
            slot["m"],
            slot["p"],
            32,
            Type.ID,
        )
        label = b"cairn-key-slot" if version == 1 else b"cairn-key-slot-2"
        aad = label + b"\x00" + kind.encode() + b"\x00" + file_id
        try:
            inner = _aead_open(kek, base64.b64decode(slot["wrapped"]), aad)
        except Exception:
            continue
        if version == 1:
            data_key = inner
        else:
            private = PrivateKey(inner)
            assert bytes(private.public_key) == base64.b64decode(slot["public"])
            data_key = SealedBox(private).decrypt(base64.b64decode(slot["sealed"]))
        break
    assert data_key is not None, "wrong passphrase"
    body = _aead_open(data_key, data[header_end + 32 :], data[: header_end + 32])
    tables: dict[str, Any] = json.loads(body.decode("utf-8", "surrogatepass"))
    return tables


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("v*.cairn")), ids=lambda p: p.name)
@pytest.mark.parametrize("secret_kind", ["passphrase", "recovery_code"])
def test_a_reader_from_format_md_opens_every_golden_vault(golden: Path, secret_kind: str) -> None:
    expected = json.loads(golden.with_name(golden.name + ".json").read_text())
    tables = read_vault(golden.read_bytes(), expected[secret_kind])
    texts = sorted(doc["text"] for doc in tables["journal"].values())
    assert texts == sorted(entry["text"] for entry in expected["journal"])


def test_a_reader_from_format_md_opens_a_vault_after_its_keys_changed(vault_path: Path) -> None:
    from tui import journal

    vault, code = new_vault(vault_path)
    journal.add_entry(vault, "before")
    vault.change_passphrase(PASSPHRASE, "the second passphrase")
    new_code = vault.replace_recovery_code("the second passphrase")
    journal.add_entry(vault, "after")
    vault.lock()
    data = vault_path.read_bytes()
    for secret in ("the second passphrase", new_code):
        tables = read_vault(data, secret)
        assert sorted(d["text"] for d in tables["journal"].values()) == ["after", "before"]
        assert "retired" not in tables["_cairn"]["1"]
    for old in (PASSPHRASE, code):
        with pytest.raises(AssertionError, match="wrong passphrase"):
            read_vault(data, old)


def read_attached(folder: Path, record: dict[str, Any], file_id: bytes) -> bytes:
    """An attached file, from the "Attached files" section of FORMAT.md alone."""
    data = (folder / record["file"]).read_bytes()
    size = record["size"]
    assert len(data) == 34 + size + 17 * max(1, -(-size // (1024 * 1024)))
    assert data[:10] == b"CAIRNATT" + struct.pack(">H", 1)
    aad = data[:10] + file_id + bytes.fromhex(record["id"])
    state = nacl.bindings.crypto_secretstream_xchacha20poly1305_state()
    key = base64.b64decode(record["key"])
    nacl.bindings.crypto_secretstream_xchacha20poly1305_init_pull(state, data[10:34], key)
    out, at, final = [], 34, nacl.bindings.crypto_secretstream_xchacha20poly1305_TAG_FINAL
    while True:
        message = data[at : at + 1024 * 1024 + 17]
        at += len(message)
        piece, tag = nacl.bindings.crypto_secretstream_xchacha20poly1305_pull(state, message, aad)
        out.append(piece)
        if tag == final:
            assert at == len(data)
            break
    original = b"".join(out)
    assert hashlib.sha256(original).hexdigest() == record["sha256"]
    return original


def test_a_reader_from_format_md_opens_attached_files(vault_path: Path, tmp_path: Path) -> None:
    from tui.journal import attachments

    sources = {"empty": b"", "small.png": b"\x89PNG\r\n\x1a\n" + b"p" * 99, "mib": b"m" * 2**20}
    paths = []
    for name, data in sources.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    vault, _ = new_vault(vault_path)
    attachments.attach(vault, paths)
    vault.change_passphrase(PASSPHRASE, "the second passphrase")
    vault.lock()
    data = vault_path.read_bytes()
    header = json.loads(data[14 : 14 + struct.unpack(">I", data[10:14])[0]])
    file_id = base64.b64decode(header["file_id"])
    tables = read_vault(data, "the second passphrase")
    folder = vault_path.with_name(vault_path.name + ".files")
    found = {
        record["name"]: read_attached(folder, record, file_id)
        for record in tables["attachments"].values()
    }
    assert found == sources
    links = [link for link in tables["journal_chain"].values() if link.get("attachment")]
    for link in links:
        body = {k: v for k, v in link.items() if k != "hash"}
        assert len(body) == 9
        assert (
            hashlib.sha256(
                json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
            ).hexdigest()
            == link["hash"]
        )
    assert sorted(link["content"] for link in links) == sorted(
        hashlib.sha256(data).hexdigest() for data in sources.values()
    )
