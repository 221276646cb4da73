"""The safety plan from the command line: printing it as text or a web page, into a new
private file, with the same warnings as the journal's reports."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, fingerprint, new_vault, run_cairn
from tui import safety_plan as sp

ODD = "[b]Sam[/b] <i>x</i> \x1b]0;owned\x07 🙂"


@pytest.fixture
def planned(vault_path: Path) -> Path:
    vault, _ = new_vault(vault_path)
    sp.set_mode(vault, "stay")
    sp.set_review_by(vault, date(2026, 12, 24))
    people = sp.load(vault).section("people")
    sp.save_section(
        vault,
        replace(people, rows=({"name": ODD, "reach": "555-0100", "knows": "", "check_in": ""},)),
    )
    vault.lock()
    return vault_path


@pytest.mark.parametrize(("kind", "suffix"), [("plan-text", ".txt"), ("plan-html", ".html")])
def test_the_plan_prints_to_a_new_private_file_never_replaced(
    planned: Path, tmp_path: Path, kind: str, suffix: str
) -> None:
    out = tmp_path / f"plan{suffix}"
    done = run_cairn("export", "--vault", str(planned), "--format", kind, "--out", str(out),
                     lines=(PASSPHRASE,))  # fmt: skip
    assert done.code == 0, done.err
    assert "unencrypted" in done.err and done.out == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text("utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert "Staying safer" in text and "2026-12-24" in text and "800-799-7233" in text
    if kind == "plan-text":
        assert "[b]Sam[/b] <i>x</i> \u241b]0;owned\u2407 🙂" in text
    else:
        assert "[b]Sam[/b] &lt;i&gt;x&lt;/i&gt; \u241b]0;owned\u2407 🙂" in text
    before = fingerprint(out)
    again = run_cairn("export", "--vault", str(planned), "--format", kind, "--out", str(out),
                      lines=(PASSPHRASE,))  # fmt: skip
    assert again.code == 2 and "already exists" in again.err
    assert fingerprint(out) == before


def test_the_plan_to_standard_output_comes_with_a_warning(planned: Path) -> None:
    done = run_cairn("export", "--vault", str(planned), "--format", "plan-text",
                     lines=(PASSPHRASE,))  # fmt: skip
    assert done.code == 0 and "unencrypted" in done.err
    assert done.out.startswith("SAFETY PLAN\n")


def test_days_do_not_apply_to_the_plan(planned: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    done = run_cairn("export", "--vault", str(planned), "--format", "plan-text",
                     "--from", "2026-01-01", "--out", str(out), lines=(PASSPHRASE,))  # fmt: skip
    assert done.code == 2 and "printed whole" in done.err
    assert not out.exists()


def test_the_json_export_carries_the_plan(planned: Path) -> None:
    done = run_cairn("export", "--vault", str(planned), "--format", "json", lines=(PASSPHRASE,))
    assert done.code == 0, done.err
    plan = json.loads(done.out)["safety_plan"]
    assert plan["mode"] == "stay" and plan["review_by"] == "2026-12-24"
    assert plan["sections"]["people"]["rows"][0]["name"] == ODD
    assert sp.SafetyPlan.from_record(plan).first_trusted() == plan["sections"]["people"]["rows"][0]


def test_damaged_content_is_named_in_one_sentence_and_exit_code_1() -> None:
    """Cairn's own content is checked as it loads; a damaged file never shows a traceback."""
    import subprocess
    import sys

    probe = (
        "import sys, tui.content as content; real = content.read_text; "
        "content.read_text = lambda name: '' if name == 'safety_plan.toml' else real(name); "
        "sys.argv = ['cairn', 'check']; from tui.launch import run; run()"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith("Cairn cannot start because one of its own files is damaged: ")
    assert "safety_plan.toml: [source] should be a table." in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
