"""The journal domain: saving, versions, removal, the record chain, and atomicity."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import PASSPHRASE, fingerprint
from tui import journal
from tui.vault import Vault, VaultWriteFailed


def test_an_edit_keeps_the_earlier_version_and_the_created_time(vault: Vault) -> None:
    first = journal.add_entry(vault, "The door was slammed.", phase="incident", where="kitchen")
    second = journal.save(vault, first.edited(text="The door was slammed twice."))
    assert second.version == 2
    assert second.created == first.created
    assert second.updated is not None
    assert [v.text for v in second.history] == ["The door was slammed."]
    assert second.history[0].where == "kitchen"
    assert journal.get(vault, first.id) == second
    assert journal.verify(vault).intact


def test_saving_without_a_change_makes_no_new_version(vault: Vault) -> None:
    first = journal.add_entry(vault, "Nothing new.")
    again = journal.save(vault, first)
    assert again.version == 1
    assert len(journal.links(vault)) == 1


def test_the_created_time_cannot_be_changed_by_an_edit(vault: Vault) -> None:
    first = journal.add_entry(vault, "Fixed.")
    edited = journal.save(vault, first.edited(text="Fixed!", created="2001-01-01T00:00:00+00:00"))
    assert edited.created == first.created


def test_delete_removes_every_version_and_leaves_a_link_without_text(vault: Vault) -> None:
    entry = journal.add_entry(vault, "secret words here")
    journal.save(vault, entry.edited(text="secret words changed"))
    journal.delete(vault, entry.id)
    assert journal.get(vault, entry.id) is None
    links = journal.links(vault)
    assert [link.action for link in links] == ["add", "edit", "delete"]
    assert "secret" not in repr([link.as_record() for link in links])
    report = journal.verify(vault)
    assert report.intact and report.removed == 1 and report.links == 3


def test_deleting_twice_says_so(vault: Vault) -> None:
    entry = journal.add_entry(vault, "once")
    journal.delete(vault, entry.id)
    with pytest.raises(journal.EntryRejected, match="no longer"):
        journal.delete(vault, entry.id)


def _reopen(vault: Vault, path: Path) -> Vault:
    vault.lock()
    return Vault.open(path, PASSPHRASE)


def test_the_chain_survives_reopening_and_names_a_stable_head(
    vault: Vault, vault_path: Path
) -> None:
    for n in range(5):
        journal.add_entry(vault, f"entry {n}")
    head = journal.verify(vault).head
    reopened = _reopen(vault, vault_path)
    report = journal.verify(reopened)
    reopened.lock()
    assert report.intact and report.head == head and report.links == 5


def _table_records(vault: Vault, table: str) -> list[tuple[int, dict[str, Any]]]:
    return vault.collection(table).items()


def _change(vault: Vault, name: str, key: int, **changes: Any) -> None:
    """What someone editing the vault's contents by hand could do."""
    documents = vault.collection(name)
    documents.put(key, {**(documents.get(key) or {}), **changes})


def test_a_changed_entry_breaks_the_chain(vault: Vault) -> None:
    entry = journal.add_entry(vault, "what was written")
    (doc_id, _), *_ = _table_records(vault, journal.TABLE)
    _change(vault, journal.TABLE, doc_id, text="what someone wished")
    report = journal.verify(vault)
    assert not report.intact
    assert entry.id[:8] in str(report.problems[0])


def test_a_removed_entry_breaks_the_chain(vault: Vault) -> None:
    journal.add_entry(vault, "one")
    two = journal.add_entry(vault, "two")
    doc_id = next(d for d, r in _table_records(vault, journal.TABLE) if r["id"] == two.id)
    vault.collection(journal.TABLE).delete(doc_id)
    assert any("removed without a record" in str(p) for p in journal.verify(vault).problems)


def test_a_dropped_earlier_version_breaks_the_chain(vault: Vault) -> None:
    entry = journal.add_entry(vault, "first words")
    journal.save(vault, entry.edited(text="second words"))
    (doc_id, _), *_ = _table_records(vault, journal.TABLE)
    _change(vault, journal.TABLE, doc_id, history=[])
    assert any("missing its version 1" in str(p) for p in journal.verify(vault).problems)


@pytest.mark.parametrize("field", ["at", "content", "prev", "seq"])
def test_a_changed_link_breaks_the_chain(vault: Vault, field: str) -> None:
    journal.add_entry(vault, "one")
    journal.add_entry(vault, "two")
    doc_id, _ = _table_records(vault, journal.CHAIN_TABLE)[0]
    changed = {"at": "2001-01-01T00:00:00+00:00", "content": "0" * 64, "prev": "1" * 64}
    value = changed.get(field, 7)
    _change(vault, journal.CHAIN_TABLE, doc_id, **{field: value})
    assert not journal.verify(vault).intact


