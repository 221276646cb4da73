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
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from platformdirs import user_data_path

from . import clock, domain
from .config import Settings, SettingsProblem, language_of_locale, load_settings
from .content import use_language
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
from .words import Phrase, Told, decimal, last_words, os_reason, plural, say

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


class OutputFailed(Told):
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


class BadInput(Told):
    """Something the person gave us is not usable; ``str()`` is one sentence (a key of
    words.toml, or another refusal passed on)."""


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
        _say(say("cli.insecure_kdf"))
    kdf = INSECURE_FAST_KDF if args.insecure_fast_kdf else DEFAULT_KDF
    vault, recovery_code = Vault.create(path, passphrase, kdf)
    vault.lock()
    _out(say("cli.created", path=shown(path)))
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
        raise BadInput("cli.log_pipe")
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
            raise BadInput(problem) from None
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
        raise BadInput("cli.when_problem", problem=problem) from None


def cmd_attach(args: argparse.Namespace) -> int:
    from . import journal
    from .journal import attachments

    sources = [Path(raw).expanduser().absolute() for raw in args.paths]
    try:
        note = attachments.check_note(args.note or "")
    except journal.EntryRejected as problem:
        raise BadInput(problem) from None
    for source in sources:  # a typo is found before the passphrase is asked for
        fd, _ = open_source(source)
        os.close(fd)
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        try:
            entry = attachments.find_entry(vault, args.entry) if args.entry else None
            entry, added = attachments.attach(vault, sources, entry=entry, note=note)
        except journal.EntryRejected as problem:
            raise BadInput(problem) from None
    # Only now: every file and its record are durably in the vault.
    for attachment in added:
        _out(f"{attachment.id}  {attachment.sha256}  {attachment.name}")
    _say(say("cli.attached", entry=entry.id[:8]))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:

    from . import backup, journal

    to = Path(args.to).expanduser().absolute()
    if not 1 <= args.keep <= 100:
        raise BadInput("cli.keep_range")
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        made = backup.make_backup(vault, to, now=clock.now(), keep=args.keep)
        with contextlib.suppress(VaultWriteFailed):  # the copy is made either way
            backup.record_backup(vault, made, journal.now())
    _out(say("cli.backed_up", path=made.path, files=plural("count.attached_files", made.files)))
    _out(say("cli.backed_up_checked"))
    if made.removed:
        _out(
            say(
                "cli.copies_removed",
                kept=len(made.kept),
                removed=len(made.removed),
                used=_mib(made.used),
            )
        )
    else:
        _out(say("cli.copies_kept", kept=len(made.kept), used=_mib(made.used)))
    if not made.private:
        _out(say("cli.not_private"))
    return EXIT_OK


def _mib(size: int) -> str:
    return say("cli.mib", mib=decimal(size / 1024 / 1024))


