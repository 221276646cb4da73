"""The ``cairn`` command: argument parsing, exit codes, and one sentence for every failure.

Exit codes (the README documents them; scripts and tests rely on them):
0 success, 1 unexpected error, 2 usage or bad input, 3 wrong passphrase,
4 vault damaged / changed / too new / unsafe (or an attached file missing or damaged),
5 vault open in another process,
6 a write failed, 7 the journal's record chain does not check out (or a report's chain head
is not in it), 130 interrupted with Ctrl+C.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from platformdirs import user_data_path

from . import clock, domain
from .config import SettingsProblem, load_settings
from .content.checks import ContentProblem
from .passphrase import IntakeProblem, PassphraseSource
from .session import QuickLog, Session
from .vault import (
    DEFAULT_KDF,
    INSECURE_FAST_KDF,
    CopyDamaged,
    CopyRefused,
    FileDamaged,
    FileRefused,
    NotAVaultPath,
    PassphraseNeeded,
    RecipientRefused,
    TooLargeForPassphrase,
    UnsafeVault,
    Vault,
    VaultBusy,
    VaultDamaged,
    VaultExists,
    VaultMissing,
    VaultTooNew,
    VaultWriteFailed,
    WrongPassphrase,
    harden_process,
    open_source,
    shown,
)
from .visible import visible

if TYPE_CHECKING:
    from . import journal, report
    from .journal import attachments

# The journal and the exports are imported by the commands that use them, not here: the app
# starts without them (its lock screen shows sooner) and loads them while the person types.

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSPHRASE = 3
EXIT_VAULT_UNUSABLE = 4
EXIT_VAULT_BUSY = 5
EXIT_WRITE_FAILED = 6
EXIT_CHAIN_BROKEN = 7
EXIT_INTERRUPTED = 130

MAX_LOG_BYTES = 16 * 1024 * 1024


class OutputFailed(Exception):
    """Standard output could not be written; ``str()`` is one sentence."""


_EXIT_FOR: tuple[tuple[type[BaseException], int], ...] = (
    (IntakeProblem, EXIT_USAGE),
    (FileRefused, EXIT_USAGE),
    (CopyRefused, EXIT_USAGE),
    (RecipientRefused, EXIT_USAGE),
    (TooLargeForPassphrase, EXIT_USAGE),
    (CopyDamaged, EXIT_VAULT_UNUSABLE),
    (FileDamaged, EXIT_VAULT_UNUSABLE),
    (SettingsProblem, EXIT_USAGE),
    (VaultMissing, EXIT_USAGE),
    (VaultExists, EXIT_USAGE),
    (NotAVaultPath, EXIT_USAGE),
    (WrongPassphrase, EXIT_WRONG_PASSPHRASE),
    (PassphraseNeeded, EXIT_WRONG_PASSPHRASE),
    (VaultDamaged, EXIT_VAULT_UNUSABLE),
    (VaultTooNew, EXIT_VAULT_UNUSABLE),
    (UnsafeVault, EXIT_VAULT_UNUSABLE),
    (VaultBusy, EXIT_VAULT_BUSY),
    (VaultWriteFailed, EXIT_WRITE_FAILED),
    (OutputFailed, EXIT_WRITE_FAILED),
)


class BadInput(Exception):
    """Something the person gave us is not usable; ``str()`` is one sentence."""


_EXPECTED: tuple[type[BaseException], ...] = (BadInput, *(kind for kind, _ in _EXIT_FOR))


def default_vault_path() -> Path:
    return user_data_path("cairn", appauthor=False) / "vault.cairn"


def vault_path(args: argparse.Namespace) -> Path:
    chosen = args.vault or os.environ.get("CAIRN_VAULT") or default_vault_path()
    return Path(chosen).expanduser().absolute()


# -- commands ---------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = vault_path(args)
    if os.path.lexists(path):
        raise VaultExists(str(path))
    passphrase = PassphraseSource(args.passphrase_fd).new()
    if args.insecure_fast_kdf:
        _say("Warning: --insecure-fast-kdf makes the passphrase easy to guess; tests only.")
    kdf = INSECURE_FAST_KDF if args.insecure_fast_kdf else DEFAULT_KDF
    vault, recovery_code = Vault.create(path, passphrase, kdf)
    vault.lock()
    _out(f"Created a vault at {shown(path)}.")
    _print_recovery_code(recovery_code)
    _out()
    _print_privacy_check(path)  # once, with a new vault: what others here could notice
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    when = _when(args.when)  # checked before anything is unlocked
    if sys.stdin.isatty() and args.passphrase_fd is None:
        # A one-field form after unlocking; says "Saved." here once it has saved.
        return _run_app(args, start="quick-log", quick=QuickLog(args.when, args.phase))
    if sys.stdin.isatty():
        raise BadInput(
            "Pipe the text into 'cairn log', for example: echo 'what happened' | cairn log"
        )
    source = PassphraseSource(args.passphrase_fd)
    # When the passphrase shares standard input, it is the first line; the rest is the entry.
    passphrase = source.existing() if args.passphrase_fd == 0 else None
    text = _read_entry_text()
    if passphrase is None:
        passphrase = source.existing()
    from . import journal

    with _open(args, passphrase) as vault:
        try:
            entry = journal.add_entry(vault, text, occurred=when, phase=args.phase)
        except journal.EntryRejected as problem:
            raise BadInput(str(problem)) from None
    _out(entry.id)  # only now: the entry is durably saved
    return EXIT_OK


def _when(text: str | None) -> str | None:
    """``--when`` as stored (ISO 8601, local offset), or None for now."""
    if text is None:
        return None
    from . import journal

    try:
        return journal.parse_when(text)
    except journal.BadTime as problem:
        raise BadInput(f"--when: {problem}") from None


def cmd_attach(args: argparse.Namespace) -> int:
    from . import journal
    from .journal import attachments

    sources = [Path(raw).expanduser().absolute() for raw in args.paths]
    try:
        note = attachments.check_note(args.note or "")
    except journal.EntryRejected as problem:
        raise BadInput(str(problem)) from None
    for source in sources:  # a typo is found before the passphrase is asked for
        fd, _ = open_source(source)
        os.close(fd)
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        try:
            entry = attachments.find_entry(vault, args.entry) if args.entry else None
            entry, added = attachments.attach(vault, sources, entry=entry, note=note)
        except journal.EntryRejected as problem:
            raise BadInput(str(problem)) from None
    # Only now: every file and its record are durably in the vault.
    for attachment in added:
        _out(f"{attachment.id}  {attachment.sha256}  {attachment.name}")
    _say(f"Attached to entry {entry.id[:8]}. {ORIGINALS_STAY}")
    return EXIT_OK


# Where the original still is, and what deleting it can and cannot do (the app says the same).
ORIGINALS_STAY = (
    "The originals are still where they were: Cairn does not delete them, and deleting a "
    "file from a shared computer may not remove it for good."
)


def cmd_backup(args: argparse.Namespace) -> int:

    from . import backup, journal

    to = Path(args.to).expanduser().absolute()
    if not 1 <= args.keep <= 100:
        raise BadInput("--keep takes a number of copies from 1 to 100.")
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        made = backup.make_backup(vault, to, now=clock.now(), keep=args.keep)
        with contextlib.suppress(VaultWriteFailed):  # the copy is made either way
            backup.record_backup(vault, made, journal.now())
    _out(f"Backed up to {made.path}: the vault and {made.files} attached file(s), still sealed,")
    _out("read back and checked.")
    removed = f"; {len(made.removed)} older removed" if made.removed else ""
    _out(f"Copies kept there: {len(made.kept)}{removed}; they use {_mib(made.used)}.")
    if not made.private:
        _out(NOT_PRIVATE)
    return EXIT_OK


# What a drive that cannot keep file modes (FAT, exFAT) means for a backup, in one sentence.
NOT_PRIVATE = (
    "This drive cannot keep files private (it is probably formatted FAT or exFAT): anyone "
    "holding it can see that these files exist and how large they are, but not what is in "
    "them, because they stay sealed."
)


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


def cmd_restore(args: argparse.Namespace) -> int:
    from . import backup

    source = Path(args.source).expanduser().absolute()
    target = vault_path(args)
    backup.vault_in(source)  # a wrong path is found before the passphrase is asked for
    if os.path.lexists(target) and not args.force:
        raise BadInput(
            f"{target} already exists; Cairn restores only as a new vault, or over it with "
            "--force. Nothing was written."
        )
    passphrase = PassphraseSource(args.passphrase_fd).existing(
        "Passphrase or recovery code of the backup: "
    )
    restored = backup.restore(source, target, passphrase, force=args.force)
    _out(
        f"Restored to {restored.path}: {restored.entries} entries and {restored.files} "
        "attached file(s), read back and checked. It opens with the backup's passphrase."
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from . import importer

    source = Path(args.file).expanduser().absolute()
    try:
        importer.read_export(source)  # a wrong file is found before the passphrase is asked
        passphrase = PassphraseSource(args.passphrase_fd).existing()
        with _open(args, passphrase) as vault:
            done = importer.import_file(vault, source)
    except importer.ImportRefused as refused:
        raise BadInput(str(refused)) from None
    except importer.ImportChainBroken as broken:
        _say(str(broken))
        return EXIT_CHAIN_BROKEN
    _out(f"Imported {done.added} entries, each with every version, linked into the record chain.")
    if done.already:
        _out(f"{done.already} entries were already in this vault and were left as they were.")
    if done.files or done.files_missing:
        _out(f"Attached files found beside the file and kept again: {done.files}.")
    if done.files_missing:
        _out(
            f"{done.files_missing} attached file(s) described in it were not found beside it "
            "(an opened bundle keeps them under exhibits/); attach them again with "
            "'cairn attach'."
        )
    if done.plan:
        _out("The safety plan was imported too.")
    if done.runs:
        _out(f"Questionnaire answers kept: {done.runs}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from . import export

    if args.format == "bundle":
        return _bundle(args)
    if args.to_age or args.to_age_file or args.to_passphrase:
        raise BadInput("--to-age and --to-passphrase seal a bundle: use them with --format bundle.")
    out = _output_path(args.out, force=args.force) if args.out else None
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if args.format in export.PLAN_FORMATS and (start or end):
        raise BadInput("--from and --to choose journal entries; the safety plan is printed whole.")
    choice = _choice(args)
    chosen = bool(args.tag) or args.without_felt or args.without_daily
    if chosen and args.format not in export.REPORT_FORMATS:
        raise BadInput(
            "--tag, --without-felt and --without-daily choose what a report (markdown or "
            "html) holds; the other formats hold everything."
        )
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        document = export.render(vault, args.format, choice)
    if out is None:
        _say(
            "Writing an unencrypted copy to standard output; anyone who sees it can read it, "
            "and a terminal's scrollback or a log may keep it."
        )
        _write_out(document)
        return EXIT_OK
    export.write_file(out, document.encode("utf-8"), overwrite=args.force)
    _say(f"Wrote an unencrypted copy to {out}. {GIVES_AWAY}")
    return EXIT_OK


def _choice(args: argparse.Namespace) -> report.Choice:
    from . import report

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start and end and start > end:
        raise BadInput("--from is after --to; nothing was written.")
    return report.Choice(
        start=start,
        end=end,
        tags=tuple(tag.strip() for tag in args.tag or () if tag.strip()),
        felt=not args.without_felt,
        daily=not args.without_daily,
    )


def _bundle(args: argparse.Namespace) -> int:
    """``export --format bundle``: one age-encrypted file for a lawyer (tui/bundle.py)."""
    from . import bundle
    from .vault import age

    if not args.out:
        raise BadInput("A bundle is written to a file: add --out FILE.")
    out = _output_path(args.out, force=args.force)
    choice = _choice(args)
    lines = list(args.to_age or [])
    for listed in args.to_age_file or []:
        lines += bundle.key_lines(Path(listed).expanduser())
    if bool(lines) == bool(args.to_passphrase):
        raise BadInput(
            "Seal the bundle either to the recipient's key (--to-age KEY or --to-age-file "
            "FILE) or with a passphrase (--to-passphrase); nothing was written."
        )
    recipients = [age.recipient(line) for line in lines]  # checked before unlocking
    source = PassphraseSource(args.passphrase_fd)
    passphrase = source.existing()
    secret = source.new("Passphrase for the bundle: ") if args.to_passphrase else None
    with _open(args, passphrase) as vault:
        made = bundle.make_bundle(
            vault, out, choice, recipients=recipients or None, secret=secret, overwrite=args.force
        )
    _out(f"Wrote a sealed bundle to {made.path} ({_mib(made.path.stat().st_size)}).")
    _out(
        f"Inside, once opened with age: the report (HTML and Markdown), {made.exhibits} "
        "exhibit(s), manifest.json, SHA256SUMS and README.txt."
    )
    _out(f"Chain head: {made.chain_head}")
    if secret is not None:
        _out(
            "Give the passphrase to the lawyer another way than the file (in person or by "
            "phone), never with it."
        )
    return EXIT_OK


# What can give away a file written out, in one sentence (the screens say the same).
GIVES_AWAY = (
    "Anyone who can read that file can read it; opening it can leave it in a browser's "
    "history or a recent-files list, printing it leaves it in the print queue for a while, "
    "and a deleted file can often be recovered."
)


def _output_path(raw: str, *, force: bool) -> Path:
    """Where an export may go: a new file in a folder that exists, or with --force an
    existing regular file. Never a folder, a device, a pipe or a link (replacing one
    would put plaintext where the person did not mean it to go)."""
    if raw.endswith(("/", "/.", "/..")) or raw in (".", ".."):
        raise BadInput(f"--out {raw} names a folder; give the name of a new file in it.")
    out = Path(raw).expanduser().absolute()
    try:
        info: os.stat_result | None = os.lstat(out)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise BadInput(f"--out {raw} cannot be used ({error.strerror}).") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise BadInput(f"{out} is a folder; give the name of a new file in it.")
        if not force:
            raise BadInput(
                f"{out} already exists; choose another name or add --force to replace it."
            )
        if not stat.S_ISREG(info.st_mode):
            raise BadInput(
                f"{out} is not an ordinary file (a link, a device or a pipe), so Cairn will "
                "not replace it, even with --force; choose a new file name."
            )
    if not out.parent.is_dir():
        raise BadInput(f"The folder {out.parent} does not exist.")
    return out


def cmd_passwd(args: argparse.Namespace) -> int:
    source = PassphraseSource(args.passphrase_fd)
    old = source.existing("Current passphrase or recovery code: ")
    with _open(args, old) as vault:
        new_code = vault.change_passphrase(old, source.new())
    _out(
        "The passphrase is changed, and everything is sealed under a new key: a copy of the "
        "vault made before, with the old passphrase, opens nothing written from now on."
    )
    if new_code is None:
        _out("The recovery code still works.")
        return EXIT_OK
    _out(
        "This vault was made by an earlier version, so its recovery code could not follow; "
        "it no longer works. The new one:"
    )
    _print_recovery_code(new_code)
    return EXIT_OK


def cmd_recovery_code(args: argparse.Namespace) -> int:
    source = PassphraseSource(args.passphrase_fd)
    passphrase = source.existing()
    with _open(args, passphrase) as vault:
        code = vault.replace_recovery_code(passphrase)
    _out("A new recovery code is made; the old one opens nothing written from now on.")
    _print_recovery_code(code)
    return EXIT_OK


def _print_recovery_code(code: str) -> None:
    _out(f"Recovery code: {code}")
    _out(
        "Write the recovery code on paper and keep it where only you can reach it: it opens "
        "the vault if you forget the passphrase, and Cairn will not show it again."
    )


def cmd_check(args: argparse.Namespace) -> int:
    from . import journal
    from .journal import attachments

    head = args.head.strip().lower() if args.head else None
    if head is not None and not _is_head_prefix(head):
        raise BadInput("--head takes the first 8 or more characters of a chain head (0-9, a-f).")
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        # Opening removed what a crash left half attached or half removed (the lock holder
        # does that at every open).
        entries = journal.count(vault)
        slot = vault.header.slot("passphrase")
        report = journal.verify(vault)
        links = journal.links(vault) if report.intact else []
        files = attachments.check_all(vault)
    _out(f"The vault at {vault.path} opened and every byte of it checked out.")
    _out(f"Journal entries: {entries}")
    if slot is not None:
        kdf = slot.kdf
        _out(
            f"Key derivation: Argon2id, {kdf.memory_kib // 1024} MiB, "
            f"{kdf.time_cost} passes, {kdf.parallelism} lane(s)"
        )
    for line in _file_lines(files):
        _out(line)
    for line in _chain_lines(report):
        _out(line)
    if files.problems:
        return EXIT_VAULT_UNUSABLE
    if not report.intact:
        return EXIT_CHAIN_BROKEN
    if head is None:
        return EXIT_OK
    found = journal.find_head(links, head)
    if found is None:
        _out(f"The chain head {head} is not in this journal's record chain.")
        return EXIT_CHAIN_BROKEN
    link, later = found
    _out(f"The chain head {head} is link {link.seq}, made {link.at}.")
    if not later:
        _out("Nothing was added, changed or removed since.")
    for each in later:
        _out(_since(each))
    return EXIT_OK


def _since(link: journal.chain.Link) -> str:
    if link.attachment is not None:
        return (
            f"Since then: {link.at} a file ({link.attachment[:8]}, SHA-256 {link.content}) "
            f"was {_DONE[link.action]}."
        )
    return f"Since then: {link.at} an entry ({link.entry[:8]}) was {_DONE[link.action]}."


def _file_lines(files: attachments.FileCheck) -> list[str]:
    lines = [f"Attached files: {files.checked}"]
    if files.checked and not files.problems:
        lines.append("Every attached file matches its SHA-256 fingerprint.")
    for attachment, problem in files.problems:
        lines.append(
            f"  The attached file {attachment.id[:8]} ({attachment.name}, entry "
            f"{attachment.entry[:8]}) does not check out: {problem}."
        )
    if files.strangers:
        lines.append(
            f"{files.strangers} sealed file(s) beside the vault are not named by it; Cairn "
            "leaves them alone (they may belong to another copy of this vault)."
        )
    return lines


def cmd_doctor(args: argparse.Namespace) -> int:
    """Needs no passphrase: it looks only at the machine and the vault's folder."""
    _print_privacy_check(vault_path(args))
    return EXIT_OK


