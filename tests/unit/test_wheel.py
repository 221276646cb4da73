"""A wheel built from the repository installs into a fresh virtual environment and runs,
with the styles and the content data inside it."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_runs_in_a_fresh_environment(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "dist").glob("cairn-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/content/phases.toml" in names
    assert "tui/content/questionnaires/conflict_health.toml" in names
    assert "tui/content/learn/06-using-cairn-safely.md" in names
    assert "tui/content/es/screens.toml" in names  # and every Spanish file beside it
    assert "tui/content/es/learn/06-using-cairn-safely.md" in names
    assert "tui/vault/FORMAT.md" in names
    assert any(name.startswith("styles/") and name.endswith(".tcss") for name in names)
    assert not any(name.startswith("tests/") for name in names)

    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # Dependencies come from the registry (or pip's cache); the project itself from the wheel.
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    vault = tmp_path / "private" / "vault.cairn"
    read_end, write_end = os.pipe()
    os.write(write_end, b"a wheel test passphrase\n" * 2)
    os.close(write_end)
    done = subprocess.run(
        [
            str(env_dir / "bin" / "cairn"),
            "init",
            "--insecure-fast-kdf",
            "--vault",
            str(vault),
            "--passphrase-fd",
            str(read_end),
        ],
        capture_output=True,
        text=True,
        pass_fds=(read_end,),
        cwd=tmp_path,
        env={**os.environ, "LANG": "es_ES.UTF-8", "CAIRN_CONFIG": str(tmp_path / "none.toml")},
    )
    os.close(read_end)
    assert done.returncode == 0, done.stderr
    assert f"Se creó una bóveda en {vault}." in done.stdout  # the installed Spanish words
    probe = (
        "from importlib import resources; from tui import journal; "
        "print(len(journal.phases()), resources.files('styles').joinpath('app.tcss').is_file())"
    )
    shown = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert shown.stdout.split() == ["5", "True"], shown.stderr
