"""The privacy check: what other people using this machine could notice about Cairn, each
finding with what the person can do. Only what can be seen from here, in plain words (from
tui/content/privacy.toml); nothing is changed.

It looks at the vault's folder (owner and permissions), whether other accounts can see
process command lines (the ``hidepid`` option of /proc), whether the folder is on a network
filesystem, which terminal multiplexer may keep scrollback, and says what the shell's
history keeps.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import stat
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .content.bundle import content
from .content.checks import ContentProblem, TableReader
from .words import os_reason

CONTENT = "privacy.toml"

# Filesystems whose files live on another machine.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "davfs",
        "9p",
        "lustre",
        "gpfs",
    }
)
# /proc mount options under which other accounts cannot read a process's command line.
HIDDEN_PROCESSES = ("hidepid=1", "hidepid=2", "hidepid=noaccess", "hidepid=invisible")


class PrivacyContentProblem(ContentProblem):
    pass


Level = Literal["fine", "look", "know"]  # fine; worth a look; good to know


@dataclass(frozen=True)
class Finding:
    heading: str
    seen: str
    what_to_do: str
    level: Level


@dataclass(frozen=True)
class Mount:
    point: str
    kind: str
    options: tuple[str, ...]


def check(
    vault_path: Path,
    *,
    environ: Mapping[str, str] | None = None,
    mounts: list[Mount] | None = None,
) -> list[Finding]:
    """Every finding, in the order a person would read them."""
    environ = os.environ if environ is None else environ
    mounts = read_mounts() if mounts is None else mounts
    folder = Path(os.path.abspath(vault_path.expanduser())).parent
    return [
        _folder(folder),
        _processes(mounts),
        _disk(folder, mounts),
        _scrollback(environ),
        _plain("history"),
        _plain("deleting"),
    ]


# -- each finding ----------------------------------------------------------------------------


def _folder(folder: Path) -> Finding:
    words = _words("folder")
    try:
        info = folder.stat()
    except FileNotFoundError:
        return _fine(words, words.text("missing").format(folder=folder))
    except OSError as error:
        seen = words.text("unreadable").format(folder=folder, reason=os_reason(error))
        return Finding(words.text("heading"), seen, words.text("unreadable_todo"), "know")
    if info.st_uid != os.getuid():
        return _look(words, "owner", folder=folder, owner=_account(info.st_uid))
    open_to_others = stat.S_IMODE(info.st_mode) & 0o077
    if open_to_others:
        return _look(
            words,
            "others",
            folder=folder,
            how=_what_others_can_do(words, open_to_others),
            mode=f"{stat.S_IMODE(info.st_mode):o}",
        )
    return _fine(words, words.text("private").format(folder=folder))


def _processes(mounts: list[Mount]) -> Finding:
    words = _words("processes")
    proc = _mount_of(Path("/proc"), mounts)
    hidden = [o for o in proc.options if o in HIDDEN_PROCESSES] if proc else []
    if proc is not None and proc.point == "/proc" and hidden:
        return _fine(words, words.text("hidden").format(option=hidden[0]))
    return Finding(words.text("heading"), words.text("visible"), words.text("visible_todo"), "look")


def _disk(folder: Path, mounts: list[Mount]) -> Finding:
    words = _words("disk")
    mount = _mount_of(_existing(folder), mounts)
    if mount is None:
        return Finding(
            words.text("heading"), words.text("unknown"), words.text("unknown_todo"), "know"
        )
    if mount.kind in NETWORK_FILESYSTEMS:
        return _look(words, "network", kind=mount.kind)
    return _fine(words, words.text("local").format(kind=mount.kind))


def _scrollback(environ: Mapping[str, str]) -> Finding:
    words = _words("scrollback")
    if environ.get("TMUX"):
        where = "tmux"
    elif environ.get("STY"):
        where = "screen_altscreen" if screen_altscreen_on(environ) else "screen"
    else:
        where = "plain"
    level: Level = "look" if where == "screen" else "know"
    return Finding(words.text("heading"), words.text(where), words.text(f"{where}_todo"), level)


_ALTSCREEN_ON = re.compile(r"^\s*altscreen\s+on\b", re.IGNORECASE | re.MULTILINE)
SCREENRC_LIMIT = 256 * 1024
SYSTEM_SCREENRC = "/etc/screenrc"


def screen_altscreen_on(environ: Mapping[str, str]) -> bool:
    """Whether GNU screen's settings turn its alternate screen on (then what Cairn shows
    never enters screen's scrollback). Read from $SCREENRC or ~/.screenrc, and the system's
    /etc/screenrc; a file that cannot be read counts as not turning it on."""
    home = environ.get("HOME", "")
    files = [environ.get("SCREENRC") or (f"{home}/.screenrc" if home else ""), SYSTEM_SCREENRC]
    return any(_ALTSCREEN_ON.search(_read_settings_file(name)) for name in filter(None, files))


def _read_settings_file(name: str) -> str:
    """The start of a regular file, or "" (a pipe or a device must not hang the check)."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        return os.read(fd, SCREENRC_LIMIT).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        os.close(fd)


