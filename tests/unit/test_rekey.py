"""Changing the passphrase or the recovery code changes the data key: a copy of the vault
made before, opened with an old secret, opens nothing written afterwards (the attack the
audit played), while the secret that did not change keeps working."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault
from tui.vault import PassphraseNeeded, Vault, VaultWriteFailed, WrongPassphrase, crypto
from tui.vault import format as vault_format
from tui.vault.attempts import attempts_path, collect
from tui.vault.drafts import draft_path

NEW = "a brand new passphrase for later"
GOLDEN = Path(__file__).parents[1] / "golden"


def _old_key(copy: Path, secret: str) -> bytes:
    """What an attacker holding an old copy and an old secret gets: the old data key."""
    with Vault.open(copy, secret) as old:
        assert old._key is not None
        return bytes(old._key)


def _opens_body(path: Path, key: bytes) -> bool:
    parsed = vault_format.parse(path.read_bytes())
    try:
        crypto.open_sealed(bytearray(key), parsed.sealed_body, parsed.associated_data)
    except crypto.SealBroken:
        return False
    return True


def _keep_copy(vault_path: Path, name: str) -> Path:
    copy = vault_path.parent.parent / name / vault_path.name
    copy.parent.mkdir(mode=0o700)
    shutil.copy2(vault_path, copy)
    return copy


def test_an_old_copy_and_the_old_passphrase_open_nothing_written_after_a_change(
    vault_path: Path,
) -> None:
    vault, code = new_vault(vault_path)
    vault.collection("journal").add({"text": "before the change"})
    copy = _keep_copy(vault_path, "attacker")
    assert vault.change_passphrase(PASSPHRASE, NEW) is None  # the recovery code follows
    vault.collection("journal").add({"text": "written after the change"})
    vault.lock()

    old_key = _old_key(copy, PASSPHRASE)
    assert _opens_body(copy, old_key)  # the attack works on the copy itself...
    assert not _opens_body(vault_path, old_key)  # ...and not on anything written since
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    for secret in (NEW, code):
        with Vault.open(vault_path, secret) as reopened:
            texts = [d["text"] for d in reopened.collection("journal").all()]
            assert texts == ["before the change", "written after the change"]


def test_a_new_recovery_code_locks_out_the_old_one(vault_path: Path) -> None:
    vault, old_code = new_vault(vault_path)
    copy = _keep_copy(vault_path, "attacker")
    new_code = vault.replace_recovery_code(PASSPHRASE)
    assert new_code != old_code
    vault.collection("journal").add({"text": "after the new code"})
    vault.lock()

    assert not _opens_body(vault_path, _old_key(copy, old_code))
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, old_code)
    for secret in (PASSPHRASE, new_code):
        with Vault.open(vault_path, secret) as reopened:
            assert [d["text"] for d in reopened.collection("journal").all()] == ["after the new code"]


def test_a_recovery_code_cannot_replace_itself(vault_path: Path) -> None:
    vault, code = new_vault(vault_path)
    before = fingerprint(vault_path)
    with pytest.raises(PassphraseNeeded):
        vault.replace_recovery_code(code)
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the passphrase", NEW)
    assert fingerprint(vault_path) == before
    vault.lock()


def test_the_draft_and_the_attempt_record_are_sealed_again(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    vault.seal_draft({"saved": "2026-11-30T10:00:00+00:00", "items": [{"kind": "k", "state": {}}]})
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "someone guessing")
    old_draft = draft_path(vault_path).read_bytes()
    with Vault.open(vault_path, PASSPHRASE) as vault:  # `cairn passwd` does not fold attempts
        old_key = bytearray(vault._key or b"")
        internal = vault.collection("_cairn").get(1)
        assert internal is not None
        old_private = internal["attempts_private_key"]
        vault.change_passphrase(PASSPHRASE, NEW)
        assert "retired" not in (vault.collection("_cairn").get(1) or {})
    new_draft = draft_path(vault_path).read_bytes()
    assert new_draft != old_draft
    aad = b"cairn-draft\x00" + vault_format.parse(vault_path.read_bytes()).header.file_id
    with pytest.raises(crypto.SealBroken):
        crypto.open_sealed(old_key, new_draft, aad)
    import base64

    old_view = collect(vault_path, [base64.b64decode(old_private)])
    assert old_view.times == [] and old_view.damaged  # unreadable to the old key
    with Vault.open(vault_path, NEW) as vault:
        assert vault.open_draft() is not None
        assert len(vault.take_failed_attempts().times) == 1
        assert not attempts_path(vault_path).exists()


def test_a_failed_change_keeps_everything_as_it_was(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, code = new_vault(vault_path)
    vault.collection("journal").add({"text": "kept"})
    before = fingerprint(vault_path)
    real_replace = os.replace

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(VaultWriteFailed):
        vault.change_passphrase(PASSPHRASE, NEW)
    monkeypatch.setattr(os, "replace", real_replace)
    assert fingerprint(vault_path) == before
    vault.collection("journal").add({"text": "saved with the keys it had"})
    vault.lock()
    for secret in (PASSPHRASE, code):
        with Vault.open(vault_path, secret) as reopened:
            assert len(reopened.collection("journal").all()) == 2


def test_a_change_interrupted_after_the_vault_was_written_is_finished_at_open(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = new_vault(vault_path)
    vault.seal_draft({"saved": "2026-11-30T10:00:00+00:00", "items": [{"kind": "k", "state": {}}]})

    def crash(self: Vault) -> None:
        raise KeyboardInterrupt  # stands for the process dying between the two writes

    monkeypatch.setattr(Vault, "_finish_rekey", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.change_passphrase(PASSPHRASE, NEW)
    monkeypatch.undo()
    vault.lock()
    with Vault.open(vault_path, NEW) as reopened:  # opening finishes the change
        assert "retired" not in (reopened.collection("_cairn").get(1) or {})
        draft = reopened.open_draft()
        assert draft is not None and draft["items"] == [{"kind": "k", "state": {}}]


@pytest.mark.parametrize("opened_with", ["passphrase", "recovery_code"])
def test_a_format_1_vault_changes_its_keys_and_becomes_format_2(
    tmp_path: Path, opened_with: str
) -> None:
    import json

    expected = json.loads((GOLDEN / "v1-fast-kdf.cairn.json").read_text())
    path = tmp_path / "v" / "vault.cairn"
    path.parent.mkdir(mode=0o700)
    shutil.copyfile(GOLDEN / "v1-fast-kdf.cairn", path)
    path.chmod(0o600)
    with Vault.open(path, expected[opened_with]) as vault:
        new_code = vault.change_passphrase(expected[opened_with], NEW)
    assert vault_format.parse(path.read_bytes()).header.version == 2
    if opened_with == "passphrase":
        # The format 1 recovery slot cannot follow a new data key without its code: a new
        # code is made, and the old one stops working.
        assert new_code is not None
        with pytest.raises(WrongPassphrase):
            Vault.open(path, expected["recovery_code"])
        Vault.open(path, new_code).lock()
    else:
        assert new_code is None
        Vault.open(path, expected["recovery_code"]).lock()
    with Vault.open(path, NEW) as vault:
        assert len(vault.collection("journal").all()) == 2
