"""Cairn measured side by side with what a person would use instead, in one run, written
into BENCHMARKS.md (a benchmark, not a test: nothing fails on a number).

    .venv/bin/python -m tests.bench.compare            # about five minutes on 2 cores
    .venv/bin/python -m tests.bench.compare --quick    # fewer runs, to try the script

Every comparison alternates its two sides run by run, so both see the same machine. Screen
timings go through a pseudo-terminal (``pty_terminal.py``): the clock stops when the bytes
a person would see have been written, with no terminal emulator in between.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from tinydb import TinyDB

from tests.bench import jrnl_side
from tests.bench.bench_vault import unlock_times
from tests.bench.filled import entries, filled_vault
from tests.bench.pty_terminal import PtyProgram
from tui import journal
from tui.journal import attachments
from tui.vault import DEFAULT_KDF, INSECURE_FAST_KDF, KdfParams, Vault

ROOT = Path(__file__).resolve().parents[2]
CAIRN = str(Path(sys.executable).with_name("cairn"))
BARE = [sys.executable, str(Path(__file__).with_name("bare_prompt.py"))]
PASSPHRASE = "benchmark passphrase"
ENTRY = "A factual entry of ordinary length. " * 8  # about 290 characters
TYPED = "he took the car keys and said I could walk to work again"
COUNT = re.compile(rb"([\d,]+) of ([\d,]+) entries")


# -- numbers -----------------------------------------------------------------------------


@dataclass
class Sample:
    values: list[float]  # seconds, or bytes, or MiB

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def percentile(self, p: float) -> float:
        """By nearest rank: the smallest value with at least p% of the values at or below it."""
        ranked = sorted(self.values)
        return ranked[max(0, math.ceil(p / 100 * len(ranked)) - 1)]

    def ms(self) -> str:
        ranked = sorted(self.values)
        return f"{self.median * 1000:.1f} ms ({ranked[0] * 1000:.1f} to {ranked[-1] * 1000:.1f})"

    def ms_p99(self) -> str:
        return f"{self.median * 1000:.1f} ms, p99 {self.percentile(99) * 1000:.1f} ms"


def _ratio(ours: Sample, theirs: Sample) -> float:
    return ours.median / theirs.median


def _verdict(ratio: float, goal: float) -> str:
    return f"**{ratio:.2f}x**, goal ≤ {goal:g}x: " + ("met" if ratio <= goal else "**not met**")


# -- Cairn in a pseudo-terminal ----------------------------------------------------------


def _cairn_env(home: Path, vault: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "CAIRN_VAULT": str(vault),
        "CAIRN_CONFIG": str(home / "none.toml"),
    }


def _unlocked_cairn(home: Path, vault: Path, cols: int = 80, rows: int = 24) -> PtyProgram:
    program = PtyProgram([CAIRN], _cairn_env(home, vault), cols=cols, rows=rows)
    program.wait_for(b"Locked")
    program.settle(0.2)
    _unlock(program)
    return program


def _unlock(program: PtyProgram) -> None:
    start = len(program.output)
    program.send(PASSPHRASE)
    program.key("enter")
    program.wait_for(b"Journal entries", 60, since=start)
    program.settle(0.2)


def _filled(folder: Path, size: int, kdf: KdfParams = INSECURE_FAST_KDF) -> Path:
    """A locked vault of ``size`` entries, made once per folder and size."""
    path = folder / f"vault-{size}" / "vault.cairn"
    if not path.exists():
        filled_vault(path, size, PASSPHRASE, kdf).lock()
    return path


# -- the rows ------------------------------------------------------------------------------


def start_to_prompt(folder: Path, runs: int) -> tuple[Sample, Sample]:
    vault = _filled(folder, 10)
    ours, bare = [], []
    for _ in range(runs):
        for argv, env, found in (
            ([CAIRN], _cairn_env(folder, vault), ours),
            (BARE, {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": str(folder)}, bare),
        ):
            program = PtyProgram(argv, env)
            try:
                seen = program.wait_for(b"Locked", 60)
                found.append(seen - program.started)
            finally:
                program.close()
    return Sample(ours), Sample(bare)


def unlock_default(folder: Path, runs: int) -> Sample:
    return Sample(unlock_times(folder, runs))


def saves(folder: Path, size: int, runs: int) -> tuple[Sample, Sample]:
    """One durable, encrypted Cairn save (entry and chain link, one write) against stock
    TinyDB with JSONStorage inserting the same entry into a file holding the same tables."""
    vault = filled_vault(folder / f"save-{size}" / "vault.cairn", size, PASSPHRASE)
    stock_path = folder / f"stock-{size}.json"
    stock = TinyDB(stock_path)
    records = vault.collection(journal.TABLE).all()
    stock.table(journal.TABLE).insert_multiple(dict(r) for r in records)
    stock.table(journal.CHAIN_TABLE).insert_multiple(
        dict(r) for r in vault.collection(journal.CHAIN_TABLE).all()
    )
    record = entries(1, seed=99)[0].as_record() | {"text": ENTRY}
    ours, theirs = [], []
    try:
        for _ in range(runs):
            start = time.perf_counter()
            journal.add_entry(vault, ENTRY)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            stock.table(journal.TABLE).insert(dict(record))
            theirs.append(time.perf_counter() - start)
    finally:
        vault.lock()
        stock.close()
    return Sample(ours), Sample(theirs)


def whole_process_adds(folder: Path, size: int, runs: int) -> tuple[Sample, Sample]:
    """``cairn log`` (text on standard input, passphrase on a file descriptor, the default
    Argon2id) against ``jrnl "text"`` (password typed at its prompt, its own PBKDF2), each
    as a whole process from start to exit, with ``size`` entries already there."""
    vault = _filled(folder / "default-kdf-vaults", size, DEFAULT_KDF)
    home = folder / f"jrnl-{size}"
    jrnl_side.make_journal(home, size)
    ours, theirs = [], []
    for _ in range(runs):
        read_end, write_end = os.pipe()
        os.write(write_end, f"{PASSPHRASE}\n".encode())
        os.close(write_end)
        start = time.perf_counter()
        done = subprocess.run(
            [CAIRN, "--vault", str(vault), "--passphrase-fd", str(read_end), "log"],
            input=ENTRY.encode(),
            capture_output=True,
            pass_fds=(read_end,),
            env=_cairn_env(folder, vault),
            check=False,
        )
        ours.append(time.perf_counter() - start)
        os.close(read_end)
        if done.returncode != 0:
            raise RuntimeError(f"cairn log failed: {done.stderr.decode()}")
        theirs.append(jrnl_side.add_one(home))
    return Sample(ours), Sample(theirs)


def panic(folder: Path, size: int, runs: int) -> Sample:
    """F12 in the journal editor with unsaved text, until the clear-screen sequence has been
    written (the terminal is blank from that byte on)."""
    vault = _filled(folder, size)
    program = _unlocked_cairn(folder, vault)
    times = []
    try:
        for run in range(runs):
            if run:
                program.wait_for(b"Locked", 60, since=len(program.output) - 20000)
                program.settle(0.2)
                _unlock_and_discard_draft(program)
            program.send("n")
            program.wait_for(b"The facts, in order", 30, since=len(program.output) - 20000)
            program.send("Unsaved words")
            program.settle(0.2)
            mark = len(program.output)
            sent = time.perf_counter()
            program.key("f12")
            blank = program.wait_for(b"\x1b[2J", 10, since=mark)
            times.append(blank - sent)
    finally:
        program.close()
    return Sample(times)


def _unlock_and_discard_draft(program: PtyProgram) -> None:
    start = len(program.output)
    program.send(PASSPHRASE)
    program.key("enter")
    program.wait_for(b"Unsaved work", 60, since=start)
    program.settle(0.2)
    program.send("d")  # discard, and the question that asks first: D again
    program.wait_for(b"Discard the kept work?", 30, since=start)
    program.settle(0.1)
    program.send("d")
    program.wait_for(b"Journal entries", 30, since=start)
    program.settle(0.2)


def bytes_per_character(folder: Path, cols: int, rows: int, editor: str) -> Sample:
    """Bytes written to the terminal for each character typed, once the screen is quiet."""
    if editor == "cairn":
        program = _unlocked_cairn(folder, _filled(folder, 10), cols, rows)
        program.send("n")
        program.wait_for(b"The facts, in order", 30)
    else:
        env = {"HOME": str(folder), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        program = PtyProgram(["vi", str(folder / "entry.txt")], env, cols=cols, rows=rows)
        program.wait_for(b"entry.txt", 30)
        program.settle(0.3)
        program.send("i")
    counts = []
    try:
        program.settle(0.5)
        program.send("x")  # the first character of an empty field also hides its placeholder
        program.settle(0.15)
        for character in TYPED:
            program.send(character)
            counts.append(float(program.settle(0.15)))
    finally:
        program.close()
    return Sample(counts)


def list_and_search(folder: Path, size: int, runs: int) -> tuple[Sample, Sample]:
    """From home, J until the list's count is drawn; then one search keystroke until the
    new count is drawn."""
    program = _unlocked_cairn(folder, _filled(folder, size))
    opened, searched = [], []
    try:
        for _ in range(runs):
            mark = len(program.output)
            sent = time.perf_counter()
            program.send("j")
            opened.append(program.wait_for(lambda out: bool(COUNT.search(out)), 60, mark) - sent)
            program.settle(0.2)
            mark = len(program.output)
            sent = time.perf_counter()
            program.send("k")
            seen = program.wait_for(_narrowed, 60, mark)
            searched.append(seen - sent)
            program.settle(0.2)
            program.key("escape")  # the first Escape clears the search
            program.settle(0.3)
            program.key("escape")  # the second goes back home
            program.wait_for(b"Journal entries", 30, len(program.output))
            program.settle(0.2)
    finally:
        program.close()
    return Sample(opened), Sample(searched)


# -- attached files -------------------------------------------------------------------------

MIB = 1024 * 1024


def _random_file(path: Path, mib: int) -> Path:
    if not path.exists():
        with path.open("wb") as out:
            for _ in range(mib):
                out.write(os.urandom(MIB))
    return path


def _timed(command: list[str], *, passphrase: bool = False) -> tuple[float, float]:
    """Seconds from start to exit, and the peak resident memory (MiB) of the program, as
    GNU time reports it (a child forked from this large process would count this one's
    pages until its exec)."""
    read_end = -1
    fds: tuple[int, ...] = ()
    if passphrase:
        read_end, write_end = os.pipe()
        os.write(write_end, f"{PASSPHRASE}\n".encode())
        os.close(write_end)
        command = [*command, "--passphrase-fd", str(read_end)]
        fds = (read_end,)
    os.sync()  # every run starts with nothing waiting to be written
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "peak-kib %M", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=fds,
        check=False,
    )
    took = time.perf_counter() - start
    if passphrase:
        os.close(read_end)
    said = done.stderr.decode(errors="replace")
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {said}")
    peak = next(line for line in reversed(said.splitlines()) if line.startswith("peak-kib "))
    return took, int(peak.split()[1]) / 1024


def attach_against_age(folder: Path, runs: int, mib: int) -> dict[str, Sample]:
    """``cairn attach`` of a ``mib`` MiB file (the whole process: start, unlock with a
    cheap key derivation, seal, fsync, record, exit) against ``age -r`` encrypting the same
    file to the same disk (the whole process; age does not fsync, so a row with its output
    flushed too), alternating run by run, each starting with nothing left to write. Also
    both with an empty file (their fixed cost), and peak memory."""
    source = _random_file(folder / "attach-source.bin", mib)
    empty = folder / "empty.bin"
    empty.write_bytes(b"")
    vault = folder / "attach" / "vault.cairn"
    filled_vault(vault, 10, PASSPHRASE).lock()
    key_file = folder / "age-key.txt"
    subprocess.run(["age-keygen", "-o", str(key_file)], capture_output=True, check=True)
    recipient = next(
        line.split(": ", 1)[1]
        for line in key_file.read_text().splitlines()
        if line.startswith("# public key:")
    )
    with Vault.open(vault, PASSPHRASE) as opened:
        entry_id = journal.entries(opened)[0].id
    attach = [CAIRN, "attach", "--vault", str(vault), "--entry", entry_id]
    out = folder / "age-out.age"
    age = ["age", "-r", recipient, "-o", str(out)]
    age_sync = ["sh", "-c", 'age -r "$0" -o "$1" "$2" && sync "$1"', recipient, str(out)]
    names = ("cairn", "cairn-empty", "age", "age-empty", "age+sync", "peak", "peak-empty")
    found: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):
        took, peak = _timed([*attach, str(source)], passphrase=True)
        found["cairn"].append(took)
        found["peak"].append(peak)
        found["age"].append(_timed([*age, str(source)])[0])
        found["age+sync"].append(_timed([*age_sync, str(source)])[0])
        took, peak = _timed([*attach, str(empty)], passphrase=True)
        found["cairn-empty"].append(took)
        found["peak-empty"].append(peak)
        found["age-empty"].append(_timed([*age, str(empty)])[0])
    out.unlink(missing_ok=True)
    return {name: Sample(values) for name, values in found.items()}


def saves_beside_files(folder: Path, runs: int, gib_mib: int) -> dict[str, Sample]:
    """One journal save, and one unlock (cheap key derivation, so what is measured is the
    opening itself), in a vault of 1,000 entries with about 1 GiB of attached files,
    against the same vault without them; alternating run by run."""
    plain = filled_vault(folder / "no-files" / "vault.cairn", 1_000, PASSPHRASE)
    with_files = filled_vault(folder / "with-files" / "vault.cairn", 1_000, PASSPHRASE)
    piece = _random_file(folder / "piece.bin", 200)
    entry = journal.entries(with_files)[0]
    for _ in range(max(1, gib_mib // 200)):
        attachments.attach(with_files, [piece], entry=entry)
    plain.lock()
    with_files.lock()
    found: dict[str, list[float]] = {k: [] for k in ("save", "save-files", "open", "open-files")}
    for _ in range(runs):
        for key, path in (("", plain.path), ("-files", with_files.path)):
            start = time.perf_counter()
            opened = Vault.open(path, PASSPHRASE)
            found["open" + key].append(time.perf_counter() - start)
            start = time.perf_counter()
            journal.add_entry(opened, ENTRY)
            found["save" + key].append(time.perf_counter() - start)
            opened.lock()
    return {name: Sample(values) for name, values in found.items()}


def backup_and_bundle(folder: Path, runs: int, size: int, mib: int) -> dict[str, Sample]:
    """``cairn backup`` and ``cairn export --format bundle`` of a vault of ``size`` entries
    with ``mib`` MiB of attached files (whole processes, a cheap key derivation)."""
    vault = filled_vault(folder / "handover" / "vault.cairn", size, PASSPHRASE)
    entry = journal.entries(vault)[0]
    piece = _random_file(folder / "handover-piece.bin", 100)
    for _ in range(max(1, mib // 100)):
        attachments.attach(vault, [piece], entry=entry)
    path = vault.path
    vault.lock()
    key_file = folder / "handover-key.txt"
    subprocess.run(["age-keygen", "-o", str(key_file)], capture_output=True, check=True)
    recipient = next(
        line.split(": ", 1)[1]
        for line in key_file.read_text().splitlines()
        if line.startswith("# public key:")
    )
    found: dict[str, list[float]] = {"backup": [], "bundle": []}
    for run in range(runs):
        stick = folder / f"stick-{run}"
        stick.mkdir()
        found["backup"].append(
            _timed([CAIRN, "backup", "--to", str(stick), "--vault", str(path)], passphrase=True)[0]
        )
        shutil.rmtree(stick)
        out = folder / f"bundle-{run}.age"
        command = [CAIRN, "export", "--format", "bundle", "--to-age", recipient, "--out", str(out)]
        found["bundle"].append(_timed([*command, "--vault", str(path)], passphrase=True)[0])
        out.unlink()
    return {name: Sample(values) for name, values in found.items()}


def _narrowed(out: bytes) -> bool:
    return any(m.group(1) != m.group(2) for m in COUNT.finditer(out))


def peak_memory(folder: Path, size: int) -> float:
    """Peak resident memory (VmHWM, MiB) of Cairn unlocked with the default Argon2id, after
    opening the list, one search, and the editor."""
    vault = _filled(folder / "default-kdf-vaults", size, DEFAULT_KDF)
    program = _unlocked_cairn(folder, vault)
    try:
        program.send("j")
        program.wait_for(lambda out: bool(COUNT.search(out)), 60)
        program.settle(0.2)
        program.send("k")
        program.wait_for(_narrowed, 60)
        program.key("escape")  # clears the search
        program.settle(0.3)
        program.key("escape")  # back home
        program.wait_for(b"Journal entries", 30, len(program.output) - 20000)
        program.settle(0.3)
        program.send("n")
        program.wait_for(b"The facts, in order", 30)
        program.settle(0.3)
        return _vm_hwm(program.process.pid)
    finally:
        program.close()


def bare_memory(folder: Path) -> float:
    program = PtyProgram(BARE, {"TERM": "xterm-256color", "LANG": "C.UTF-8"})
    try:
        program.wait_for(b"Locked", 60)
        program.settle(0.3)
        return _vm_hwm(program.process.pid)
    finally:
        program.close()


def _vm_hwm(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


# -- the report ------------------------------------------------------------------------------


def _machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    fs = (
        subprocess.run(
            ["df", "-T", tempfile.gettempdir()], capture_output=True, text=True, check=False
        )
        .stdout.splitlines()[-1]
        .split()[1]
    )
    vi = subprocess.run(["vi", "--version"], capture_output=True, text=True, check=False)
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("textual", "tinydb", "argon2-cffi", "pynacl")
    )
    return [
        f"- Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores of {cpu}, "
        f"{int(memory) / 1024 / 1024:.0f} GiB of memory, Linux {platform.release()}, "
        f"temporary files on {fs}.",
        f"- Python {platform.python_version()}; {versions}; {jrnl_side.ensure_jrnl()}; "
        f"{vi.stdout.splitlines()[0] if vi.returncode == 0 else 'vi not found'}.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    options = parser.parse_args()
    runs = 3 if options.quick else 15
    sizes = (10, 1_000) if options.quick else (10, 1_000, 10_000, 50_000)
    save_runs = {10: 101, 1_000: 101, 10_000: 51, 50_000: 21}
    out: list[str] = []

    def say(line: str = "") -> None:
        out.append(line)
        print(line, flush=True)

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        say("# Benchmarks")
        say()
        say("Written by `.venv/bin/python -m tests.bench.compare` (about five minutes); rerun")
        say("it to reproduce this page. Benchmarks, not tests: nothing fails on a number.")
        say("Medians, with the fastest and slowest run in brackets unless said otherwise.")
        say()
        for line in _machine():
            say(line)
        say()

        say("## Start to a ready unlock prompt (pseudo-terminal, 80x24)")
        say()
        ours, bare = start_to_prompt(folder, runs)
        say("From starting the process until the prompt's text has been written.")
        say()
        say("| program | time | runs |")
        say("| --- | --- | --- |")
        say(f"| `cairn` | {ours.ms()} | {len(ours.values)} |")
        say(
            f"| bare Textual app: a title and one password input | {bare.ms()} | {len(bare.values)} |"
        )
        say()
        say(f"Ratio {_verdict(_ratio(ours, bare), 1.3)}.")
        say()

        say("## Unlock with the default key derivation")
        say()
        unlock = unlock_default(folder, 3 if options.quick else 9)
        say(
            f"Argon2id, 64 MiB, 3 passes, 1 lane (a security setting, reported, not tuned): "
            f"{unlock.ms()} over {len(unlock.values)} unlocks."
        )
        say()

        say("## One save")
        say()
        say("Cairn: a journal entry and its link in the record chain, sealed (XChaCha20-Poly1305)")
        say("and written durably (temp file, fsync, rename, fsync of the folder) as one write.")
        say("Stock TinyDB: `JSONStorage` inserting the same entry into a file holding the same")
        say("tables, with no encryption and no fsync. p99 is the 99th percentile by nearest rank.")
        say()
        say("| entries | Cairn | stock TinyDB | ratio (goal ≤ 2x) | runs |")
        say("| --- | --- | --- | --- | --- |")
        missed = []
        for size in sizes:
            ours, stock = saves(folder, size, 11 if options.quick else save_runs[size])
            ratio = _ratio(ours, stock)
            if ratio > 2:
                missed.append(size)
            mark = "met" if ratio <= 2 else "**not met**"
            say(
                f"| {size:,} | {ours.ms_p99()} | {stock.ms_p99()} | {ratio:.2f}x, {mark} | {len(ours.values)} |"
            )
        say()
        if missed:
            say(
                f"Missed at {', '.join(f'{s:,}' for s in missed)} entries. Cairn pays two fsync "
                "calls on every save and stock TinyDB none; with few entries that fixed cost is "
                "most of the time. Both rewrite the whole file on every save, so both grow "
                "with the vault; see the note at the end."
            )
            say()

        say("## Adding one entry as a whole process")
        say()
        say("`cairn log` (text on standard input, passphrase from a file descriptor, default")
        say('Argon2id) against jrnl (`jrnl "text"`, encrypted journal, its password typed at its')
        say(
            "prompt in a pseudo-terminal; jrnl derives its key with PBKDF2-SHA256, 100 000 rounds)."
        )
        say("From process start to exit, with that many entries already there.")
        say()
        say("| entries | `cairn log` | jrnl | ratio | runs |")
        say("| --- | --- | --- | --- | --- |")
        for size in sizes:
            ours, theirs = whole_process_adds(folder, size, 3 if options.quick else 7)
            say(
                f"| {size:,} | {ours.ms()} | {theirs.ms()} | {_ratio(ours, theirs):.2f}x | {len(ours.values)} |"
            )
        say()

        say("## Panic key to a blank screen (pseudo-terminal, 80x24)")
        say()
        say("F12 in the journal editor with unsaved text, until the clear-screen sequence has")
        say("been written. Goal: under 50 ms.")
        say()
        say("| entries | time | p90 | runs | goal |")
        say("| --- | --- | --- | --- | --- |")
        for size in (10, 1_000) if options.quick else (10, 10_000):
            took = panic(folder, size, runs)
            verdict = "met" if took.percentile(90) < 0.05 else "**not met**"
            say(
                f"| {size:,} | {took.ms()} | {took.percentile(90) * 1000:.1f} ms | {len(took.values)} | {verdict} |"
            )
        say()

        say("## Bytes written to the terminal per typed character")
        say()
        say(f"Typing “{TYPED}”")
        say("at the end of a line, one character at a time; each count is everything written")
        say("until the terminal has been quiet for 150 ms. vi is the system's")
        say("`vi` with its default settings, in the same pseudo-terminal; max is the largest")
        say("single count. Goal: at most 10 times vi.")
        say()
        say("| size | journal editor | vi | ratio |")
        say("| --- | --- | --- | --- |")
        for cols, rows in ((80, 24), (200, 60)):
            ours = bytes_per_character(folder, cols, rows, "cairn")
            vi = bytes_per_character(folder, cols, rows, "vi")
            ratio = _ratio(ours, vi)
            say(
                f"| {cols}x{rows} | {ours.median:.0f} B (max {max(ours.values):.0f}) | "
                f"{vi.median:.0f} B (max {max(vi.values):.0f}) | {_verdict(ratio, 10)} |"
            )
        say()

        large = 1_000 if options.quick else 10_000
        say(f"## The journal list at {large:,} entries (pseudo-terminal, 80x24)")
        say()
        opened, searched = list_and_search(folder, large, runs)
        say("| what | time | runs |")
        say("| --- | --- | --- |")
        say(
            f"| J on home until the list and its count are drawn | {opened.ms()} | {len(opened.values)} |"
        )
        say(
            f"| one search keystroke until the new count is drawn | {searched.ms()} | {len(searched.values)} |"
        )
        say()

        say("## Peak memory (VmHWM, pseudo-terminal, 80x24)")
        say()
        say("After unlocking with the default Argon2id (64 MiB of it), opening the list, one")
        say("search, and the editor.")
        say()
        say("| program | peak |")
        say("| --- | --- |")
        say(f"| bare Textual app (the start-up baseline) | {bare_memory(folder):.0f} MiB |")
        for size in (10, large):
            say(f"| Cairn with {size:,} entries | {peak_memory(folder, size):.0f} MiB |")
        say()

        say("## Attaching a file")
        say()
        mib = 50 if options.quick else 200
        attached = attach_against_age(folder, 3 if options.quick else 7, mib)
        say(f"A {mib} MiB file of random bytes, on the same disk, each process timed from start")
        say("to exit, each run starting with nothing left to write (`sync`). `cairn attach`:")
        say("start, unlock (a cheap key derivation, so the file is what is timed), seal with")
        say("secretstream XChaCha20-Poly1305 while SHA-256 runs on the second core, fsync the")
        say("file and the folder, record it in the vault (one more durable write), exit.")
        say("`age -r`: encrypt to an X25519 recipient (ChaCha20-Poly1305), exit, without fsync;")
        say("the last row flushes its output too, as Cairn does. Throughput: the file's size")
        say("over the whole time.")
        say()
        say("| program | time | throughput | empty file | runs |")
        say("| --- | --- | --- | --- | --- |")
        rows = (
            ("`cairn attach`", "cairn", "cairn-empty"),
            ("`age -r`", "age", "age-empty"),
            ("`age -r`, then its output flushed", "age+sync", None),
        )
        for label, key, fixed in rows:
            sample = attached[key]
            empty_time = attached[fixed].ms() if fixed else "-"
            say(
                f"| {label} | {sample.ms()} | {mib / sample.median:.0f} MiB/s | {empty_time} "
                f"| {len(sample.values)} |"
            )
        say()
        share = attached["age"].median / attached["cairn"].median
        say(
            f"Cairn's throughput is {share:.2f} of age's (goal: at least 0.5: "
            + ("met" if share >= 0.5 else "**not met**")
            + f"), and {attached['age+sync'].median / attached['cairn'].median:.2f} of age's "
            "when age's output is flushed too."
        )
        extra = attached["peak"].median - attached["peak-empty"].median
        say(
            f"Peak memory (GNU time, maximum resident set): {attached['peak'].median:.0f} MiB "
            f"attaching the file, {attached['peak-empty'].median:.0f} MiB attaching an empty "
            f"one: {extra:.1f} MiB more (goal: at most 32 MiB more: "
            + ("met" if extra <= 32 else "**not met**")
            + ")."
        )
        say()

        say("## A save and an unlock with 1 GiB of attached files")
        say()
        runs_files = 11 if options.quick else 31
        beside = saves_beside_files(folder, runs_files, 400 if options.quick else 1000)
        say("1,000 entries, with and without about 1 GiB of attached files (five 200 MiB files;")
        say("fewer in the quick run). Unlock with a cheap key derivation, so that what is timed")
        say("is the opening itself, not Argon2id.")
        say()
        say("| what | without files | with 1 GiB of files | ratio | runs |")
        say("| --- | --- | --- | --- | --- |")
        for label, key in (("one journal save", "save"), ("unlock", "open")):
            without, with_ = beside[key], beside[key + "-files"]
            ratio = with_.median / without.median
            verdict = "met" if ratio <= 1.1 else "**not met**"
            say(
                f"| {label} | {without.ms()} | {with_.ms()} | {ratio:.2f}x (goal ≤ 1.1x: {verdict}) | {len(without.values)} |"
            )
        say()

        handover_size = 1_000 if options.quick else 10_000
        handover_mib = 100 if options.quick else 500
        say(
            f"## Backing up and bundling {handover_size:,} entries with {handover_mib} MiB of files"
        )
        say()
        handed = backup_and_bundle(folder, 2 if options.quick else 3, handover_size, handover_mib)
        say("Whole processes with a cheap key derivation, each run starting with nothing left")
        say("to write. `cairn backup`: copy the sealed vault and files to another folder on the")
        say("same disk, each flushed, then read all of it back and check every fingerprint.")
        say("`cairn export --format bundle`: the report, the JSON and every file, as a tar")
        say("sealed with age to one X25519 key while it is made, then flushed.")
        say()
        say("| what | time | runs |")
        say("| --- | --- | --- |")
        say(f"| `cairn backup` | {handed['backup'].ms()} | {len(handed['backup'].values)} |")
        say(
            f"| `cairn export --format bundle` | {handed['bundle'].ms()} | {len(handed['bundle'].values)} |"
        )
        say()

    notes = Path(__file__).with_name("BENCHMARKS-notes.md").read_text()
    options.out.write_text("\n".join(out) + "\n" + notes)
    print(f"written to {options.out}")


if __name__ == "__main__":
    main()
