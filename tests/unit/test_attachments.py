"""Attached files: byte-for-byte round trips, sealed apart from the vault body, bound to
their vault and id, durable before the record that names them, tidied after a crash, in the
record chain, checked by `cairn check`, listed as exhibits in every report format."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, new_vault, run_cairn
from tests.tmpfs import NEEDS_ROOT, small_disk
from tui import export, journal, report
from tui.journal import attachments
from tui.vault import FileDamaged, FileRefused, Vault, VaultWriteFailed, files

ROOT = Path(__file__).resolve().parents[2]
CHUNK = files.CHUNK


def _source(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _attach(vault: Vault, *paths: Path, note: str = "") -> list[journal.Attachment]:
    _, added = attachments.attach(vault, list(paths), note=note)
    return added


def _read_back(vault: Vault, attachment: journal.Attachment) -> bytes:
    return b"".join(attachments.read(vault, attachment))


@pytest.mark.parametrize(
    "size",
    [0, 1, 17, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5],
    ids=lambda size: f"{size}-bytes",
)
def test_binary_files_round_trip_byte_for_byte(
    vault: Vault, vault_path: Path, tmp_path: Path, size: int
) -> None:
    data = random.Random(size).randbytes(size)
    (added,) = _attach(vault, _source(tmp_path, "f.bin", data))
    assert added.size == size and added.sha256 == hashlib.sha256(data).hexdigest()
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        (kept,) = attachments.every(reopened)
        assert _read_back(reopened, kept) == data
    sealed = list(files.folder_of(vault_path).iterdir())
    assert len(sealed) == 1 and sealed[0].stat().st_mode & 0o777 == 0o600
    assert files.folder_of(vault_path).stat().st_mode & 0o777 == 0o700
    # Every message but the last is a whole chunk; the last is tagged FINAL (checked by
    # reading it back above); the size on disk follows from that.
    messages = max(1, -(-size // CHUNK))  # an exact multiple ends on a full FINAL message
    header = files.PREAMBLE.size + files.HEADER_BYTES
    assert sealed[0].stat().st_size == header + size + messages * files.ABYTES
    assert files.sealed_size(size) == sealed[0].stat().st_size


@pytest.mark.slow
def test_a_200_megabyte_file_round_trips(vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "video.mp4"
    digest = hashlib.sha256()
    rng = random.Random(200)
    with source.open("wb") as out:
        for _ in range(200):
            block = rng.randbytes(1024 * 1024)
            digest.update(block)
            out.write(block)
    (added,) = _attach(vault, source)
    assert added.sha256 == digest.hexdigest() and added.size == 200 * 1024 * 1024
    check = attachments.check_all(vault)
    assert check.checked == 1 and check.problems == []


def test_names_with_control_characters_and_bidi_marks_are_kept_and_shown_literally(
    vault_path: Path, tmp_path: Path
) -> None:
    vault, _ = new_vault(vault_path)
    vault.lock()
    name = "photo\u202egnp.exe\x1b[31m"
    source = _source(tmp_path, name, b"\xff\xd8\xffdata")
    done = run_cairn("attach", str(source), "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    assert "\u202e" not in done.out and "\x1b" not in done.out + done.err
    assert done.out.rstrip().endswith("  photo<U+202E>gnp.exe\u241b[31m")
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        (kept,) = attachments.every(reopened)
        assert kept.name == name  # kept exactly; only how it is shown changes
        markdown = report.to_markdown(report.collect(reopened, report.Choice()))
        html = report.to_html(report.collect(reopened, report.Choice()))
    assert "\u202e" not in markdown + html and "\x1b" not in markdown + html


def test_the_cli_prints_one_line_per_file_with_its_id_and_sha256(
    vault_path: Path, tmp_path: Path
) -> None:
    vault, _ = new_vault(vault_path)
    entry = journal.add_entry(vault, "He sent these.")
    vault.lock()
    shot = _source(tmp_path, "shot.png", b"\x89PNG\r\n\x1a\n" + b"1" * 50)
    photo = _source(tmp_path, "photo.jpg", b"\xff\xd8\xff" + b"2" * 70)
    done = run_cairn(
        "attach",
        str(shot),
        str(photo),
        "--entry",
        entry.id[:8],
        "--note",
        "from the phone",
        "--vault",
        str(vault_path),
        lines=(PASSPHRASE,),
    )
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert len(lines) == 2
    for line, path in zip(lines, (shot, photo), strict=True):
        attachment_id, digest, name = line.split("  ")
        assert len(attachment_id) == 32 and name == path.name
        assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "Cairn does not delete them" in done.err
    assert shot.exists() and photo.exists()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        kept = attachments.of_entry(reopened, entry.id)
        assert [k.type for k in kept] == ["image/png", "image/jpeg"]
        assert {k.note for k in kept} == {"from the phone"}
        assert journal.count(reopened) == 1


def test_without_an_entry_a_new_one_says_what_was_attached(
    vault_path: Path, tmp_path: Path
) -> None:
    vault, _ = new_vault(vault_path)
    vault.lock()
    letter = _source(tmp_path, "letter.pdf", b"%PDF-1.7 ...")
    done = run_cairn("attach", str(letter), "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        (entry,) = journal.entries(reopened)
        assert entry.text == "Attached 1 file: letter.pdf"
        assert [a.entry for a in attachments.every(reopened)] == [entry.id]


@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "missing"])
def test_what_is_not_a_regular_file_is_refused_in_one_sentence(
    vault_path: Path, tmp_path: Path, kind: str
) -> None:
    vault, _ = new_vault(vault_path)
    vault.lock()
    target = {"folder": tmp_path, "device": Path("/dev/zero"), "missing": tmp_path / "none"}.get(
        kind, tmp_path / "pipe"
    )
    if kind == "fifo":
        os.mkfifo(target)
    started = time.monotonic()
    done = run_cairn("attach", str(target), "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert time.monotonic() - started < 30  # a FIFO with no writer never hangs it
    assert done.code == 2 and done.out == ""
    assert len(done.err.strip().splitlines()) == 1 and "Traceback" not in done.err
    assert "nothing was attached" in done.err
    assert not files.folder_of(vault_path).exists()


def test_a_file_over_the_limit_is_refused_and_nothing_is_kept(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    big = _source(tmp_path, "big.bin", b"x" * 1001)
    with pytest.raises(FileRefused, match="larger than"):
        _attach(vault, big)
    assert attachments.every(vault) == [] and journal.count(vault) == 0


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", CHUNK + 10)
    growing = _source(tmp_path, "growing.bin", b"x" * CHUNK)
    real_read = files._read_full

    def read_and_grow(fd: int, size: int) -> bytes:
        with growing.open("ab") as more:
            more.write(b"y" * 100)
        return real_read(fd, size)

    monkeypatch.setattr(files, "_read_full", read_and_grow)
    with pytest.raises(FileRefused):
        _attach(vault, growing)
    assert files.names_in(vault.files_folder) == set()
    assert not list(vault.files_folder.glob(".*.tmp"))


def test_all_or_nothing_when_one_of_several_files_is_refused(vault: Vault, tmp_path: Path) -> None:
    good = _source(tmp_path, "good.png", b"\x89PNG\r\n\x1a\nok")
    with pytest.raises(FileRefused):
        _attach(vault, good, tmp_path / "missing.png")
    assert attachments.every(vault) == [] and journal.count(vault) == 0
    assert files.names_in(vault.files_folder) == set()


# -- sealed, bound, refused when changed ----------------------------------------------------


def _sealed_path(vault: Vault, attachment: journal.Attachment) -> Path:
    return vault.files_folder / attachment.file


def _damage_check(vault_path: Path) -> tuple[int, str]:
    done = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    return done.code, done.out + done.err


@pytest.fixture
def two_files(vault_path: Path, tmp_path: Path) -> tuple[Path, list[journal.Attachment]]:
    vault, _ = new_vault(vault_path)
    added = _attach(
        vault,
        _source(tmp_path, "a.png", b"\x89PNG\r\n\x1a\n" + os.urandom(CHUNK + 300)),
        _source(tmp_path, "b.jpg", b"\xff\xd8\xff" + os.urandom(5000)),
    )
    vault.lock()
    return vault_path, added


def test_check_passes_when_every_file_matches(
    two_files: tuple[Path, list[journal.Attachment]],
) -> None:
    code, said = _damage_check(two_files[0])
    assert code == 0, said
    assert "Attached files: 2" in said and "Every attached file matches" in said


@pytest.mark.parametrize("where", ["header", "first message", "last byte"])
def test_a_flipped_byte_is_refused(
    two_files: tuple[Path, list[journal.Attachment]], where: str
) -> None:
    vault_path, (first, _) = two_files
    sealed = files.folder_of(vault_path) / first.file
    data = bytearray(sealed.read_bytes())
    offset = {"header": 12, "first message": 100, "last byte": len(data) - 1}[where]
    data[offset] ^= 0x01
    sealed.write_bytes(bytes(data))
    code, said = _damage_check(vault_path)
    assert code == 4 and f"The attached file {first.id[:8]} (a.png" in said
    with Vault.open(vault_path, PASSPHRASE) as vault, pytest.raises(FileDamaged):
        _read_back(vault, first)


@pytest.mark.parametrize("keep", [0, 10, files.PREAMBLE.size + files.HEADER_BYTES, CHUNK + 17])
def test_a_truncated_file_is_refused(
    two_files: tuple[Path, list[journal.Attachment]], keep: int
) -> None:
    vault_path, (first, _) = two_files
    sealed = files.folder_of(vault_path) / first.file
    sealed.write_bytes(sealed.read_bytes()[:keep])
    code, said = _damage_check(vault_path)
    assert code == 4 and "cut short" in said


def test_bytes_after_the_end_are_refused(two_files: tuple[Path, list[journal.Attachment]]) -> None:
    vault_path, (_, second) = two_files
    sealed = files.folder_of(vault_path) / second.file
    sealed.write_bytes(sealed.read_bytes() + b"\0")
    code, said = _damage_check(vault_path)
    assert code == 4 and "bytes after its end" in said


def test_a_missing_file_is_reported(two_files: tuple[Path, list[journal.Attachment]]) -> None:
    vault_path, (first, _) = two_files
    (files.folder_of(vault_path) / first.file).unlink()
    code, said = _damage_check(vault_path)
    assert code == 4 and "missing" in said


def test_a_swapped_pair_of_sealed_files_is_refused(
    two_files: tuple[Path, list[journal.Attachment]],
) -> None:
    vault_path, (first, second) = two_files
    folder = files.folder_of(vault_path)
    a, b = folder / first.file, folder / second.file
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)
    b.write_bytes(a_bytes)
    code, said = _damage_check(vault_path)
    assert code == 4 and said.count("does not check out:") == 2


def test_a_sealed_file_moved_to_another_vault_is_refused(
    two_files: tuple[Path, list[journal.Attachment]], tmp_path: Path
) -> None:
    """Even with the right key: the vault's file id is bound into every message."""
    vault_path, (first, _) = two_files
    other_path = tmp_path / "other" / "vault.cairn"
    other, _ = new_vault(other_path)
    files.prepare(other.files_folder)
    shutil.copy(files.folder_of(vault_path) / first.file, other.files_folder / first.file)
    with pytest.raises(FileDamaged, match="not this attachment"):
        b"".join(other.open_file(first.sealed))
    other.lock()


