"""A full disk (which another account can cause on a shared disk) or a read-only one, made
for real with a small tmpfs: opening, checking, reading and exporting to standard output
still work; every save says in one sentence why it cannot, and nothing changes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, Result, fingerprint, new_vault, run_cairn
from tests.tmpfs import NEEDS_ROOT, SmallDisk, small_disk
from tui import journal, safety_plan
from tui.vault.lock import lock_path

pytestmark = NEEDS_ROOT


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk(tmp_path / "disk") as mounted:
        yield mounted


@pytest.fixture
def vault_on_disk(disk: SmallDisk) -> Path:
    path = disk.mount_point / "private" / "vault.cairn"
    vault, _ = new_vault(path)
    journal.add_entry(vault, "CANARY what happened on Monday")
    people = safety_plan.load(vault).section("people")
    safety_plan.save_section(vault, replace(people, notes="Ana, who knows the code word"))
    vault.lock()
    return path


def _cairn(
    vault: Path, *args: str, lines: tuple[str, ...] = (PASSPHRASE,), stdin: bytes = b""
) -> Result:
    return run_cairn(*args, "--vault", str(vault), lines=lines, stdin=stdin)


def _reads_still_work(vault: Path) -> None:
    checked = _cairn(vault, "check")
    assert checked.code == 0, checked.err
    assert "Journal entries: 1" in checked.out
    plan = _cairn(vault, "export", "--format", "plan-text")
    assert plan.code == 0, plan.err
    assert "Ana" in plan.out
    report = _cairn(vault, "export", "--format", "markdown")
    assert report.code == 0 and "CANARY what happened on Monday" in report.out


def test_a_full_disk_still_lets_the_person_read(disk: SmallDisk, vault_on_disk: Path) -> None:
    disk.fill()
    before = fingerprint(vault_on_disk)
    _reads_still_work(vault_on_disk)

    logged = _cairn(vault_on_disk, "log", stdin=b"not saved")
    assert logged.code == 6
    assert logged.err == "The disk is full, so nothing was saved; free some space and try again.\n"
    wrong = _cairn(vault_on_disk, "check", lines=("a wrong guess",))
    assert wrong.code == 3 and wrong.err.count("\n") == 1
    changed = _cairn(vault_on_disk, "passwd", lines=(PASSPHRASE, "another one", "another one"))
    assert changed.code == 6 and "disk is full" in changed.err
    out = vault_on_disk.parent / "report.md"
    written = _cairn(vault_on_disk, "export", "--format", "markdown", "--out", str(out))
    assert written.code == 6 and not out.exists()
    assert fingerprint(vault_on_disk) == before

    disk.free()  # and once there is room, everything works again
    assert _cairn(vault_on_disk, "log", stdin=b"saved later").code == 0
    assert _cairn(vault_on_disk, "check").out.count("Journal entries: 2") == 1


@pytest.mark.parametrize("lock_file", ["kept", "missing"])
def test_a_read_only_disk_still_lets_the_person_read(
    disk: SmallDisk, vault_on_disk: Path, lock_file: str
) -> None:
    if lock_file == "missing":
        lock_path(vault_on_disk).unlink()
    disk.read_only()
    try:
        _reads_still_work(vault_on_disk)
        logged = _cairn(vault_on_disk, "log", stdin=b"not saved")
        assert logged.code == 6
        assert logged.err == (
            "Nothing was saved: the vault is open for reading only, because the disk is "
            "read-only.\n"
        )
        made = run_cairn(
            "init",
            "--vault",
            str(vault_on_disk.parent / "second.cairn"),
            lines=(PASSPHRASE, PASSPHRASE),
        )
        assert made.code == 6 and "read-only" in made.err and made.err.count("\n") == 1
    finally:
        disk.read_only(False)
