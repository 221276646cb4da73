"""What ``cairn --help`` and ``cairn COMMAND --help`` say beyond the options: the command's
description, the environment variables and files it uses, and its exit codes, all from
tui/content/cli.toml. Read only when help is shown, so starting Cairn never parses it."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .content.bundle import content
from .content.checks import ContentProblem, TableReader

FILE = "cli.toml"
WIDTH = 78


@dataclass(frozen=True)
class CommandHelp:
    description: str
    epilog: str


def _content() -> TableReader:
    return content().cli


def check_cli_content(reader: TableReader) -> None:
    """Every command's help, its line in the list of commands and every option's words can
    be made."""
    commands = reader.within(reader.table.get("commands"), "[commands]")
    if "cairn" not in commands.table:
        raise commands.problem("'cairn' has no table.")
    for command in commands.table:
        command_help(command, reader)
        if command != "cairn":
            summary(command, reader)
    _names(reader, "options")
    labels = reader.within(reader.table.get("labels"), "[labels]")
    for key in ("commands", "options", "positionals", "usage"):
        labels.text(key)


def _names(reader: TableReader, key: str) -> dict[str, str]:
    table = reader.within(reader.table.get(key), f"[{key}]")
    return {name: table.text(name) for name in table.table}


def command_help(command: str, root: TableReader | None = None) -> CommandHelp:
    """The help of one command (``cairn`` for the command run alone)."""
    root = root or _content()
    codes = _names(root, "exit_codes")
    environment = _names(root, "environment")
    files = _names(root, "files")
    labels = root.within(root.table.get("labels"), "[labels]")
    commands = root.within(root.table.get("commands"), "[commands]")
    if command not in commands.table:
        raise commands.problem(f"'{command}' has no table.")
    this = commands.within(commands.table[command], f"[commands.{command}]")
    this.only("summary", "description", "environment", "files", "exit_codes")
    sections = [
        (labels.text("environment"), _pick(this, "environment", environment)),
        (labels.text("files"), _pick(this, "files", files)),
        (labels.text("exit_codes"), _pick(this, "exit_codes", codes)),
    ]
    return CommandHelp(
        description=textwrap.fill(this.text("description"), WIDTH),
        epilog="\n\n".join(_section(title, rows) for title, rows in sections),
    )


def _pick(this: TableReader, key: str, known: dict[str, str]) -> list[tuple[str, str]]:
    value = this.table.get(key)
    if not isinstance(value, list) or not value:
        raise this.problem(f"'{key}' should be a list.")
    rows = []
    for item in value:
        if str(item) not in known:
            raise this.problem(f"'{key}' names '{item}', which is not described.")
        label = known[str(item)]
        rows.append((str(item), label) if key != "files" else ("", label))
    return rows


def _section(title: str, rows: list[tuple[str, str]]) -> str:
    name_width = max(len(name) for name, _ in rows)
    lines = [title]
    for name, text in rows:
        lead = f"  {name.ljust(name_width)}  " if name_width else "  "
        lines.extend(
            textwrap.wrap(text, WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead))
        )
    return "\n".join(lines)


def summary(command: str, root: TableReader | None = None) -> str:
    """The command's line in the list of ``cairn --help``."""
    root = root or _content()
    commands = root.within(root.table.get("commands"), "[commands]")
    return commands.within(commands.table.get(command), f"[commands.{command}]").text("summary")


def option_help(key: str) -> str:
    """What one option does, in ``[options]``."""
    root = _content()
    return root.within(root.table.get("options"), "[options]").text(key)


def label(key: str) -> str:
    root = _content()
    return root.within(root.table.get("labels"), "[labels]").text(key)


def metavar(name: str) -> str:
    """The word standing for an option's value in help and usage lines ("FILE"), by the
    name the code gives it."""
    root = _content()
    return root.within(root.table.get("metavars"), "[metavars]").text(name)


def value_word(name: str) -> str:
    """``metavar(name)`` when ``name`` is one (argparse names a value in its refusals, "FILE"),
    else ``name`` as it is (an option, "--to")."""
    known = _content().table.get("metavars")
    return metavar(name) if isinstance(known, dict) and name in known else name


def check_all(commands: list[str]) -> None:
    """Every command has its help, and every name it lists is described (for the tests and
    for ``domain.load``'s check of content)."""
    for command in commands:
        command_help(command)


__all__ = [
    "CommandHelp",
    "ContentProblem",
    "check_all",
    "command_help",
    "label",
    "option_help",
    "summary",
]
