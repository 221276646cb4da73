"""Backups, restore, read-only opening, the sealed bundle for a lawyer, and import: round
trips with attached files, on a real small tmpfs and on a FAT image, a kill -9 during a
backup, the bundle opened with the system's `age` and checked with `sha256sum -c`."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pty
import random
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, new_vault, run_cairn
from tests.tmpfs import NEEDS_ROOT, small_disk
from tui import backup, clock, journal, report
from tui.journal import attachments
from tui.vault import Vault, files

ROOT = Path(__file__).resolve().parents[2]
AGE = shutil.which("age")
NEEDS_AGE = pytest.mark.skipif(AGE is None, reason="the age command is installed by .ci/run")


@pytest.fixture
def kept(vault_path: Path, tmp_path: Path) -> Path:
    """A locked vault with two entries, one changed, and two files attached to it."""
    vault, _ = new_vault(vault_path)
    first = journal.add_entry(vault, "He took my keys.", felt="Scared.", tags=("car",))
    journal.save(vault, first.edited(text="He took my keys and my phone."))
    journal.add_entry(vault, "A calm day.")
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(5000))
    photo = tmp_path / "wrist.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + random.Random(2).randbytes(files.CHUNK + 99))
    attachments.attach(vault, [shot, photo], entry=first, note="sent at 21:04")
    vault.lock()
    return vault_path


def _cairn(*args: str, lines: tuple[str, ...] = (PASSPHRASE,)) -> tuple[int, str, str]:
    done = run_cairn(*args, lines=lines)
    return done.code, done.out, done.err


def _contents(
    path: Path, secret: str = PASSPHRASE
) -> tuple[list[dict[str, object]], dict[str, bytes]]:
    with Vault.open(path, secret, read_only=True) as vault:
        entries = [e.full_record() for e in sorted(journal.entries(vault), key=lambda e: e.id)]
        found = {a.sha256: b"".join(attachments.read(vault, a)) for a in attachments.every(vault)}
    return entries, found


# -- backup and restore ---------------------------------------------------------------------


def test_backup_then_restore_gives_back_everything(kept: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = _cairn("backup", "--to", str(stick), "--vault", str(kept))
    assert code == 0, err
    assert "read back and checked" in out and "2 attached files" in out
    (copy,) = backup.backups_in(stick)
    target = tmp_path / "elsewhere" / "vault.cairn"
    code, out, err = _cairn("restore", str(copy), "--vault", str(target))
    assert code == 0, err
    assert "2 entries and 2 attached files" in out
    assert _contents(target) == _contents(kept)
    code, out, _ = _cairn("check", "--vault", str(target))
    assert code == 0 and "Every attached file matches" in out


def test_backup_keeps_the_last_copies_and_says_the_space(kept: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    for _ in range(4):
        code, out, err = _cairn("backup", "--to", str(stick), "--keep", "2", "--vault", str(kept))
        assert code == 0, err
    copies = backup.backups_in(stick)
    assert len(copies) == 2 and len(list(stick.iterdir())) == 2
    assert "Copies kept there: 2; 1 older removed; they use" in out
    with Vault.open(kept, PASSPHRASE) as vault:
        assert backup.last_backup(vault) is not None  # for home's reminder


@pytest.mark.parametrize("where", ["file", "missing", "inside"])
def test_a_place_that_cannot_take_a_backup_is_one_sentence(
    kept: Path, tmp_path: Path, where: str
) -> None:
    target = {
        "file": tmp_path / "shot.png",
        "missing": tmp_path / "no-such-folder",
        "inside": kept.parent,
    }[where]
    before = sorted(p.name for p in kept.parent.iterdir())
    code, out, err = _cairn("backup", "--to", str(target), "--vault", str(kept))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "nothing was copied" in err.lower() or "Nothing was copied" in err
    assert sorted(p.name for p in kept.parent.iterdir()) == before


@NEEDS_ROOT
def test_a_full_or_read_only_stick_keeps_the_copies_already_there(
    kept: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "stick", size="12m") as stick:
        code, _, err = _cairn("backup", "--to", str(stick.mount_point), "--vault", str(kept))
        assert code == 0, err
        (first,) = backup.backups_in(stick.mount_point)
        stick.fill()
        code, _out, err = _cairn("backup", "--to", str(stick.mount_point), "--vault", str(kept))
        assert code == 6 and len(err.strip().splitlines()) == 1
        assert "The disk is full, so nothing was copied" in err
        assert backup.backups_in(stick.mount_point) == [first]
        assert sorted(p.name for p in stick.mount_point.iterdir()) == [first.name, "filler"]
        stick.free()
        stick.read_only()
        code, _, err = _cairn("backup", "--to", str(stick.mount_point), "--vault", str(kept))
        assert code == 6 and "read-only" in err
        stick.read_only(False)
        target = tmp_path / "restored" / "vault.cairn"
        assert _cairn("restore", str(first), "--vault", str(target))[0] == 0
        assert _contents(target) == _contents(kept)


def _fat_image(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or not shutil.which("fusefat") or not shutil.which("mkfs.vfat"):
        pytest.skip("a FAT image needs root, mkfs.vfat and fusefat (.ci/run installs them)")
    if not os.path.exists("/dev/fuse"):
        pytest.skip("a FAT image is mounted through FUSE, and this machine has no /dev/fuse")
    image, mount = tmp_path / "fat.img", tmp_path / "fat"
    with image.open("wb") as out:
        out.truncate(48 * 1024 * 1024)
    subprocess.run(["mkfs.vfat", str(image)], check=True, capture_output=True)
    mount.mkdir()
    subprocess.run(
        ["fusefat", "-o", "rw+", str(image), str(mount)], check=True, capture_output=True
    )
    try:
        yield mount
    finally:
        subprocess.run(["fusermount", "-u", str(mount)], check=False, capture_output=True)


@pytest.fixture
def fat_stick(tmp_path: Path) -> Iterator[Path]:
    yield from _fat_image(tmp_path)


def test_a_stick_formatted_fat_takes_a_sealed_backup_and_says_what_that_means(
    kept: Path, tmp_path: Path, fat_stick: Path
) -> None:
    code, out, err = _cairn("backup", "--to", str(fat_stick), "--vault", str(kept))
    assert code == 0, err
    assert "cannot keep files private" in out and "not what is in them" in out
    (copy,) = backup.backups_in(fat_stick)
    # Read straight from the stick, writing nothing there.
    before = sorted(p.name for p in copy.iterdir())
    code, out, err = _cairn("check", "--read-only", "--vault", str(copy / kept.name))
    assert code == 0 and "Opened read-only" in err
    assert sorted(p.name for p in copy.iterdir()) == before
    target = tmp_path / "restored" / "vault.cairn"
    assert _cairn("restore", str(copy), "--vault", str(target))[0] == 0
    assert _contents(target) == _contents(kept)


@pytest.mark.slow
def test_kill_9_during_a_backup_leaves_the_copy_before_it_whole(
    vault_path: Path, tmp_path: Path
) -> None:
    vault, _ = new_vault(vault_path)
    journal.add_entry(vault, "before")
    big = tmp_path / "clip.bin"
    big.write_bytes(os.urandom(40 * 1024 * 1024))
    attachments.attach(vault, [big])
    vault.lock()
    stick = tmp_path / "stick"
    stick.mkdir()
    assert _cairn("backup", "--to", str(stick), "--vault", str(vault_path))[0] == 0
    (first,) = backup.backups_in(stick)
    rng = random.Random(7)
    for _ in range(5):
        read_end, write_end = os.pipe()
        os.write(write_end, f"{PASSPHRASE}\n".encode())
        os.close(write_end)
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "backup", "--to", str(stick), "--vault",
             str(vault_path), "--passphrase-fd", str(read_end)],
            pass_fds=(read_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
        )  # fmt: skip
        os.close(read_end)
        # Until the copy under way shows in the stick, then a random moment more.
        deadline = time.monotonic() + 30
        while len(list(stick.iterdir())) < 2 and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.001)
        time.sleep(rng.random() * 0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert first in backup.backups_in(stick)
        for copy in backup.backups_in(stick):  # every copy that looks whole is whole
            with Vault.open(copy / vault_path.name, PASSPHRASE, read_only=True) as opened:
                assert journal.verify(opened).intact
                assert attachments.check_all(opened).problems == []
    # The next backup removes what was cut short and keeps the copies before it.
    assert _cairn("backup", "--to", str(stick), "--vault", str(vault_path))[0] == 0
    assert all(backup._is_whole(c) for c in stick.iterdir())
    assert first in backup.backups_in(stick)


def test_a_damaged_or_partial_backup_is_not_restored(kept: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    assert _cairn("backup", "--to", str(stick), "--vault", str(kept))[0] == 0
    (copy,) = backup.backups_in(stick)
    sealed = next((copy / f"{kept.name}.files").iterdir())
    data = bytearray(sealed.read_bytes())
    data[200] ^= 1
    sealed.write_bytes(bytes(data))
    target = tmp_path / "restored" / "vault.cairn"
    code, _, err = _cairn("restore", str(copy), "--vault", str(target))
    assert code == 4 and "does not check out" in err and not target.exists(), err
    sealed.unlink()
    code, _, err = _cairn("restore", str(copy), "--vault", str(target))
    assert code == 4 and "missing" in err and not target.exists()
    code, _, err = _cairn("restore", str(tmp_path / "nothing"), "--vault", str(target))
    assert code == 2 and "There is no backup" in err


def test_restore_never_replaces_a_vault_unless_asked_and_never_an_open_one(
    kept: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    assert _cairn("backup", "--to", str(stick), "--vault", str(kept))[0] == 0
    (copy,) = backup.backups_in(stick)
    other = tmp_path / "other" / "vault.cairn"
    new_vault(other)[0].lock()
    before = other.read_bytes()
    code, _, err = _cairn("restore", str(copy), "--vault", str(other))
    assert code == 2 and "already exists" in err and other.read_bytes() == before
    with Vault.open(other, PASSPHRASE):
        code, _, err = _cairn("restore", str(copy), "--vault", str(other), "--force")
        assert code == 5 and other.read_bytes() == before
    assert _cairn("restore", str(copy), "--vault", str(other), "--force")[0] == 0
    assert _contents(other) == _contents(kept)


# -- read-only ------------------------------------------------------------------------------


def test_read_only_writes_nothing_beside_the_vault(kept: Path) -> None:
    os.chmod(kept, 0o644)  # as on a stick whose modes cannot be private
    (kept.parent / f"{kept.name}.lock").unlink()
    before = sorted(p.name for p in kept.parent.iterdir())
    code, _out, err = _cairn("check", "--read-only", "--vault", str(kept))
    assert code == 0 and "Opened read-only" in err
    code, _, _ = _cairn("check", "--read-only", "--vault", str(kept), lines=("wrong passphrase",))
    assert code == 3
    assert sorted(p.name for p in kept.parent.iterdir()) == before  # no lock, no attempts
    for command in (["log"], ["attach", str(kept)], ["passwd"], ["import", str(kept)]):
        code, _, err = _cairn(*command, "--read-only", "--vault", str(kept))
        assert code == 2 and "--read-only opens the vault for reading" in err
    code, _, err = _cairn("check", "--vault", str(kept))
    assert code == 4 and "chmod 600" in err  # written to, it must be private again


# -- the sealed bundle ----------------------------------------------------------------------


def _open_bundle(sealed: Path, key: Path, into: Path) -> Path:
    assert AGE is not None
    into.mkdir()
    plain = into / "record.tar"
    done = subprocess.run(
        [AGE, "-d", "-i", str(key), "-o", str(plain), str(sealed)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    with tarfile.open(plain) as archive:
        archive.extractall(into, filter="data")
    plain.unlink()
    (folder,) = [p for p in into.iterdir() if p.is_dir()]
    return folder


@NEEDS_AGE
def test_a_bundle_opens_with_the_age_command_and_checks_with_sha256sum(
    kept: Path, tmp_path: Path
) -> None:
    key = tmp_path / "lawyer.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = next(
        line.split(": ")[1] for line in key.read_text().splitlines() if "public key" in line
    )
    sealed = tmp_path / "for-the-lawyer.age"
    code, _out, err = _cairn(
        "export", "--format", "bundle", "--to-age", recipient, "--out", str(sealed),
        "--vault", str(kept),
    )  # fmt: skip
    assert code == 0, err
    assert sealed.read_bytes().startswith(b"age-encryption.org/v1")
    folder = _open_bundle(sealed, key, tmp_path / "opened")
    checked = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": OK") == 7  # README, manifest, 2 reports, JSON, 2 exhibits
    manifest = json.loads((folder / "manifest.json").read_text())
    exhibits = sorted((folder / "exhibits").iterdir())
    assert [p.name for p in exhibits] == ["01-shot.png", "02-wrist.jpg"]
    with Vault.open(kept, PASSPHRASE) as vault:
        originals = {a.sha256 for a in attachments.every(vault)}
        head = journal.verify(vault).head
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in exhibits} == originals
    assert manifest["chain_head"] == head and head in (folder / "report.html").read_text()
    assert "Exhibit 2" in (folder / "report.md").read_text()
    assert "age -d -i" in (folder / "README.txt").read_text()
    # Nothing of it was ever on disk unencrypted beside the vault or the bundle.
    for leftover in (*kept.parent.iterdir(), *tmp_path.glob(".*.tmp")):
        assert b"He took my keys" not in leftover.read_bytes() if leftover.is_file() else True


@NEEDS_AGE
def test_a_bundle_sealed_with_a_passphrase_opens_with_age_at_its_prompt(
    kept: Path, tmp_path: Path
) -> None:
    sealed = tmp_path / "bundle.age"
    code, _, err = _cairn(
        "export", "--format", "bundle", "--to-passphrase", "--without-felt", "--out",
        str(sealed), "--vault", str(kept),
        lines=(PASSPHRASE, "a separate bundle passphrase", "a separate bundle passphrase"),
    )  # fmt: skip
    assert code == 0, err
    assert AGE is not None
    plain = tmp_path / "record.tar"
    pid, terminal = pty.fork()
    if pid == 0:  # age reads a passphrase only from a terminal
        os.execv(AGE, [AGE, "-d", "-o", str(plain), str(sealed)])
    said = b""
    deadline = time.monotonic() + 60
    while b"passphrase" not in said.lower():
        assert time.monotonic() < deadline, said
        with contextlib.suppress(OSError):
            said += os.read(terminal, 1024)
    os.write(terminal, b"a separate bundle passphrase\r")
    with contextlib.suppress(OSError):
        while os.read(terminal, 1024):
            pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    with tarfile.open(plain) as archive:
        names = archive.getnames()
        text = b"".join(
            archive.extractfile(m).read()  # type: ignore[union-attr]
            for m in archive.getmembers()
            if m.isfile() and not m.name.endswith((".png", ".jpg"))
        )
    assert any(name.endswith("SHA256SUMS") for name in names)
    assert b"He took my keys" in text and b"Scared." not in text  # "How I felt" left out


def test_a_recipient_that_does_not_parse_is_one_sentence_and_writes_nothing(
    kept: Path, tmp_path: Path
) -> None:
    sealed = tmp_path / "b.age"
    for recipient in ("age1notakey", "ssh-ed25519 AAAAnot", "\x1b[31mred"):
        code, out, err = _cairn(
            "export", "--format", "bundle", "--to-age", recipient, "--out", str(sealed),
            "--vault", str(kept), lines=(),
        )  # fmt: skip
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
        assert "\x1b" not in err and not sealed.exists()
    code, _, err = _cairn(
        "export", "--format", "bundle", "--out", str(sealed), "--vault", str(kept), lines=()
    )
    assert code == 2 and "either to the recipient's key" in err


def test_a_damaged_attached_file_stops_the_bundle_and_leaves_nothing(
    kept: Path, tmp_path: Path
) -> None:
    from tui import bundle
    from tui.vault import FileDamaged
    from tui.vault import age as sealing

    folder = files.folder_of(kept)
    victim = next(folder.iterdir())
    data = bytearray(victim.read_bytes())
    data[-5] ^= 1
    victim.write_bytes(bytes(data))
    identity = __import__("pyrage").x25519.Identity.generate()
    out = tmp_path / "b.age"
    with Vault.open(kept, PASSPHRASE) as vault, pytest.raises(FileDamaged):
        bundle.make_bundle(
            vault, out, report.Choice(), recipients=[sealing.recipient(str(identity.to_public()))]
        )
    assert not out.exists() and not list(tmp_path.glob(".b.age.*"))


# -- import ---------------------------------------------------------------------------------


def _report_without_times(path: Path) -> str:
    with Vault.open(path, PASSPHRASE, read_only=True) as vault:
        text = report.to_markdown(report.collect(vault, report.Choice()))
    # What differs by design: when the report and the chain were made (the chain is rebuilt,
    # with a link for the import) and when each file was added to this vault.
    drop = ("- Made:", "- Chain head", "- Links in", "- Added to the journal", "To check it later")
    return "\n".join(line for line in text.splitlines() if not line.startswith(drop))


def test_moving_to_a_new_computer_keeps_every_entry_and_version(kept: Path, tmp_path: Path) -> None:
    exported = tmp_path / "all.json"
    assert (
        _cairn("export", "--format", "json", "--out", str(exported), "--vault", str(kept))[0] == 0
    )
    moved = tmp_path / "new-computer" / "vault.cairn"
    new_vault(moved)[0].lock()
    code, out, err = _cairn("import", str(exported), "--vault", str(moved))
    assert code == 0, err
    assert "Imported 2 entries" in out and "2 attached files described in it were not found" in out
    with (
        Vault.open(moved, PASSPHRASE) as vault,
        Vault.open(kept, PASSPHRASE, read_only=True) as old,
    ):
        assert [e.full_record() for e in journal.entries(vault)] == [
            e.full_record() for e in journal.entries(old)
        ]
        chain = journal.verify(vault)
        assert chain.intact and journal.links(vault)[-1].action == "import"
    code, out, _ = _cairn("import", str(exported), "--vault", str(moved))
    assert code == 0 and "2 entries were already in this vault" in out


@NEEDS_AGE
def test_a_bundle_moves_entries_and_files_and_the_report_reads_the_same(
    kept: Path, tmp_path: Path
) -> None:
    key = tmp_path / "k.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = next(
        line.split(": ")[1] for line in key.read_text().splitlines() if "public key" in line
    )
    sealed = tmp_path / "b.age"
    assert _cairn(
        "export", "--format", "bundle", "--to-age", recipient, "--out", str(sealed),
        "--vault", str(kept),
    )[0] == 0  # fmt: skip
    folder = _open_bundle(sealed, key, tmp_path / "opened")
    moved = tmp_path / "moved" / "vault.cairn"
    new_vault(moved)[0].lock()
    code, out, err = _cairn("import", str(folder / "journal.json"), "--vault", str(moved))
    assert code == 0, err
    assert "kept again: 2" in out
    assert _contents(moved) == _contents(kept)
    assert _report_without_times(moved) == _report_without_times(kept)


@pytest.mark.parametrize("damage", ["text", "newer", "not-json", "not-cairn"])
def test_an_import_file_that_cannot_be_trusted_is_refused_and_nothing_written(
    kept: Path, tmp_path: Path, damage: str
) -> None:
    exported = tmp_path / "all.json"
    assert (
        _cairn("export", "--format", "json", "--out", str(exported), "--vault", str(kept))[0] == 0
    )
    document = json.loads(exported.read_text())
    if damage == "text":
        document["journal"][0]["text"] = "what someone wished it said"
    elif damage == "newer":
        document["version"] = 99
    elif damage == "not-cairn":
        document["format"] = "something-else"
    exported.write_text("{not json" if damage == "not-json" else json.dumps(document))
    moved = tmp_path / "moved" / "vault.cairn"
    new_vault(moved)[0].lock()
    before = moved.read_bytes()
    code, out, err = _cairn("import", str(exported), "--vault", str(moved))
    assert code == {"text": 7, "newer": 4, "not-json": 2, "not-cairn": 2}[damage]
    assert out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert moved.read_bytes() == before


def test_home_mentions_an_old_backup_only_when_asked(kept: Path, tmp_path: Path) -> None:
    from screens.home import _notice
    from tui.config import Settings
    from tui.session import Session

    with Vault.open(kept, PASSPHRASE) as vault:

        def notice(days: int) -> str:
            settings = Settings(backup_reminder_days=days, keys={"home-backup": "u"})
            return _notice(Session(settings=settings, vault_path=kept, vault=vault), today)

        today = clock.today()
        assert notice(0) == ""  # off by default: a reminder can be seen
        assert "No backup has been made yet. U backs up now." in notice(7)  # the keymap's key
        stick = tmp_path / "stick"
        stick.mkdir()
        made = backup.make_backup(vault, stick, now=clock.now())
        backup.record_backup(vault, made, "2026-01-01T10:00:00+00:00")
        assert "more than 7 days ago" in notice(7)
        backup.record_backup(vault, made, journal.now())
        assert notice(7) == ""