def cmd_restore(args: argparse.Namespace) -> int:
    from . import backup

    source = Path(args.source).expanduser().absolute()
    target = vault_path(args)
    backup.vault_in(source)  # a wrong path is found before the passphrase is asked for
    if os.path.lexists(target) and not args.force:
        raise BadInput("cli.restore_exists", path=target)
    passphrase = PassphraseSource(args.passphrase_fd).existing(say("cli.ask_backup"))
    restored = backup.restore(source, target, passphrase, force=args.force)
    _out(
        say(
            "cli.restored",
            path=restored.path,
            entries=plural("count.entries", restored.entries),
            files=plural("count.attached_files", restored.files),
        )
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
        raise BadInput(refused) from None
    except importer.ImportChainBroken as broken:
        _say(str(broken))
        return EXIT_CHAIN_BROKEN
    _out(plural("cli.imported", done.added))
    if done.already:
        _out(plural("cli.imported_already", done.already))
    if done.files or done.files_missing:
        _out(say("cli.imported_files", files=done.files))
    if done.files_missing:
        _out(plural("cli.imported_files_missing", done.files_missing))
    if done.plan:
        _out(say("cli.imported_plan"))
    if done.runs:
        _out(say("cli.imported_runs", runs=done.runs))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from . import export

    if args.format == "bundle":
        return _bundle(args)
    if args.to_age or args.to_age_file or args.to_passphrase:
        raise BadInput("cli.sealing_without_bundle")
    out = _output_path(args.out, force=args.force) if args.out else None
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if args.format in export.PLAN_FORMATS and (start or end):
        raise BadInput("cli.plan_whole")
    choice = _choice(args)
    chosen = bool(args.tag) or args.without_felt or args.without_daily or args.bilingual
    if chosen and args.format not in export.REPORT_FORMATS:
        raise BadInput("cli.choice_without_report")
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        document = export.render(vault, args.format, choice)
    if out is None:
        _say(say("cli.to_standard_output"))
        _write_out(document)
        return EXIT_OK
    export.write_file(out, document.encode("utf-8"), overwrite=args.force)
    _say(say("cli.wrote_copy", path=out))
    return EXIT_OK


def _choice(args: argparse.Namespace) -> report.Choice:
    from . import report

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start and end and start > end:
        raise BadInput("cli.from_after_to")
    return report.Choice(
        start=start,
        end=end,
        tags=tuple(tag.strip() for tag in args.tag or () if tag.strip()),
        felt=not args.without_felt,
        daily=not args.without_daily,
        bilingual=args.bilingual,
    )


def _bundle(args: argparse.Namespace) -> int:
    """``export --format bundle``: one age-encrypted file for a lawyer (tui/bundle.py)."""
    from . import bundle
    from .vault import age

    if not args.out:
        raise BadInput("cli.bundle_needs_out")
    out = _output_path(args.out, force=args.force)
    choice = _choice(args)
    lines = list(args.to_age or [])
    for listed in args.to_age_file or []:
        lines += bundle.key_lines(Path(listed).expanduser())
    if bool(lines) == bool(args.to_passphrase):
        raise BadInput("cli.seal_one_way")
    recipients = [age.recipient(line) for line in lines]  # checked before unlocking
    source = PassphraseSource(args.passphrase_fd)
    passphrase = source.existing()
    secret = source.new(say("cli.ask_bundle")) if args.to_passphrase else None
    with _open(args, passphrase) as vault:
        made = bundle.make_bundle(
            vault, out, choice, recipients=recipients or None, secret=secret, overwrite=args.force
        )
    _out(say("cli.wrote_bundle", path=made.path, size=_mib(made.path.stat().st_size)))
    _out(say("cli.bundle_inside", exhibits=plural("count.exhibits", made.exhibits)))
    _out(say("cli.chain_head", head=made.chain_head))
    if secret is not None:
        _out(say("cli.bundle_passphrase_apart"))
    return EXIT_OK


def _output_path(raw: str, *, force: bool) -> Path:
    """Where an export may go: a new file in a folder that exists, or with --force an
    existing regular file. Never a folder, a device, a pipe or a link (replacing one
    would put plaintext where the person did not mean it to go)."""
    if raw.endswith(("/", "/.", "/..")) or raw in (".", ".."):
        raise BadInput("cli.out_names_folder", out=raw)
    out = Path(raw).expanduser().absolute()
    try:
        info: os.stat_result | None = os.lstat(out)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise BadInput("cli.out_unusable", out=raw, reason=os_reason(error)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise BadInput("cli.out_is_folder", path=out)
        if not force:
            raise BadInput("cli.out_exists", path=out)
        if not stat.S_ISREG(info.st_mode):
            raise BadInput("cli.out_not_ordinary", path=out)
    if not out.parent.is_dir():
        raise BadInput("cli.out_no_folder", folder=out.parent)
    return out


def cmd_passwd(args: argparse.Namespace) -> int:
    source = PassphraseSource(args.passphrase_fd)
    old = source.existing(say("cli.ask_current"))
    with _open(args, old) as vault:
        new_code = vault.change_passphrase(old, source.new())
    _out(say("cli.passphrase_changed"))
    if new_code is None:
        _out(say("cli.recovery_code_works"))
        return EXIT_OK
    _out(say("cli.recovery_code_replaced"))
    _print_recovery_code(new_code)
    return EXIT_OK


def cmd_recovery_code(args: argparse.Namespace) -> int:
    source = PassphraseSource(args.passphrase_fd)
    passphrase = source.existing()
    with _open(args, passphrase) as vault:
        code = vault.replace_recovery_code(passphrase)
    _out(say("cli.recovery_code_new"))
    _print_recovery_code(code)
    return EXIT_OK


def _print_recovery_code(code: str) -> None:
    _out(say("cli.recovery_code", code=code))
    _out(say("cli.recovery_code_keep"))


def cmd_check(args: argparse.Namespace) -> int:
    from . import journal
    from .journal import attachments

    head = args.head.strip().lower() if args.head else None
    if head is not None and not _is_head_prefix(head):
        raise BadInput("cli.head_shape")
    passphrase = PassphraseSource(args.passphrase_fd).existing()
    with _open(args, passphrase) as vault:
        # Opening removed what a crash left half attached or half removed (the lock holder
        # does that at every open).
        entries = journal.count(vault)
        slot = vault.header.slot("passphrase")
        report = journal.verify(vault)
        links = journal.links(vault) if report.intact else []
        files = attachments.check_all(vault)
    _out(say("cli.checked_out", path=vault.path))
    _out(say("cli.journal_entries", entries=entries))
    if slot is not None:
        kdf = slot.kdf
        _out(
            say(
                "cli.key_derivation",
                mib=kdf.memory_kib // 1024,
                passes=plural("count.passes", kdf.time_cost),
                lanes=plural("count.lanes", kdf.parallelism),
            )
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
        _out(say("cli.head_not_found", head=head))
        return EXIT_CHAIN_BROKEN
    link, later = found
    _out(say("cli.head_found", head=head, seq=link.seq, at=link.at))
    if not later:
        _out(say("cli.nothing_since"))
    for each in later:
        _out(_since(each))
    return EXIT_OK


def _since(link: journal.chain.Link) -> str:
    done = Phrase(f"cli.done.{link.action}")
    if link.attachment is not None:
        return say(
            "cli.since_file", at=link.at, file=link.attachment[:8], sha=link.content, done=done
        )
    return say("cli.since_entry", at=link.at, entry=link.entry[:8], done=done)


def _file_lines(files: attachments.FileCheck) -> list[str]:
    lines = [say("cli.attached_files", checked=files.checked)]
    if files.checked and not files.problems:
        lines.append(say("cli.files_match"))
    for attachment, problem in files.problems:
        lines.append(
            "  "
            + say(
                "cli.file_problem",
                file=attachment.id[:8],
                name=attachment.name,
                entry=attachment.entry[:8],
                problem=problem,
            )
        )
    if files.strangers:
        lines.append(plural("cli.strangers", files.strangers))
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


def _chain_lines(report: journal.ChainReport) -> list[str]:
    if report.unlinked:
        return [plural("cli.chain_not_yet", report.unlinked)]
    lines = [say("cli.chain", links=report.links, head=report.head)]
    if report.intact and report.files:
        lines.append(say("cli.chain_matches_with_files"))
    elif report.intact:
        lines.append(say("cli.chain_matches"))
    else:
        lines.append(say("cli.chain_broken"))
        lines.extend(f"  {problem}" for problem in report.problems)
    return lines


def _is_head_prefix(text: str) -> bool:
    return 8 <= len(text) <= 64 and all(c in "0123456789abcdef" for c in text)


def cmd_app(args: argparse.Namespace) -> int:
    return _run_app(args, start="home")


def _need_a_terminal(sentence: str) -> None:
    """The app draws with escape codes: into a file, a pipe or a terminal that cannot show
    them (TERM=dumb, as in Emacs' shell), they would be garbage, or land in a log."""
    term = os.environ.get("TERM", "")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        what = Phrase("cli.terminal.not_a_terminal")
    elif term == "dumb":
        what = Phrase("cli.terminal.dumb")
    elif not term:
        what = Phrase("cli.terminal.no_term")
    else:
        return
    raise BadInput(sentence, what=what)


def cmd_keys(args: argparse.Namespace) -> int:
    """Every binding id, its keys now (after the settings file's [keys]) and its default."""
    from .keys import DEFAULT_KEYS

    settings = _settings(args)
    keymap = {"panic": ",".join(settings.panic_keys), **settings.keys}  # as the app makes it
    rows = [(say("cli.keys.id"), say("cli.keys.now"), say("cli.keys.default"))]
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
        return say("cli.version_unknown")


def _run_app(args: argparse.Namespace, start: str, quick: QuickLog | None = None) -> int:
    settings = _settings(args)  # a refused setting is named first: it is the person's to fix
    _need_a_terminal("cli.no_terminal_log" if start == "quick-log" else "cli.no_terminal")
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
        _out(say("cli.saved"))  # the terminal form of `cairn log`, back at the shell
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
        _say(say("cli.read_only"))
    return vault


def _read_entry_text() -> str:
    raw = sys.stdin.buffer.read(MAX_LOG_BYTES + 1)
    if len(raw) > MAX_LOG_BYTES:
        raise BadInput("cli.input_too_large")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput("cli.input_not_utf8") from None
    text = text.rstrip("\r\n")
    if not text.strip():
        raise BadInput("cli.input_empty")
    return text


def _day(text: str | None, option: str) -> date | None:
    from . import journal

    try:
        return journal.parse_day(text)
    except journal.BadTime:
        raise BadInput("cli.day_shape", option=option) from None


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
        raise _output_failed(error) from None


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _output_failed(error) from None


def _flush(stream: TextIO) -> None:
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _output_failed(error) from None


def _output_failed(error: OSError) -> OutputFailed:
    reason: object = (
        Phrase("cli.disk_full") if error.errno in (errno.ENOSPC, errno.EDQUOT) else os_reason(error)
    )
    return OutputFailed("cli.output_failed", reason=reason)


def _say(sentence: str) -> None:
    _write(sys.stderr, visible(sentence) + "\n")


class _Parser(argparse.ArgumentParser):
    """Errors as one sentence and exit code 2; help with the command's description, the
    environment variables and files it uses and its exit codes (tui/content/cli.toml),
    read only when help is shown."""

    help_name = "cairn"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        _say(f"cairn: {_argparse_in_words(message)}")
        raise SystemExit(EXIT_USAGE)

    def format_usage(self) -> str:
        self._name_values()
        return super().format_usage()

    def _name_values(self) -> None:
        """Each option's value named in the catalogue's words ("FILE", "ARCHIVO"); the name
        the code gave it is kept as the key, so naming again gives the same word."""
        from .cli_help import metavar

        for action in self._actions:
            key = getattr(action, "metavar_key", None) or action.metavar
            if isinstance(key, str) and key:
                action.metavar_key = key  # type: ignore[attr-defined]
                action.metavar = metavar(key)

    def format_help(self) -> str:
        from .cli_help import command_help, label, option_help, summary

        self._name_values()
        shown = command_help(self.help_name)
        self.description, self.epilog = shown.description, shown.epilog
        # argparse's own words (its titles, -h) are replaced too: every word is cli.toml's.
        self._optionals.title = label("options")
        self._positionals.title = label("positionals")
        if self._subparsers is not None:
            self._subparsers.title = label("commands")
        for action in self._actions:  # each option's words: a key of cli.toml [options]
            if isinstance(action, argparse._HelpAction):
                action.help = option_help("help")
            elif isinstance(action.help, str) and action.help.startswith("options."):
                action.help = option_help(action.help.removeprefix("options."))
            if isinstance(action, argparse._SubParsersAction):
                for listed in action._get_subactions():  # each command's line
                    listed.help = summary(listed.dest)
        return super().format_help()


# argparse writes its refusals in its own English; each shape it writes for Cairn's options
# is said again in the catalogue's words ([cli.argparse] in words.toml). A shape not listed
# is shown as argparse wrote it.
_ARGPARSE_SHAPES = (
    (r"argument (?P<option>\S+): (?P<message>.+)", "cli.argparse.argument"),
    (r"unrecognized arguments: (?P<found>.+)", "cli.argparse.unrecognized"),
    (r"the following arguments are required: (?P<needed>.+)", "cli.argparse.required"),
    (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", "cli.argparse.choice"),
    (r"invalid int value: (?P<value>.+)", "cli.argparse.whole_number"),
    (r"expected one argument", "cli.argparse.one_value"),
    (r"expected at least one argument", "cli.argparse.some_values"),
    (r"ignored explicit argument (?P<value>.+)", "cli.argparse.no_value"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "cli.argparse.ambiguous"),
)


def _argparse_in_words(message: str) -> str:
    for shape, key in _ARGPARSE_SHAPES:
        found = re.fullmatch(shape, message)
        if found:
            values = found.groupdict()
            if "message" in values:  # an option's own refusal, itself one of these shapes
                values["message"] = _argparse_in_words(values["message"])
            for name in ("option", "needed"):  # a value's name in them ("FILE") in words too
                if name in values:
                    from .cli_help import value_word

                    named = ", ".join(map(value_word, values[name].split(", ")))
                    values[name] = "/".join(map(value_word, named.split("/")))
            return say(key, **values)
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout, with the catalogue's word before the usage line."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:  # argparse's own "usage: " (a subcommand's prog passes "")
            from .cli_help import label

            prefix = label("usage") + " "
        super().add_usage(usage, actions, groups, prefix)


def _command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    parents: Sequence[_Parser] = (),
) -> _Parser:
    # help: the command's line in `cairn --help`, filled from cli.toml when help is shown.
    parser = commands.add_parser(
        name,
        help=name,
        parents=list(parents),
        formatter_class=_Formatter,
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
        raise argparse.ArgumentTypeError(say("cli.not_a_descriptor", text=text)) from None
    if not 0 <= fd < 2**31:  # beyond what the system can name (os.read would overflow)
        raise argparse.ArgumentTypeError(say("cli.not_a_descriptor", text=fd))
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
        help="options.vault",
    )
    common = _Parser(add_help=False, parents=[vault_only])
    common.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=_descriptor,
        default=argparse.SUPPRESS,
        help="options.passphrase_fd",
    )
    common.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="options.read_only",
    )
    parser = _Parser(prog="cairn", parents=[common], formatter_class=_Formatter)
    parser.add_argument("--version", action=_Version, nargs=0, help="options.version")
    parser.set_defaults(command=cmd_app)  # not vault: that would change the shared action
    commands = parser.add_subparsers(title="COMMAND", metavar="COMMAND", parser_class=_Parser)

    init = _command(commands, "init", parents=[common])
    init.add_argument(
        "--insecure-fast-kdf",
        action="store_true",
        help="options.insecure_fast_kdf",
    )
    init.set_defaults(command=cmd_init)

    log = _command(commands, "log", parents=[common])
    log.add_argument(
        "--when",
        metavar="TIME",
        help="options.when",
    )
    log.add_argument(
        "--phase",
        choices=("tension", "incident", "reconciliation", "calm", "unsure"),
        help="options.phase",
    )
    log.set_defaults(command=cmd_log)

    exp = _command(commands, "export", parents=[common])
    exp.add_argument(
        # A metavar, so that argparse lists the formats only when help is shown.
        "--format",
        required=True,
        choices=_Formats(),
        metavar="FORMAT",
        help="%(choices)s",
    )
    exp.add_argument("--from", dest="start", metavar="DATE", help="options.from")
    exp.add_argument("--to", dest="end", metavar="DATE", help="options.to")
    exp.add_argument(
        "--tag",
        action="append",
        metavar="TAG",
        help="options.tag",
    )
    exp.add_argument("--without-felt", action="store_true", help="options.without_felt")
    exp.add_argument("--without-daily", action="store_true", help="options.without_daily")
    exp.add_argument("--bilingual", action="store_true", help="options.bilingual")
    exp.add_argument("--out", metavar="FILE", help="options.out")
    exp.add_argument(
        "--to-age",
        action="append",
        metavar="KEY",
        help="options.to_age",
    )
    exp.add_argument(
        "--to-age-file",
        action="append",
        metavar="FILE",
        help="options.to_age_file",
    )
    exp.add_argument(
        "--to-passphrase",
        action="store_true",
        help="options.to_passphrase",
    )
    exp.add_argument("--force", action="store_true", help="options.force_export")
    exp.set_defaults(command=cmd_export)

    attach = _command(commands, "attach", parents=[common])
    attach.add_argument("paths", nargs="+", metavar="PATH", help="options.attach_paths")
    attach.add_argument(
        "--entry",
        metavar="ID",
        help="options.entry",
    )
    attach.add_argument("--note", metavar="TEXT", help="options.note")
    attach.set_defaults(command=cmd_attach)

    backup_cmd = _command(commands, "backup", parents=[common])
    backup_cmd.add_argument("--to", required=True, metavar="FOLDER", help="options.backup_to")
    backup_cmd.add_argument("--keep", type=int, default=3, metavar="N", help="options.keep")
    backup_cmd.set_defaults(command=cmd_backup)

    restore_cmd = _command(commands, "restore", parents=[common])
    restore_cmd.add_argument("source", metavar="FROM", help="options.restore_from")
    restore_cmd.add_argument("--force", action="store_true", help="options.force_restore")
    restore_cmd.set_defaults(command=cmd_restore)

    import_cmd = _command(commands, "import", parents=[common])
    import_cmd.add_argument("file", metavar="FILE", help="options.import_file")
    import_cmd.set_defaults(command=cmd_import)

    passwd = _command(commands, "passwd", parents=[common])
    passwd.set_defaults(command=cmd_passwd)

    recovery = _command(commands, "recovery-code", parents=[common])
    recovery.set_defaults(command=cmd_recovery_code)

    check = _command(commands, "check", parents=[common])
    check.add_argument("--head", metavar="HASH", help="options.head")
    check.set_defaults(command=cmd_check)

    doctor = _command(commands, "doctor", parents=[vault_only])
    doctor.set_defaults(command=cmd_doctor)

    keys = _command(commands, "keys")
    keys.set_defaults(command=cmd_keys)
    return parser


def _read_settings() -> Settings | SettingsProblem:
    """The settings, read once at start; a refusal is kept, to be said by the command that
    needs them (``_settings``), after the language is chosen from the locale instead."""
    try:
        return load_settings()
    except SettingsProblem as refused:
        return refused


def _settings(args: argparse.Namespace) -> Settings:
    if isinstance(args.settings, SettingsProblem):
        raise args.settings
    settings: Settings = args.settings
    return settings


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    settings = _read_settings()
    chosen = settings.language if isinstance(settings, Settings) else language_of_locale()
    use_language(chosen)  # before any word, --help's included
    try:
        args = build_parser().parse_args(argv)
    except ContentProblem as problem:  # --help, or a usage error, with Cairn's words damaged
        _say(damaged_content(problem))
        return EXIT_UNEXPECTED
    args.settings = settings
    args.vault = getattr(args, "vault", None)
    args.passphrase_fd = getattr(args, "passphrase_fd", None)
    relaunched_read_only = os.environ.pop("CAIRN_READ_ONLY", None) == "1"
    args.read_only = getattr(args, "read_only", False) or relaunched_read_only
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        if args.read_only and command in _WRITING:
            raise BadInput("cli.read_only_writes", command=_name_of(command))
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
        _say(last_words("stopped"))
        return EXIT_INTERRUPTED
    except _EXPECTED as error:
        return _tell(error, _exit_code(error))
    except ContentProblem as problem:
        _say(damaged_content(problem))
        return EXIT_UNEXPECTED
    except Exception as error:  # never a traceback: it could show entry text
        _say(last_words("unexpected", kind=type(error).__name__))
        return EXIT_UNEXPECTED


def _tell(error: BaseException, code: int) -> int:
    """The error's one sentence and its exit code; if the sentence cannot be made because
    Cairn's own words are damaged, that is said instead (exit 1)."""
    try:
        sentence = str(error)
    except ContentProblem as problem:
        sentence, code = damaged_content(problem), EXIT_UNEXPECTED
    _say(sentence)
    return code


def _name_of(command: Callable[[argparse.Namespace], int]) -> str:
    return command.__name__.removeprefix("cmd_").replace("_", "-")


_WRITING = {cmd_init, cmd_log, cmd_attach, cmd_passwd, cmd_recovery_code, cmd_restore, cmd_import}


def damaged_content(problem: ContentProblem) -> str:
    return last_words("damaged_content", problem=problem)


def _exit_code(error: BaseException) -> int:
    for kind, code in _EXIT_FOR:
        if isinstance(error, kind):
            return code
    return EXIT_USAGE


def run() -> None:
    sys.exit(main())