def screen_keeps_what_is_shown(environ: Mapping[str, str] | None = None) -> bool:
    """Inside GNU screen, without its alternate screen: what Cairn shows stays in screen's
    scrollback after Cairn has cleared its own."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("STY")) and not environ.get("TMUX") and not screen_altscreen_on(environ)


def _plain(key: str) -> Finding:
    words = _words(key)
    return Finding(words.text("heading"), words.text("text"), words.text("todo"), "know")


def _fine(words: TableReader, seen: str) -> Finding:
    return Finding(words.text("heading"), seen, words.text("nothing"), "fine")


def _look(words: TableReader, key: str, **values: object) -> Finding:
    return Finding(
        words.text("heading"),
        words.text(key).format(**values),
        words.text(f"{key}_todo").format(**values),
        "look",
    )


def _what_others_can_do(words: TableReader, bits: int) -> str:
    """What the group and other permission bits of a folder let other accounts do."""
    if bits & 0o044 and bits & 0o022:
        return words.text("how_both")
    if bits & 0o044:
        return words.text("how_see")
    if bits & 0o022:
        return words.text("how_change")
    return words.text("how_enter")


def _account(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"user {uid}"


# -- the machine ------------------------------------------------------------------------------


def read_mounts(text: str | None = None) -> list[Mount]:
    """The mounted filesystems, from /proc/self/mounts (or ``text`` in the same form)."""
    if text is None:
        try:
            text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 4:
            found.append(Mount(_unescape(fields[1]), fields[2], tuple(fields[3].split(","))))
    return found


def _unescape(field: str) -> str:
    # The kernel writes a space in a mount point as \040, a tab as \011 and so on.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def _mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The filesystem ``path`` is on: the mount with the longest matching mount point (the
    last one mounted there, when several are)."""
    target = os.path.realpath(path)
    best: Mount | None = None
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        inside = target == point or target.startswith(point if point == "/" else point + "/")
        if inside and (best is None or len(point) >= len(best.point.rstrip("/") or "/")):
            best = mount
    return best


def _existing(folder: Path) -> Path:
    """``folder``, or its nearest parent that exists (the vault may not be made yet)."""
    for candidate in (folder, *folder.parents):
        with contextlib.suppress(OSError):  # a folder we may not look into: try its parent
            if candidate.exists():
                return candidate
    return Path("/")


# -- the words ------------------------------------------------------------------------------


def read_privacy_content(data: dict[str, object]) -> TableReader:
    """privacy.toml, with every word the check can say looked up once: a damaged file is
    named at start, not when a finding is shown."""
    reader = TableReader(data, "the file", CONTENT, PrivacyContentProblem)
    for section, keys in _KEYS.items():
        table = reader.within(reader.table.get(section), f"[{section}]")
        for key in keys:
            table.text(key)
    for key in ("title", "intro", "fine", "look", "know", "todo", "leave"):
        reader.text(key)
    return reader


def _content() -> TableReader:
    return content().privacy


def _words(section: str) -> TableReader:
    return _content().within(_content().table.get(section), f"[{section}]")


def as_text(findings: list[Finding], width: int = 78) -> str:
    """The findings as plain text for a terminal: a label and heading, then what was seen
    and what can be done, indented and wrapped."""
    lines: list[str] = []
    for finding in findings:
        lines.append(f"{words(finding.level)}: {finding.heading}")
        for text in (finding.seen, f"{words('todo')}: {finding.what_to_do}"):
            # A path is never broken, so that it can be copied as it is.
            wrapped = textwrap.fill(
                text,
                width,
                initial_indent="  ",
                subsequent_indent="  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            lines.append(wrapped)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def screen_notice() -> str:
    """The one sentence the app says at start inside GNU screen without altscreen."""
    return _words("scrollback").text("notice")


def words(key: str) -> str:
    """One of the check's own words (its title, its labels)."""
    return _content().text(key)


_KEYS = {
    "folder": (
        "heading",
        "private",
        "missing",
        "others",
        "others_todo",
        "how_see",
        "how_change",
        "how_both",
        "how_enter",
        "owner",
        "owner_todo",
        "unreadable",
        "unreadable_todo",
        "nothing",
    ),
    "processes": ("heading", "hidden", "visible", "visible_todo", "nothing"),
    "disk": ("heading", "local", "network", "network_todo", "unknown", "unknown_todo", "nothing"),
    "scrollback": (
        "heading",
        "tmux",
        "tmux_todo",
        "screen",
        "screen_todo",
        "screen_altscreen",
        "screen_altscreen_todo",
        "notice",
        "plain",
        "plain_todo",
    ),
    "history": ("heading", "text", "todo"),
    "deleting": ("heading", "text", "todo"),
}
