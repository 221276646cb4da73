"""Create, open, re-key and lock; every TinyDB operation round-trips through the seal."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import PASSPHRASE, fingerprint, new_vault
from tui.vault import (
    NotAVaultPath,
    UnsafeVault,
    Vault,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)


def test_new_vault_is_private_and_reopens_empty(vault_path: Path) -> None:
    vault, code = new_vault(vault_path)
    vault.lock()
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(vault_path.parent.stat().st_mode) == 0o700
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert reopened.collection("journal").all() == []
    assert len(code) == 39 and code.count("-") == 7


def test_every_collection_operation_survives_reopening(vault: Vault, vault_path: Path) -> None:
    journal = vault.collection("journal")
    first = journal.add({"text": "one", "tags": ["a"]})
    second, _ = journal.add_all([{"text": "two"}, {"text": "three"}])
    journal.put(first, {"text": "ONE", "tags": ["a"]})
    journal.put(10, {"text": "four"})
    journal.delete(second)
    journal.delete(99)  # not there: nothing happens
    vault.collection("plan").add({"section": "go-bag"})
    vault.collection("scratch").add({"x": 1})
    vault.collection("scratch").clear()
    expected = sorted(doc["text"] for doc in journal.all())
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert sorted(doc["text"] for doc in reopened.collection("journal").all()) == expected
        assert reopened.collection("journal").get(first) == {"text": "ONE", "tags": ["a"]}
        assert reopened.collection("journal").find("text", "four") == (10, {"text": "four"})
        assert reopened.collection("plan").all() == [{"section": "go-bag"}]
        assert reopened.collection("scratch").all() == []
    assert expected == ["ONE", "four", "three"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_any_text_round_trips_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / f"v{abs(hash(text))}" / "vault.cairn"
    vault, _ = new_vault(path)
    vault.collection("journal").add({"text": text})
    vault.lock()
    with Vault.open(path, PASSPHRASE) as reopened:
        assert reopened.collection("journal").all() == [{"text": text}]


def test_a_one_megabyte_entry_round_trips(vault: Vault, vault_path: Path) -> None:
    big = ("Unicode ✓ ñ 漢字 🙂 [/] [@click=quit] \x1b[2J " * 30_000)[: 1024 * 1024]
    vault.collection("journal").add({"text": big})
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert reopened.collection("journal").all()[0]["text"] == big


def test_recovery_code_opens_in_any_case_and_grouping(vault_path: Path) -> None:
    vault, code = new_vault(vault_path)
    vault.lock()
    for typed in (code, code.lower(), code.replace("-", " "), code.replace("-", "")):
        Vault.open(vault_path, typed).lock()


def test_changing_the_passphrase_keeps_content_and_recovery(vault_path: Path) -> None:
    vault, code = new_vault(vault_path)
    vault.collection("journal").add({"text": "kept"})
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.collection("journal").add({"text": "after"})
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    for secret in ("a brand new passphrase", code):
        with Vault.open(vault_path, secret) as reopened:
            assert [d["text"] for d in reopened.collection("journal").all()] == ["kept", "after"]


def test_a_passphrase_typed_in_another_normal_form_opens(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path, "caf\u00e9 au lait")
    vault.lock()
    Vault.open(vault_path, "cafe\u0301 au lait").lock()


def test_wrong_passphrase_changes_nothing_on_disk(vault: Vault, vault_path: Path) -> None:
    vault.collection("journal").add({"text": "x"})
    vault.lock()
    before = fingerprint(vault_path)
    folder_before = sorted(os.listdir(vault_path.parent))
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "not the passphrase")
    assert fingerprint(vault_path) == before
    # The only trace is the sealed failed-attempt record beside it.
    assert sorted(os.listdir(vault_path.parent)) == sorted([*folder_before, "vault.cairn.attempts"])


def test_locked_vault_refuses_use_and_drops_the_key(vault: Vault) -> None:
    journal = vault.collection("journal")
    vault.lock()
    with pytest.raises(VaultLocked):
        journal.all()
    with pytest.raises(VaultLocked):
        vault.collection("journal").add({"text": "after the lock"})
    assert vault._key is None and not vault.is_open


def test_create_refuses_to_overwrite(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    before = fingerprint(vault_path)
    with pytest.raises(VaultExists):
        new_vault(vault_path)
    assert fingerprint(vault_path) == before


def test_missing_folder_and_symlink_paths_are_refused(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    vault.lock()
    with pytest.raises(VaultMissing):
        Vault.open(tmp_path / "nowhere.cairn", PASSPHRASE)
    with pytest.raises(NotAVaultPath):
        Vault.open(vault_path.parent, PASSPHRASE)
    link = vault_path.with_name("link.cairn")
    link.symlink_to(vault_path)
    with pytest.raises(UnsafeVault):
        Vault.open(link, PASSPHRASE)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o606])
def test_a_vault_others_can_read_or_write_is_refused(
    vault: Vault, vault_path: Path, mode: int
) -> None:
    vault.lock()
    vault_path.chmod(mode)
    before = fingerprint(vault_path)
    with pytest.raises(UnsafeVault, match="chmod 600"):
        Vault.open(vault_path, PASSPHRASE)
    assert fingerprint(vault_path) == before


def test_a_folder_others_can_write_is_refused(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    vault_path.parent.chmod(0o777)
    with pytest.raises(UnsafeVault, match="chmod 700"):
        Vault.open(vault_path, PASSPHRASE)


def test_a_vault_owned_by_another_user_is_refused(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    if os.geteuid() != 0:
        pytest.skip("changing a file's owner needs root; CI runs as root")
    os.chown(vault_path, 65534, 65534)
    with pytest.raises(UnsafeVault, match="another user"):
        Vault.open(vault_path, PASSPHRASE)


def test_stale_temp_files_are_removed_on_open(vault: Vault, vault_path: Path) -> None:
    vault.lock()
    stale = vault_path.with_name(f".{vault_path.name}.deadbeefdeadbeef.tmp")
    stale.write_bytes(b"sealed leftovers")
    Vault.open(vault_path, PASSPHRASE).lock()
    assert not stale.exists()


def test_a_change_from_another_thread_waits_for_a_batch_under_way(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is recorded from a worker thread while the app may save a quick note: the
    note's write must not slip into the batch (it would be acknowledged before it is on
    disk, and undone if the batch failed)."""
    written: list[set[str]] = []
    persist = vault._persist

    def logged(plaintext: bytes) -> None:
        persist(plaintext)
        written.append({name for name, docs in json.loads(plaintext).items() if docs})

    monkeypatch.setattr(vault, "_persist", logged)
    vault._storage._persist = logged
    inside, release, noted = threading.Event(), threading.Event(), threading.Event()

    def long_batch() -> None:
        with vault.batch():
            vault.collection("files").add({"n": 1})
            inside.set()
            release.wait(10)
            vault.collection("files").add({"n": 2})

    def quick_note() -> None:
        vault.collection("journal").add({"text": "a quick note"})
        noted.set()

    batch = threading.Thread(target=long_batch)
    batch.start()
    assert inside.wait(10)
    note = threading.Thread(target=quick_note)
    note.start()
    assert not noted.wait(0.3)  # held back while the batch is open
    release.set()
    batch.join(10)
    note.join(10)
    assert noted.is_set()
    assert "journal" not in written[0] and "files" in written[0]
    assert "journal" in written[1]