def _print_privacy_check(path: Path) -> None:
    from . import privacy

    _out(f"{privacy.words('title')}: {path}")
    _out()
    _out(privacy.as_text(privacy.check(path)), end="")


_DONE = {
    "add": "added",
    "edit": "changed",
    "delete": "removed",
    "attach": "attached",
    "note": "noted",
    "detach": "removed",
}


def _chain_lines(report: journal.ChainReport) -> list[str]:
    if report.unlinked:
        return [
            f"The record chain starts with the next change to the journal; "
            f"{report.unlinked} earlier entries will be linked then."
        ]
    lines = [f"Record chain: {report.links} links, head {report.head}"]
    if report.intact and report.files:
        lines.append(
            "Every entry, every earlier version and every attached file matches the record chain."
        )
    elif report.intact:
        lines.append("Every entry and every earlier version matches the record chain.")
    else:
        lines.append("The record chain does not check out:")
        lines.extend(f"  {problem}" for problem in report.problems)
    return lines


def _is_head_prefix(text: str) -> bool:
    return 8 <= len(text) <= 64 and all(c in "0123456789abcdef" for c in text)


def cmd_app(args: argparse.Namespace) -> int:
    return _run_app(args, start="home")


def _need_a_terminal(sentence: str) -> None:
    """The app draws with escape codes: into a file, a pipe or a terminal that cannot show
    them (TERM=dumb, as in Emacs' shell), they would be garbage, or land in a log."""
    from .cli_help import message

    term = os.environ.get("TERM", "")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        what = message("not_a_terminal")
    elif term == "dumb":
        what = message("dumb_terminal")
    elif not term:
        what = message("no_term")
    else:
        return
    raise BadInput(message(sentence, what=what))


