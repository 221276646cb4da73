"""The failed-attempt record: sealed beside the vault, readable only after unlocking."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault
from tui.vault import Vault, WrongPassphrase
from tui.vault.attempts import MAX_RECORD_BYTES, attempts_path


def _fail(path: Path, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, "someone guessing")


def test_failed_attempts_are_recorded_sealed_and_shown_once(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    before = fingerprint(vault_path)
    _fail(vault_path, 3)
    assert fingerprint(vault_path) == before
    record = attempts_path(vault_path)
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    raw = record.read_bytes()
    assert len(raw.splitlines()) == 3
    assert not re.search(rb"\d{4}-\d\d-\d\dT", raw)  # no readable times
    with Vault.open(vault_path, PASSPHRASE) as opened:
        found = opened.take_failed_attempts()
        assert not found.damaged
        assert len(found.times) == 3
        assert all(re.match(r"\d{4}-\d\d-\d\dT", t) for t in found.times)
        assert not record.exists()
        assert not opened.take_failed_attempts()
        assert len(opened.collection("failed_attempts").all()) == 3  # folded into the vault


def test_a_forged_record_is_reported_once_as_damaged(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    attempts_path(vault_path).write_bytes(b"bm90IGEgcmVjb3Jk\nnot base64 at all\n")
    with Vault.open(vault_path, PASSPHRASE) as opened:
        found = opened.take_failed_attempts()
        assert found.damaged and found.times == []
        assert opened.collection("failed_attempts").all() == [{"at": None, "damaged": True}]


def test_the_record_cannot_grow_without_bound(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    attempts_path(vault_path).write_bytes(b"x" * (MAX_RECORD_BYTES - 10) + b"\n")
    _fail(vault_path, 2)
    assert attempts_path(vault_path).stat().st_size < MAX_RECORD_BYTES


def test_an_older_vault_gets_a_record_key_on_first_unlock(tmp_path: Path) -> None:
    golden = Path(__file__).parents[1] / "golden" / "v1-fast-kdf.cairn"
    copy = tmp_path / "v" / "vault.cairn"
    copy.parent.mkdir(mode=0o700)
    shutil.copyfile(golden, copy)
    copy.chmod(0o600)
    _fail(copy, 1)
    assert not attempts_path(copy).exists()  # nothing to seal to yet
    passphrase = "golden vault passphrase"
    with Vault.open(copy, passphrase) as opened:
        assert not opened.take_failed_attempts()
        assert opened.header.attempts_key is not None
    _fail(copy, 2)
    with Vault.open(copy, passphrase) as opened:
        assert len(opened.take_failed_attempts().times) == 2
        assert len(opened.collection("journal").all()) == 2


def test_a_new_vault_records_from_the_start(tmp_path: Path) -> None:
    path = tmp_path / "n" / "vault.cairn"
    new_vault(path)[0].lock()
    _fail(path, 1)
    assert attempts_path(path).exists()
