"""Trap 3: ENOSPC, EIO and EACCES at write, fsync and replace.

The error reaches the caller as one sentence, nothing is acknowledged, the file on disk is
the previous good one, and memory equals disk afterwards.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import PASSPHRASE, fingerprint
from tui.vault import Vault, VaultWriteFailed

ERRNOS = {
    errno.ENOSPC: "disk is full",
    errno.EIO: "disk reported an error",
    errno.EACCES: "not allowed to write",
}


def _failing(real: Callable[..., Any], code: int) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def _contents(vault: Vault) -> list[dict[str, Any]]:
    return [dict(doc) for doc in vault.collection("journal").all()]


@pytest.mark.parametrize("where", ["write", "fsync", "replace", "open"])
@pytest.mark.parametrize("code", sorted(ERRNOS))
def test_a_failed_save_is_reported_and_changes_nothing(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int
) -> None:
    journal = vault.collection("journal")
    key = journal.add({"text": "acknowledged", "tags": ["kept"]})
    before_disk = fingerprint(vault_path)
    before_memory = _contents(vault)

    with monkeypatch.context() as patch:
        patch.setattr(os, where, _failing(getattr(os, where), code))
        with pytest.raises(VaultWriteFailed, match=ERRNOS[code]):
            journal.add({"text": "not acknowledged"})
        with pytest.raises(VaultWriteFailed):
            journal.put(key, {"text": "acknowledged", "tags": ["changed in place"]})

    assert fingerprint(vault_path) == before_disk
    assert _contents(vault) == before_memory
    assert list(vault_path.parent.glob(".*.tmp")) == []
    # The vault keeps working once the disk does.
    journal.add({"text": "later"})
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert [d["text"] for d in reopened.collection("journal").all()] == ["acknowledged", "later"]


def test_a_failed_passphrase_change_keeps_the_old_passphrase(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fingerprint(vault_path)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _failing(os.replace, errno.ENOSPC))
        with pytest.raises(VaultWriteFailed):
            vault.change_passphrase(PASSPHRASE, "another passphrase entirely")
    assert fingerprint(vault_path) == before
    vault.collection("journal").add({"text": "still sealed with the old header"})
    vault.lock()
    Vault.open(vault_path, PASSPHRASE).lock()


def test_folder_flush_failure_after_rename_keeps_memory_equal_to_disk(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync
    calls = {"n": 0}

    def second_fsync_fails(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the first is the temp file, the second the folder
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", second_fsync_fails)
    with pytest.raises(VaultWriteFailed):
        vault.collection("journal").add({"text": "renamed but not confirmed"})
    monkeypatch.undo()
    in_memory = _contents(vault)
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert _contents(reopened) == in_memory