def cmd_keys(args: argparse.Namespace) -> int:
    """Every binding id, its keys now (after the settings file's [keys]) and its default."""
    from .cli_help import message
    from .keys import DEFAULT_KEYS

    settings = load_settings()
    keymap = {"panic": ",".join(settings.panic_keys), **settings.keys}  # as the app makes it
    rows = [(message("keys_id"), message("keys_now"), message("keys_default"))]
    rows += [(name, keymap.get(name, keys), keys) for name, keys in DEFAULT_KEYS.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for name, now, default in rows:
        _out(f"{name.ljust(widths[0])}  {now.ljust(widths[1])}  {default}")
    return EXIT_OK


class _Version(argparse.Action):
    """--version, looked up only when asked for: reading the installed metadata costs
    milliseconds on every start otherwise."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        _out(f"cairn {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cairn")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _run_app(args: argparse.Namespace, start: str, quick: QuickLog | None = None) -> int:
    settings = load_settings()  # a refused setting is named first: it is the person's to fix
    _need_a_terminal("no_terminal_log" if start == "quick-log" else "no_terminal")
    _scrub_textual_environment()
    from .app import run_app  # Textual is imported only when the app is wanted
    from .handoff import take_over

    session = Session(
        settings=settings, vault_path=vault_path(args), start=start, read_only=args.read_only
    )
    session.handed_draft = take_over()
    session.quick_log = quick or QuickLog()
    code = run_app(session)
    if code == EXIT_OK and session.logged:
        _out("Saved.")  # the terminal form of `cairn log`, back at the shell
    return code


def _scrub_textual_environment() -> None:
    """Textual reads variables that would write keystrokes or screen contents to disk (a log
    file, screenshots, devtools, scripted key presses). Cairn honours none of them; this runs
    before Textual is imported, which is when it reads them."""
    for name in list(os.environ):
        if name == "TEXTUAL" or name.startswith("TEXTUAL_"):
            del os.environ[name]


# -- plumbing ---------------------------------------------------------------------------------


def _open(args: argparse.Namespace, secret: str) -> Vault:
    vault = Vault.open(vault_path(args), secret, read_only=args.read_only)
    if args.read_only:
        _say(READ_ONLY_SAID)
    return vault


READ_ONLY_SAID = (
    "Opened read-only: nothing is written beside the vault (no lock, no record of failed "
    "attempts, no draft), so nothing can be saved."
)


def _read_entry_text() -> str:
    raw = sys.stdin.buffer.read(MAX_LOG_BYTES + 1)
    if len(raw) > MAX_LOG_BYTES:
        raise BadInput("Standard input is larger than 16 MiB; nothing was saved.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput("Standard input is not valid UTF-8 text; nothing was saved.") from None
    text = text.rstrip("\r\n")
    if not text.strip():
        raise BadInput("Standard input is empty; nothing was saved.")
    return text


def _day(text: str | None, option: str) -> date | None:
    from . import journal

    try:
        return journal.parse_day(text)
    except journal.BadTime:
        raise BadInput(f"{option} takes a day written like 2026-11-24.") from None


def _out(line: str = "", *, end: str = "\n") -> None:
    """One of Cairn's own lines on standard output, with control characters made visible
    (a path may hold an escape sequence)."""
    _write(sys.stdout, visible(line) + end)


def _write_out(document: str) -> None:
    """An export on standard output, exactly as rendered (renderers make it safe). Written
    straight to the descriptor, so that a reader that goes away part way, or a device that
    fills, is noticed at once rather than lost in a buffer."""
    _flush(sys.stdout)
    view = memoryview(document.encode("utf-8"))
    try:
        while view:
            view = view[os.write(sys.stdout.fileno(), view) :]
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(_output_sentence(error)) from None


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(_output_sentence(error)) from None


def _flush(stream: TextIO) -> None:
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(_output_sentence(error)) from None


def _output_sentence(error: OSError) -> str:
    reason = (
        "the disk is full"
        if error.errno in (errno.ENOSPC, errno.EDQUOT)
        else (error.strerror or type(error).__name__)
    )
    return f"Cairn could not write its output ({reason}), so what was written is incomplete."


def _say(sentence: str) -> None:
    _write(sys.stderr, visible(sentence) + "\n")


class _Parser(argparse.ArgumentParser):
    """Errors as one sentence and exit code 2; help with the command's description, the
    environment variables and files it uses and its exit codes (tui/content/cli.toml),
    read only when help is shown."""

    help_name = "cairn"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        _say(f"cairn: {message}")
        raise SystemExit(EXIT_USAGE)

    def format_help(self) -> str:
        from .cli_help import command_help

        shown = command_help(self.help_name)
        self.description, self.epilog = shown.description, shown.epilog
        return super().format_help()


def _command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    summary: str,
    parents: Sequence[_Parser] = (),
) -> _Parser:
    parser = commands.add_parser(
        name,
        help=summary,
        parents=list(parents),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.help_name = name
    return parser


class _Formats:
    """The export formats, looked up only when ``--format`` is given or help is shown."""

    def _names(self) -> tuple[str, ...]:
        from .export import FORMATS

        return (*FORMATS, "bundle")

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


def _descriptor(text: str) -> int:
    try:
        fd = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a file descriptor number") from None
    if not 0 <= fd < 2**31:  # beyond what the system can name (os.read would overflow)
        raise argparse.ArgumentTypeError(f"{fd} is not a file descriptor number")
    return fd


def build_parser() -> argparse.ArgumentParser:
    # doctor opens nothing, so it takes only where the vault is; every other command also
    # takes a passphrase descriptor and --read-only.
    vault_only = _Parser(add_help=False)
    # SUPPRESS: the same option may stand before or after the subcommand without clobbering.
    vault_only.add_argument(
        "--vault",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the vault file (default: $CAIRN_VAULT, else vault.cairn in your data folder)",
    )
    common = _Parser(add_help=False, parents=[vault_only])
    common.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=_descriptor,
        default=argparse.SUPPRESS,
        help="read the passphrase from this open file descriptor, one per line",
    )
    common.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="open the vault for reading only: nothing is written beside it (a backup on a "
        "USB stick, for example)",
    )
    parser = _Parser(
        prog="cairn", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action=_Version, nargs=0)
    parser.set_defaults(command=cmd_app)  # not vault: that would change the shared action
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    init = _command(commands, "init", parents=[common], summary="create a new vault")
    init.add_argument(
        "--insecure-fast-kdf",
        action="store_true",
        help="cheap key derivation, for automated tests only",
    )
    init.set_defaults(command=cmd_init)

    log = _command(
        commands,
        "log",
        parents=[common],
        summary="log an entry: a one-field form in a terminal, or standard input when piped",
    )
    log.add_argument(
        "--when",
        metavar="TIME",
        help="when it happened, like 'yesterday 21:00', 'today 18:30' or '2026-11-24 18:30'",
    )
    log.add_argument(
        "--phase",
        choices=("tension", "incident", "reconciliation", "calm", "unsure"),
        help="the phase of the cycle, as in the export",
    )
    log.set_defaults(command=cmd_log)

    exp = _command(
        commands, "export", parents=[common], summary="write everything out, unencrypted"
    )
    exp.add_argument(
        # A metavar, so that argparse lists the formats only when help is shown.
        "--format",
        required=True,
        choices=_Formats(),
        metavar="FORMAT",
        help="%(choices)s",
    )
    exp.add_argument("--from", dest="start", metavar="DATE", help="first day, like 2026-01-31")
    exp.add_argument("--to", dest="end", metavar="DATE", help="last day, like 2026-11-24")
    exp.add_argument(
        "--tag",
        action="append",
        metavar="TAG",
        help="a report with only the entries that have this tag (repeat for more tags)",
    )
    exp.add_argument("--without-felt", action="store_true", help='a report without "How I felt"')
    exp.add_argument(
        "--without-daily", action="store_true", help="a report without the daily check-ins"
    )
    exp.add_argument("--out", metavar="FILE", help="a new file to write (default: standard output)")
    exp.add_argument(
        "--to-age",
        action="append",
        metavar="KEY",
        help="bundle: seal to this age key (age1...) or SSH public key; repeat for more",
    )
    exp.add_argument(
        "--to-age-file",
        action="append",
        metavar="FILE",
        help="bundle: seal to the keys listed in FILE, one per line",
    )
    exp.add_argument(
        "--to-passphrase",
        action="store_true",
        help="bundle: seal with a passphrase (asked twice) instead of keys",
    )
    exp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exp.set_defaults(command=cmd_export)

    attach = _command(
        commands,
        "attach",
        parents=[common],
        summary="keep files (screenshots, photos, recordings, letters) sealed in the vault",
    )
    attach.add_argument("paths", nargs="+", metavar="PATH", help="a file to attach")
    attach.add_argument(
        "--entry",
        metavar="ID",
        help="the entry to attach them to (its id, or its first 8 characters); "
        "default: a new entry that says what was attached",
    )
    attach.add_argument("--note", metavar="TEXT", help="a note kept with each file")
    attach.set_defaults(command=cmd_attach)

    backup_cmd = _command(
        commands,
        "backup",
        parents=[common],
        summary="copy the vault and its attached files, still sealed, to a folder or a USB stick",
    )
    backup_cmd.add_argument("--to", required=True, metavar="FOLDER", help="where the copy goes")
    backup_cmd.add_argument(
        "--keep", type=int, default=3, metavar="N", help="copies kept there (default 3)"
    )
    backup_cmd.set_defaults(command=cmd_backup)

    restore_cmd = _command(
        commands,
        "restore",
        parents=[common],
        summary="put a backup in place as a new vault (at --vault), checked before and after",
    )
    restore_cmd.add_argument("source", metavar="FROM", help="a backup folder made by cairn backup")
    restore_cmd.add_argument(
        "--force", action="store_true", help="replace the vault at --vault if there is one"
    )
    restore_cmd.set_defaults(command=cmd_restore)

    import_cmd = _command(
        commands,
        "import",
        parents=[common],
        summary="bring entries from Cairn's JSON export (or a bundle's journal.json) into the vault",  # noqa: E501
    )
    import_cmd.add_argument("file", metavar="FILE", help="the JSON file")
    import_cmd.set_defaults(command=cmd_import)

    passwd = _command(commands, "passwd", parents=[common], summary="change the passphrase")
    passwd.set_defaults(command=cmd_passwd)

    recovery = _command(
        commands,
        "recovery-code",
        parents=[common],
        summary="make a new recovery code; the old one stops opening anything written after",
    )
    recovery.set_defaults(command=cmd_recovery_code)

    check = _command(
        commands,
        "check",
        parents=[common],
        summary="open the vault, verify it and its record chain",
    )
    check.add_argument(
        "--head", metavar="HASH", help="a chain head printed on a report: what changed since"
    )
    check.set_defaults(command=cmd_check)

    doctor = _command(
        commands,
        "doctor",
        parents=[vault_only],
        summary="a privacy check: what others on this machine could notice, and what to do",
    )
    doctor.set_defaults(command=cmd_doctor)

    keys = _command(commands, "keys", summary="list every key binding's id, its keys and default")
    keys.set_defaults(command=cmd_keys)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    args = build_parser().parse_args(argv)
    args.vault = getattr(args, "vault", None)
    args.passphrase_fd = getattr(args, "passphrase_fd", None)
    relaunched_read_only = os.environ.pop("CAIRN_READ_ONLY", None) == "1"
    args.read_only = getattr(args, "read_only", False) or relaunched_read_only
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        if args.read_only and command in _WRITING:
            raise BadInput(
                f"--read-only opens the vault for reading, and 'cairn {_name_of(command)}' "
                "writes; nothing was done."
            )
        if command is not cmd_app:  # the app loads these once its lock screen shows
            domain.load()
        code = command(args)
        _flush(sys.stdout)  # block-buffered into a pipe or file: a full device shows here
        return code
    except BrokenPipeError:
        # The reader went away (`cairn export ... | head`): stop quietly. Standard output is
        # pointed at /dev/null so the interpreter's own last flush says nothing either.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_WRITE_FAILED
    except KeyboardInterrupt:
        _say("Stopped; nothing more was written.")
        return EXIT_INTERRUPTED
    except _EXPECTED as error:
        _say(str(error))
        return _exit_code(error)
    except ContentProblem as problem:
        _say(damaged_content(problem))
        return EXIT_UNEXPECTED
    except Exception as error:  # never a traceback: it could show entry text
        _say(
            f"Cairn stopped because of an unexpected problem ({type(error).__name__}); "
            "everything saved before it is safe."
        )
        return EXIT_UNEXPECTED


def _name_of(command: Callable[[argparse.Namespace], int]) -> str:
    return command.__name__.removeprefix("cmd_").replace("_", "-")


_WRITING = {cmd_init, cmd_log, cmd_attach, cmd_passwd, cmd_recovery_code, cmd_restore, cmd_import}


def damaged_content(problem: ContentProblem) -> str:
    return f"Cairn cannot start because one of its own files is damaged: {problem}"


def _exit_code(error: BaseException) -> int:
    for kind, code in _EXIT_FOR:
        if isinstance(error, kind):
            return code
    return EXIT_USAGE


def run() -> None:
    sys.exit(main())