def test_entries_from_before_the_chain_are_linked_at_the_next_save(vault: Vault) -> None:
    older = {
        "id": "f09ad297d10d4f81b1e442b35df82aee",
        "created": "2026-11-24T17:48:00+00:00",
        "occurred": "2026-11-24T17:48:00+00:00",
        "text": "written by the first Cairn",
        "phase": "calm",
        "tags": [],
    }
    vault.collection(journal.TABLE).add(older)
    before = journal.verify(vault)
    assert before.intact and before.unlinked == 1 and before.links == 0
    journal.add_entry(vault, "newer")
    after = journal.verify(vault)
    assert after.intact and after.links == 2 and after.unlinked == 0
    assert journal.get(vault, older["id"]) is not None


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failed_save_keeps_neither_the_entry_nor_its_link(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    kept = journal.add_entry(vault, "acknowledged")
    before = fingerprint(vault_path)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    with monkeypatch.context() as patch:
        patch.setattr(os, where, fail)
        with pytest.raises(VaultWriteFailed):
            journal.add_entry(vault, "not acknowledged")
        with pytest.raises(VaultWriteFailed):
            journal.save(vault, kept.edited(text="changed, not acknowledged"))
        with pytest.raises(VaultWriteFailed):
            journal.delete(vault, kept.id)
    assert fingerprint(vault_path) == before
    assert [e.text for e in journal.entries(vault)] == ["acknowledged"]
    assert len(journal.links(vault)) == 1
    assert journal.verify(vault).intact


def test_a_rejected_entry_writes_nothing(vault: Vault, vault_path: Path) -> None:
    journal.add_entry(vault, "kept")
    before = fingerprint(vault_path)
    with pytest.raises(journal.EntryRejected, match="what happened"):
        journal.add_entry(vault, "   ")
    with pytest.raises(journal.EntryRejected, match="phases"):
        journal.add_entry(vault, "x", phase="volcano")
    assert fingerprint(vault_path) == before
    assert len(journal.links(vault)) == 1


def test_daily_pages_need_a_line_and_an_event_needs_its_facts(vault: Vault) -> None:
    with pytest.raises(journal.EntryRejected, match="empty"):
        journal.save(vault, journal.new_entry(kind="daily"))
    with pytest.raises(journal.EntryRejected, match="Something happened"):
        journal.save(vault, journal.new_entry(kind="daily", today="ok", happened=True))
    page = journal.save(vault, journal.new_entry(kind="daily", today="A quiet day."))
    day = journal.local_day(page.occurred)
    assert journal.daily_page(vault, day) == page
    assert journal.has_entry_on(vault, day)


def test_tags_are_trimmed_deduplicated_and_suggested_by_use(vault: Vault) -> None:
    journal.add_entry(vault, "a", tags=("  money ", "Money", "phone"), occurred=EARLY)
    journal.add_entry(vault, "b", tags=("money",))
    assert journal.entries(vault)[1].tags == ("money", "phone")
    assert journal.tags_in_use(journal.entries(vault)) == ["money", "phone"]
    assert journal.split_tags("a, b,, a ,c d") == ("a", "b", "c d")


EARLY = "2026-01-05T08:00:00+00:00"

every_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=300).filter(
    lambda s: s.strip() != ""
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=every_text, said=st.text(max_size=80), tag=st.text(max_size=20))
def test_any_text_round_trips_exactly_through_the_disk(
    tmp_path_factory: pytest.TempPathFactory, text: str, said: str, tag: str
) -> None:
    from tests.helpers import new_vault

    path = tmp_path_factory.mktemp("v") / "vault.cairn"
    vault, _ = new_vault(path)
    tags = journal.split_tags(tag.replace(",", " "))
    saved = journal.add_entry(vault, text, said=said, tags=tags)
    vault.lock()
    with Vault.open(path, PASSPHRASE) as reopened:
        (found,) = journal.entries(reopened)
        assert (found.text, found.said, found.tags) == (text, said, saved.tags)
        assert journal.verify(reopened).intact


def test_a_one_megabyte_paste_is_kept_exactly(vault: Vault, vault_path: Path) -> None:
    text = ("[b]x[/b] \x1b[31m red \u202e\u200b 🙂\n" * 40000)[: 1024 * 1024]
    journal.add_entry(vault, text)
    reopened = _reopen(vault, vault_path)
    assert journal.entries(reopened)[0].text == text
    reopened.lock()


def test_entries_are_not_served_from_memory_once_the_vault_is_locked(vault: Vault) -> None:
    from tui.vault import VaultLocked

    journal.add_entry(vault, "kept in a cache while open")
    assert len(journal.entries(vault)) == 1
    vault.lock()
    with pytest.raises(VaultLocked):
        journal.entries(vault)