def test_a_sealed_file_named_for_another_attachment_is_refused(
    two_files: tuple[Path, list[journal.Attachment]],
) -> None:
    """The attachment id is bound too: the same key under another id does not open."""
    vault_path, (first, _) = two_files
    with Vault.open(vault_path, PASSPHRASE) as vault:
        relabelled = first.sealed.__class__(
            files.new_id(), first.file, first.key, first.size, first.sha256, 0
        )
        with pytest.raises(FileDamaged):
            b"".join(vault.open_file(relabelled))


def test_nothing_on_disk_holds_the_attached_bytes_in_plaintext(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    canary = b"CANARY-9f3b2-attached-words-" * 1000
    source = _source(tmp_path, "canary-name-7731.txt", canary)
    _attach(vault, source, note="canary-note-5521")
    vault.change_passphrase(PASSPHRASE, "a new passphrase for the canary")
    source.unlink()
    vault.lock()
    for path in vault_path.parent.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (b"CANARY-9f3b2", b"canary-name-7731", b"canary-note-5521"):
                assert secret not in data, path


def test_a_change_of_passphrase_keeps_every_file_readable(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    (added,) = _attach(vault, _source(tmp_path, "x.bin", b"kept across a re-key"))
    before = {p.name: p.read_bytes() for p in vault.files_folder.iterdir()}
    vault.change_passphrase(PASSPHRASE, "another passphrase entirely")
    vault.lock()
    # The sealed files were not rewritten: their keys live in the re-sealed vault body.
    assert {p.name: p.read_bytes() for p in files.folder_of(vault_path).iterdir()} == before
    with Vault.open(vault_path, "another passphrase entirely") as reopened:
        assert _read_back(reopened, attachments.get(reopened, added.id)) == b"kept across a re-key"


# -- crashes and full disks -----------------------------------------------------------------


@pytest.mark.slow
def test_kill_9_while_attaching_never_lists_half_an_attachment(
    vault_path: Path, tmp_path: Path
) -> None:
    vault, _ = new_vault(vault_path)
    vault.lock()
    source = _source(tmp_path, "clip.bin", random.Random(9).randbytes(3 * CHUNK + 123))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    rng = random.Random(99)
    acknowledged: set[str] = set()
    for _ in range(8):
        attacher = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.unit.attacher_process",
                str(vault_path),
                PASSPHRASE,
                str(source),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert attacher.stdout is not None
        assert attacher.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(1, 3)):
            acknowledged.add(attacher.stdout.readline().strip())
        time.sleep(rng.random() * 0.05)  # a random point in the next attachment
        attacher.send_signal(signal.SIGKILL)
        attacher.wait(timeout=30)
        with Vault.open(vault_path, PASSPHRASE) as vault:  # the lock holder tidies at open
            kept = {a.id: a for a in attachments.every(vault)}
            assert acknowledged <= kept.keys()
            assert {a.sha256 for a in kept.values()} == {digest}
            assert files.names_in(vault.files_folder) == {a.file for a in kept.values()}
            assert not list(vault.files_folder.glob(".*.tmp"))
            assert journal.verify(vault).intact
            assert attachments.check_all(vault).problems == []


def test_a_crash_between_the_sealed_file_and_its_record_leaves_nothing(
    vault: Vault, vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if the process died after sealing: the record never came, the file is named as
    unfinished inside the vault, and the next open removes it."""
    source = _source(tmp_path, "x.bin", b"sealed, never recorded")
    vault.seal_files([source])
    assert len(files.names_in(vault.files_folder)) == 1
    vault._storage.close()  # the process is gone: nothing more is written
    vault._file_lock.release()  # type: ignore[union-attr]
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert files.names_in(reopened.files_folder) == set()
        assert attachments.every(reopened) == []


def test_unnamed_sealed_files_are_left_alone_and_reported(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    """A sealed file this vault never named may belong to another copy of it: never
    deleted, only counted."""
    files.prepare(vault.files_folder)
    stranger = vault.files_folder / files.new_name()
    stranger.write_bytes(b"not ours")
    vault.lock()
    done = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 0 and "1 sealed file beside the vault is not named by it" in done.out
    assert stranger.exists()


@NEEDS_ROOT
def test_a_full_disk_mid_attachment_says_one_sentence_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    big = _source(tmp_path, "big.bin", os.urandom(6 * 1024 * 1024))
    with small_disk(tmp_path / "disk", size="4m") as disk:
        vault_path = disk.mount_point / "vault.cairn"
        vault, _ = new_vault(vault_path)
        journal.add_entry(vault, "before")
        with pytest.raises(VaultWriteFailed, match="The disk is full, so nothing was attached"):
            _attach(vault, big)
        assert attachments.every(vault) == [] and journal.count(vault) == 1
        assert files.names_in(vault.files_folder) == set()
        assert not list(vault.files_folder.glob(".*.tmp"))
        vault.lock()
        done = run_cairn("attach", str(big), "--vault", str(vault_path), lines=(PASSPHRASE,))
        assert done.code == 6 and len(done.err.strip().splitlines()) == 1
        assert "The disk is full" in done.err and "Traceback" not in done.err
        with Vault.open(vault_path, PASSPHRASE) as reopened:
            assert [e.text for e in journal.entries(reopened)] == ["before"]
            assert files.names_in(reopened.files_folder) == set()


def test_a_write_error_while_sealing_leaves_nothing(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _source(tmp_path, "x.bin", os.urandom(2 * CHUNK))
    real_write = os.write
    calls = {"n": 0}

    def failing_write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_write(fd, data)

    monkeypatch.setattr(files.os, "write", failing_write)
    with pytest.raises(VaultWriteFailed, match="Input/output error"):
        _attach(vault, source)
    monkeypatch.undo()
    assert attachments.every(vault) == []
    assert os.listdir(vault.files_folder) == []
    assert vault._unfinished_files() == []


# -- the record chain and the reports -------------------------------------------------------


def test_attach_note_and_remove_are_links_carrying_the_files_sha256(
    vault: Vault, tmp_path: Path
) -> None:
    data = b"\x89PNG\r\n\x1a\nthe screenshot"
    (added,) = _attach(vault, _source(tmp_path, "s.png", data))
    attachments.set_note(vault, added.id, "sent at 21:04")
    attachments.remove(vault, added.id)
    links = journal.links(vault)
    file_links = [link for link in links if link.attachment == added.id]
    assert [link.action for link in file_links] == ["attach", "note", "detach"]
    assert {link.content for link in file_links} == {hashlib.sha256(data).hexdigest()}
    assert journal.verify(vault).intact
    assert journal.verify(vault).files_removed == 1
    assert os.listdir(vault.files_folder) == []


def test_a_note_changed_outside_cairn_breaks_the_chain(vault: Vault, tmp_path: Path) -> None:
    (added,) = _attach(vault, _source(tmp_path, "s.png", b"x"), note="as written")
    records = vault.collection(journal.attached.TABLE)
    key, record = records.find("id", added.id)  # type: ignore[misc]
    records.put(key, {**record, "note": "as someone wished"})
    report_ = journal.verify(vault)
    assert not report_.intact and "differs from what the record chain holds" in str(
        report_.problems[0]
    )


def test_a_record_removed_outside_cairn_breaks_the_chain(vault: Vault, tmp_path: Path) -> None:
    (added,) = _attach(vault, _source(tmp_path, "s.png", b"x"))
    records = vault.collection(journal.attached.TABLE)
    found = records.find("id", added.id)
    assert found is not None
    records.delete(found[0])
    assert "was removed without a record of it" in str(journal.verify(vault).problems[0])


def test_deleting_an_entry_removes_its_files_with_links(vault: Vault, tmp_path: Path) -> None:
    entry, _ = attachments.attach(vault, [_source(tmp_path, "s.png", b"x")])
    journal.delete(vault, entry.id)
    assert attachments.every(vault) == [] and os.listdir(vault.files_folder) == []
    actions = [link.action for link in journal.links(vault)]
    assert actions == ["add", "attach", "detach", "delete"]
    assert journal.verify(vault).intact


def test_every_report_format_lists_the_exhibits(vault: Vault, tmp_path: Path) -> None:
    first, one = attachments.attach(vault, [_source(tmp_path, "shot.png", b"\x89PNG\r\n\x1a\n1")])
    second = journal.add_entry(vault, "A second entry")
    _, two = attachments.attach(
        vault, [_source(tmp_path, "a|b.jpg", b"\xff\xd8\xff2")], entry=second, note="a note"
    )
    record = report.collect(vault, report.Choice())
    assert [(e.number, e.entry_number) for e in record.exhibits] == [(1, 1), (2, 2)]
    markdown = report.to_markdown(record)
    html = report.to_html(record)
    for exhibit in (*one, *two):
        assert markdown.count(exhibit.sha256) == 2 and html.count(exhibit.sha256) == 2
    assert "#### Exhibit 1" in markdown and "## Exhibits" in markdown
    assert "` a\\|b.jpg ` |" in markdown  # a pipe in a name cannot split the table
    assert "<h4>Exhibit 2</h4>" in html and "<h2>Exhibits</h2>" in html
    assert "a|b.jpg" in html
    as_json = export.to_json(vault)
    assert one[0].sha256 in as_json and '"key"' not in as_json and one[0].file not in as_json
    assert first.id in as_json


def test_check_lists_files_changed_since_a_head(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    journal.add_entry(vault, "before the head")
    head = journal.verify(vault).head
    (added,) = _attach(vault, _source(tmp_path, "later.png", b"\x89PNG\r\n\x1a\nlater"))
    vault.lock()
    done = run_cairn("check", "--head", head[:12], "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    assert f"a file ({added.id[:8]}, SHA-256 {added.sha256}) was attached" in done.out


def test_unlocking_reads_no_attached_file(
    vault: Vault, vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _attach(vault, _source(tmp_path, "x.bin", b"x" * 100))
    vault.lock()

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("an attached file was read")

    monkeypatch.setattr(files, "unseal", no_reading)
    monkeypatch.setattr(files, "names_in", no_reading)  # not even the folder is listed
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert len(attachments.every(reopened)) == 1
        assert journal.verify(reopened).intact
