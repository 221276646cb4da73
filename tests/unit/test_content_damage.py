"""Every content file is read once, through its strict reader, before anything is unlocked:
a damaged one, of any kind, is named with the place in it in one sentence and exit code 1,
never a traceback. Each case damages one shipped file in a copy of Cairn and runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT = Path("tui/content")
SENTENCE = "Cairn cannot start because one of its own files is damaged: "


def _first_line_removed(pattern: str) -> Callable[[str], str]:
    def damage(text: str) -> str:
        return re.sub(pattern, "", text, count=1, flags=re.MULTILINE)

    return damage


# file, how it is damaged, what the sentence must say
CASES: list[tuple[str, Callable[[str], str], str]] = [
    ("screens.toml", lambda t: t + "\n[[[\n", "screens.toml: not valid TOML"),
    ("screens.toml", lambda t: t.replace("[home]\n", "[home]\nodd = 3\n", 1), "'home.odd'"),
    # The example: it printed "unexpected problem (KeyError)".
    ("journal.toml", _first_line_removed(r'^label = ".*"\n'), "'label' is missing"),
    ("journal.toml", lambda t: t.replace("\n[facts]\n", "\n[fact]\n"), "[facts] should be a table"),
    ("phases.toml", _first_line_removed(r'^letter = ".*"\n'), "'letter' is missing"),
    ("safety_plan.toml", lambda t: "", "safety_plan.toml: [source] should be a table"),
    ("privacy.toml", lambda t: t.replace("\n[disk]\n", "\n[disc]\n"), "privacy.toml: [disk]"),
    ("learn/02-the-cycle.md", lambda t: "The cycle\n" + t, "02-the-cycle.md: the first line"),
    ("questionnaires/conflict_health.toml", lambda t: t + "\n= =\n", "conflict_health.toml"),
    ("cli.toml", lambda t: t.replace("\n[commands.cairn]\n", "\n[commands.kairn]\n"), "'cairn'"),
    ("cli.toml", lambda t: t.replace('summary = "change', 'sumary = "change', 1), "'sumary'"),
    (
        "words.toml",
        lambda t: t.replace("[vault.what]\n", "[vault.what]\nodd = 3\n"),
        "'vault.what.odd'",
    ),
    ("words.toml", lambda t: t + "\n[[[\n", "words.toml: not valid TOML"),
    ("passphrase_words.txt", lambda t: t + "two words\n", "passphrase_words.txt: line"),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("cairn")
    for package in ("tui", "screens", "styles"):
        shutil.copytree(
            ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return copy


@pytest.mark.parametrize(
    ("name", "damage", "says"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
@pytest.mark.parametrize("command", [["check"], ["log"]])
def test_a_damaged_file_is_one_sentence_and_exit_1(
    pristine: Path,
    tmp_path: Path,
    name: str,
    damage: Callable[[str], str],
    says: str,
    command: list[str],
) -> None:
    said = _damaged_run(pristine, tmp_path, name, damage, command)
    assert says in said, said


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("cli.toml", ["--help"]),
        ("cli.toml", ["export", "--help"]),
        ("cli.toml", ["--no-such-option"]),  # the usage line's word is cli.toml's
    ],
)
def test_help_and_usage_errors_with_a_damaged_file_are_one_sentence(
    pristine: Path, tmp_path: Path, name: str, command: list[str]
) -> None:
    said = _damaged_run(pristine, tmp_path, name, lambda t: t + "\n[[[\n", command)
    assert f"{name}: not valid TOML" in said, said


def _damaged_run(
    pristine: Path,
    tmp_path: Path,
    name: str,
    damage: Callable[[str], str],
    command: list[str],
) -> str:
    """``cairn COMMAND`` run from a copy of Cairn with one content file damaged: it must
    end with exit code 1 and one sentence naming the damage, which is returned."""
    copy = tmp_path / "cairn"
    shutil.copytree(pristine, copy)
    path = copy / CONTENT / name
    damaged = damage(path.read_text(encoding="utf-8"))
    assert damaged != path.read_text(encoding="utf-8"), "the damage changed nothing"
    path.write_text(damaged, encoding="utf-8")
    probe = f"import sys; sys.argv = ['cairn', *{command!r}]; from tui.launch import run; run()"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=copy,
        env={**os.environ, "PYTHONPATH": str(copy), "CAIRN_VAULT": str(tmp_path / "v.cairn")},
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(SENTENCE), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    return done.stderr


def test_the_copy_is_the_one_that_runs(pristine: Path, tmp_path: Path) -> None:
    """Without damage the copy starts (and then finds no vault): the cases above are read
    from the damaged copy, not from the installed Cairn."""
    done = subprocess.run(
        [sys.executable, "-c", "import tui, sys; print(tui.__file__)"],
        capture_output=True,
        text=True,
        cwd=pristine,
        env={**os.environ, "PYTHONPATH": str(pristine)},
        timeout=60,
    )
    assert done.stdout.strip() == str(pristine / "tui" / "__init__.py")
