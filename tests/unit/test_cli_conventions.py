"""What people expect of a command-line tool: --version, help that says what a command
uses and how it ends, every key binding listed, and no escape codes drawn where no terminal
can show them."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.bench.pty_terminal import ProgramEnded, PtyProgram
from tests.helpers import CAIRN
from tui import cli
from tui.keys import DEFAULT_KEYS

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CAIRN, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def _commands() -> list[str]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if a.dest == "==SUPPRESS==" and a.choices)
    return sorted(action.choices)  # type: ignore[arg-type]


def test_version() -> None:
    done = _run("--version")
    assert done.returncode == 0 and done.stdout == f"cairn {version('cairn')}\n"


def _readme_exit_codes() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    return {row.split("|")[1].strip() for row in table.splitlines()[2:]}


@pytest.mark.parametrize("command", ["", *_commands()])
def test_every_help_describes_the_command_its_environment_files_and_exit_codes(
    command: str,
) -> None:
    done = _run(*([command] if command else []), "--help")
    assert done.returncode == 0 and done.stderr == ""
    head, _, rest = done.stdout.partition("\n\n")
    assert head.startswith("usage: cairn")
    description = rest.split("\n\n", 1)[0]
    assert len(description.split()) >= 8 and not description.startswith("options:")
    for section in ("environment:", "files:", "exit codes:"):
        assert f"\n{section}\n" in done.stdout
    codes = re.findall(r"^  (\d+) ", done.stdout.split("exit codes:", 1)[1], re.MULTILINE)
    assert codes and set(codes) <= _readme_exit_codes() and "0" in codes
    assert all(len(line) <= 80 for line in done.stdout.splitlines())
    # Every word is the catalogue's, argparse's own too (its titles, -h's line).
    assert "show this help message" not in done.stdout
    assert "positional arguments:" not in done.stdout
    assert re.search(r"^  -h, --help +show this help and stop$", done.stdout, re.MULTILINE)


def test_every_command_has_its_help_in_the_content() -> None:
    from tui.cli_help import check_all

    check_all(["cairn", *_commands()])


def test_doctor_does_not_offer_a_passphrase_descriptor() -> None:
    assert "--passphrase-fd" not in _run("doctor", "--help").stdout
    done = _run("doctor", "--passphrase-fd", "0")
    assert done.returncode == 2 and "unrecognized arguments: --passphrase-fd" in done.stderr


def test_keys_lists_every_binding_with_its_keys_now_and_its_default(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('panic_keys = ["f10"]\n[keys]\nhome-journal = "g"\n')
    settings.chmod(0o600)
    done = _run("keys", env={"CAIRN_CONFIG": str(settings)})
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()[1:]}
    assert set(rows) == set(DEFAULT_KEYS)
    for name, keys in DEFAULT_KEYS.items():
        assert rows[name][-1] == keys
    assert rows["home-journal"] == ["g", "j"]
    assert rows["panic"] == ["f10", "f12,ctrl+backslash"]  # the setting the app reads for it


def test_the_readme_lists_every_binding_id_with_its_default() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `([a-z0-9-]+)` \| `([^`]+)` \|$", text, re.MULTILINE))
    assert listed == DEFAULT_KEYS


def _in_a_terminal(args: list[str], term: str | None) -> tuple[int, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "TERM"}
    if term is not None:
        env["TERM"] = term
    program = PtyProgram([CAIRN, *args], env)
    try:
        with contextlib.suppress(ProgramEnded):
            # Still running after this (it drew the app instead of refusing): the
            # TimeoutError fails the test, and close() ends the program.
            program.wait_for(lambda _: False, 30)
        return program.process.wait(timeout=60), bytes(program.output)
    finally:
        program.close()


@pytest.mark.parametrize("term", ["dumb", None])
@pytest.mark.parametrize("args", [[], ["log"]])
def test_a_terminal_that_cannot_draw_gets_one_sentence_and_exit_2(
    tmp_path: Path, term: str | None, args: list[str]
) -> None:
    code, output = _in_a_terminal([*args, "--vault", str(tmp_path / "v.cairn")], term)
    assert code == 2
    assert b"\x1b" not in output  # nothing drawn: no alternate screen, no colours
    text = output.decode()
    assert len(text.strip().splitlines()) == 1 and ("TERM=dumb" in text or "without TERM" in text)


def test_without_a_terminal_the_app_is_not_drawn_into_a_file(tmp_path: Path) -> None:
    out = tmp_path / "captured"
    with out.open("w") as handle:
        done = subprocess.run(
            [CAIRN, "--vault", str(tmp_path / "v.cairn")],
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2 and out.read_bytes() == b""
    assert "not a terminal" in done.stderr and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["--no-such-option"], "unrecognized"),
        (["export"], "required"),
        (["export", "--format", "pdf"], "choice"),
        (["backup", "--to", "/tmp", "--keep", "x"], "whole_number"),
        (["log", "--when"], "one_value"),
        (["attach"], "required"),
        (["export", "--force=1", "--format", "json"], "no_value"),
        (["nosuch"], "choice"),
    ],
)
def test_argparse_s_refusals_are_said_in_the_catalogue_s_words(
    args: list[str], key: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse writes them in its own English; each comes out in words.toml's."""
    real = cli.say

    def say(name: str, /, **values: object) -> str:
        if name.startswith("cli.argparse."):
            inner = " ".join(f"{k}={v}" for k, v in sorted(values.items()))
            return f"<{name.removeprefix('cli.argparse.')} {inner}>"
        return real(name, **values)

    monkeypatch.setattr(cli, "say", say)
    with pytest.raises(SystemExit) as ended:
        cli.main(args)
    said = capsys.readouterr().err.splitlines()[-1]
    assert ended.value.code == 2 and said.startswith("cairn: <") and f"<{key} " in said
