"""Every odd argument and output gets one sentence and a documented exit code, never a
traceback: a closed pipe, a full output device, descriptors and paths out of range, pipes,
folders and devices where a file is expected, escape sequences in paths, characters a
terminal would obey in JSON, a stored lone surrogate, a header nested too deeply, a vault
in a shared folder."""

from __future__ import annotations

import json
import os
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CAIRN, PASSPHRASE, new_vault, run_cairn
from tui import journal

FORMATS = ("json", "markdown", "html", "plan-text", "plan-html")


@pytest.fixture
def filled(vault_path: Path) -> Path:
    vault, _ = new_vault(vault_path)
    for number in range(300):  # more than a pipe holds, so a closed pipe is noticed
        journal.add_entry(vault, f"Entry {number}: " + "what happened, in order. " * 20)
    vault.lock()
    return vault_path


def _one_sentence(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err


def test_a_closed_pipe_ends_quietly(filled: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, f"{PASSPHRASE}\n".encode())
    os.close(write_end)
    reader = subprocess.Popen(
        [
            CAIRN,
            "export",
            "--format",
            "markdown",
            "--vault",
            str(filled),
            "--passphrase-fd",
            str(read_end),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(read_end,),
    )
    os.close(read_end)
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(100)  # `| head -c 100`: read a little, then go away
    reader.stdout.close()
    code = reader.wait(timeout=60)
    err = reader.stderr.read().decode()
    reader.stderr.close()
    assert code == 6
    # Only the warning that came before the export: nothing about the pipe, no traceback.
    assert err.count("\n") == 1 and err.startswith("Writing an unencrypted copy to standard")


def test_a_full_output_device_is_exit_6_in_one_sentence(filled: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, f"{PASSPHRASE}\n".encode())
    os.close(write_end)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [
                CAIRN,
                "export",
                "--format",
                "json",
                "--vault",
                str(filled),
                "--passphrase-fd",
                str(read_end),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            pass_fds=(read_end,),
            timeout=60,
        )
    os.close(read_end)
    err = done.stderr.decode().splitlines()
    assert done.returncode == 6
    assert err[-1] == (
        "Cairn could not write its output (the disk is full), so what was written is incomplete."
    )
    assert len(err) == 2 and "Traceback" not in done.stderr.decode()


@pytest.mark.parametrize("fd", ["99999999999", "-1", "2147483648"])
def test_a_descriptor_out_of_range_is_a_usage_error(filled: Path, fd: str) -> None:
    done = subprocess.run(
        [CAIRN, "check", "--vault", str(filled), "--passphrase-fd", fd],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "is not a file descriptor number" in done.stderr


def test_a_path_too_long_is_one_sentence(tmp_path: Path, filled: Path) -> None:
    long_path = str(tmp_path / ("a" * 5000) / "vault.cairn")
    done = run_cairn("check", "--vault", long_path, lines=(PASSPHRASE,))
    assert done.code == 2 and "too long" in done.err
    _one_sentence(done.err)
    done = run_cairn("init", "--vault", long_path, lines=(PASSPHRASE, PASSPHRASE))
    assert done.code == 2 and "too long" in done.err
    _one_sentence(done.err)
    out = str(tmp_path / ("b" * 300))
    done = run_cairn(
        "export", "--format", "json", "--vault", str(filled), "--out", out, lines=(PASSPHRASE,)
    )
    assert done.code == 2
    _one_sentence(done.err)


def test_pipes_folders_and_devices_where_a_file_is_expected(tmp_path: Path, filled: Path) -> None:
    fifo = tmp_path / "private" / "a-pipe"
    os.mkfifo(fifo, 0o600)
    done = run_cairn("check", "--vault", str(fifo), lines=(PASSPHRASE,), timeout=30)
    assert done.code == 2 and "not a regular file" in done.err
    _one_sentence(done.err)
    cases = {
        str(fifo): "not an ordinary file",
        str(tmp_path): "is a folder",
        str(tmp_path / "not-there") + "/": "names a folder",
        "/dev/stdout": "not an ordinary file",
        "/dev/null": "not an ordinary file",
    }
    before = os.lstat("/dev/stdout")
    for target, words in cases.items():
        done = run_cairn(
            "export",
            "--format",
            "json",
            "--vault",
            str(filled),
            "--out",
            target,
            "--force",
            lines=(PASSPHRASE,),
            timeout=30,
        )
        assert done.code == 2 and words in done.err, (target, done.err)
        _one_sentence(done.err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.lstat("/dev/stdout") == before  # never replaced with a plaintext file
    assert not (tmp_path / "not-there").exists()


def test_escape_sequences_in_a_path_are_shown_as_symbols(tmp_path: Path) -> None:
    path = tmp_path / "x\x1b]0;owned\x07\x1b[31m" / "vault.cairn"
    done = run_cairn("check", "--vault", str(path), lines=(PASSPHRASE,))
    assert done.code == 2
    assert "\x1b" not in done.err and "\x07" not in done.err
    assert "␛]0;owned␇␛[31m" in done.err


def test_json_escapes_what_a_terminal_would_obey(vault_path: Path) -> None:
    vault, _ = new_vault(vault_path)
    text = "right\u202eto-left, c1 \x9b31m, esc \x1b[2J"
    journal.add_entry(vault, text)
    vault.lock()
    done = run_cairn("export", "--format", "json", "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 0
    for raw in ("\u202e", "\x9b", "\x1b"):
        assert raw not in done.out
    assert "\\u202e" in done.out and "\\u009b" in done.out
    assert json.loads(done.out)["journal"][0]["text"] == text  # the same value


@pytest.mark.parametrize("kind", FORMATS)
def test_a_stored_lone_surrogate_exports_in_every_format(vault_path: Path, kind: str) -> None:
    vault, _ = new_vault(vault_path)
    journal.add_entry(vault, "before \ud800 after")
    vault.lock()
    done = run_cairn("export", "--format", kind, "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    if kind == "json":
        assert json.loads(done.out)["journal"][0]["text"] == "before \ud800 after"
    elif kind.startswith("plan"):
        assert done.out  # the plan holds no journal text; it still exports
    elif kind == "html":
        assert "before &lt;U+D800&gt; after" in done.out
    else:
        assert "before <U+D800> after" in done.out


def test_a_header_nested_thousands_deep_is_damaged(vault_path: Path) -> None:
    body = b"[" * 50_000 + b"]" * 50_000
    header = body[:60_000]  # within the header size limit, nested far too deeply
    import hashlib

    prefix = b"CAIRNVLT" + struct.pack(">HI", 2, len(header)) + header
    data = prefix + hashlib.blake2b(prefix, digest_size=32).digest() + b"\0" * 64
    vault_path.parent.mkdir(mode=0o700)
    vault_path.write_bytes(data)
    vault_path.chmod(0o600)
    done = run_cairn("check", "--vault", str(vault_path), lines=(PASSPHRASE,))
    assert done.code == 4 and "damaged" in done.err
    _one_sentence(done.err)


@pytest.mark.parametrize("folder", ["tmp", "own-shared"])
def test_a_shared_folder_gets_advice_to_move_never_to_chmod_it(tmp_path: Path, folder: str) -> None:
    if folder == "tmp":
        place = Path("/tmp")
    else:
        place = tmp_path / "shared"
        place.mkdir()
        place.chmod(0o1777)
    done = run_cairn(
        "init", "--vault", str(place / f"cairn-{os.getpid()}.cairn"), lines=(PASSPHRASE, PASSPHRASE)
    )
    assert done.code == 4
    assert "chmod" not in done.err and "folder only you can enter" in done.err
    _one_sentence(done.err)
    assert sys.platform != "linux" or not list(place.glob(f"cairn-{os.getpid()}*"))
