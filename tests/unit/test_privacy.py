"""The privacy check: each finding from what the machine shows, in the content file's words."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.helpers import CAIRN, run_cairn
from tui import content, privacy
from tui.privacy import Finding, Mount, read_mounts

LOCAL = [Mount("/", "ext4", ("rw",)), Mount("/proc", "proc", ("rw", "nosuid"))]


def _check(vault: Path, *, environ: dict[str, str] | None = None, mounts: list[Mount] = LOCAL) -> dict[str, Finding]:  # fmt: skip
    found = privacy.check(vault, environ=environ or {}, mounts=mounts)
    return {finding.heading: finding for finding in found}


def _folder(tmp_path: Path, mode: int) -> Path:
    folder = tmp_path / "private"
    folder.mkdir()
    folder.chmod(mode)
    return folder / "vault.cairn"


def test_a_folder_only_its_owner_can_open_is_fine(tmp_path: Path) -> None:
    finding = _check(_folder(tmp_path, 0o700))["The vault's folder"]
    assert finding.level == "fine"
    assert finding.seen == f"Only your account can open {tmp_path / 'private'}."


@pytest.mark.parametrize(
    ("mode", "how"),
    [
        (0o755, "see the names of the files in"),
        (0o711, "enter"),
        (0o733, "add or remove files in"),
        (0o777, "see the names of the files in and add or remove files in"),
    ],
)
def test_a_folder_others_can_look_into_is_worth_a_look(tmp_path: Path, mode: int, how: str) -> None:  # fmt: skip
    finding = _check(_folder(tmp_path, mode))["The vault's folder"]
    assert finding.level == "look"
    assert f"can {how} {tmp_path / 'private'} (its permissions are {mode:o})" in finding.seen
    # One plain sentence first, then the technical detail.
    assert finding.what_to_do.startswith("Make the folder yours alone. ")
    assert f"Run chmod 700 {tmp_path / 'private'}" in finding.what_to_do


def test_a_folder_of_another_account_is_worth_a_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = _folder(tmp_path, 0o700)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(tmp_path).st_uid + 1)
    finding = _check(vault)["The vault's folder"]
    assert finding.level == "look" and "belongs to another account" in finding.seen


def test_no_folder_yet_says_cairn_will_make_it_private(tmp_path: Path) -> None:
    finding = _check(tmp_path / "later" / "vault.cairn")["The vault's folder"]
    assert finding.level == "fine" and "does not exist yet" in finding.seen


@pytest.mark.parametrize("option", ["hidepid=2", "hidepid=invisible", "hidepid=1"])
def test_hidden_processes_are_fine(tmp_path: Path, option: str) -> None:
    mounts = [Mount("/", "ext4", ("rw",)), Mount("/proc", "proc", ("rw", option))]
    finding = _check(_folder(tmp_path, 0o700), mounts=mounts)["Who can see that Cairn is running"]
    assert finding.level == "fine" and option in finding.seen


def test_visible_process_lines_say_what_others_see_and_never_the_passphrase(tmp_path: Path) -> None:  # fmt: skip
    finding = _check(_folder(tmp_path, 0o700))["Who can see that Cairn is running"]
    assert finding.level == "look"
    assert finding.seen.startswith("Other people on this machine can see which programs you run.")
    assert "never see your passphrase or your words" in finding.seen
    assert "CAIRN_VAULT" in finding.what_to_do and "hidepid=2" in finding.what_to_do


def test_a_network_filesystem_is_named(tmp_path: Path) -> None:
    vault = _folder(tmp_path, 0o700)
    mounts = [*LOCAL, Mount(str(tmp_path), "nfs4", ("rw",)), Mount("/elsewhere", "cifs", ())]
    finding = _check(vault, mounts=mounts)["Where the vault is kept"]
    assert finding.level == "look" and "network drive (nfs4)" in finding.seen


def test_a_local_disk_is_fine_and_the_deepest_mount_wins(tmp_path: Path) -> None:
    vault = _folder(tmp_path, 0o700)
    mounts = [Mount("/", "nfs", ()), Mount(str(tmp_path), "ext4", ())]
    finding = _check(vault, mounts=mounts)["Where the vault is kept"]
    assert finding.level == "fine" and finding.seen.endswith("(ext4).")


def test_mount_points_with_spaces_are_read_as_the_kernel_writes_them() -> None:
    mounts = read_mounts(
        "server:/x /mnt/my\\040disk nfs4 rw,relatime 0 0\nproc /proc proc rw 0 0\n"
    )
    assert mounts[0] == Mount("/mnt/my disk", "nfs4", ("rw", "relatime"))


@pytest.mark.parametrize(
    ("environ", "starts", "level"),
    [
        ({"TMUX": "/tmp/tmux-0/default,1,0"}, "You are inside tmux", "know"),
        ({"STY": "1234.pts-0.host"}, "You are inside GNU screen", "look"),
        ({}, "Cairn clears what it showed when it closes or hides", "know"),
    ],
)
def test_the_terminal_finding_follows_the_multiplexer(
    tmp_path: Path, environ: dict[str, str], starts: str, level: str
) -> None:
    finding = _check(_folder(tmp_path, 0o700), environ=environ)["What the terminal keeps"]
    assert finding.seen.startswith(starts) and finding.level == level


def test_history_and_deleting_it_are_always_said(tmp_path: Path) -> None:
    found = _check(_folder(tmp_path, 0o700))
    assert found["Your shell's history"].what_to_do.startswith("Type a space before a command")
    assert "can itself be noticed" in found["Deleting history"].seen


def test_the_words_are_plain(tmp_path: Path) -> None:
    text = privacy.as_text(privacy.check(_folder(tmp_path, 0o755), environ={"STY": "1"}))
    assert "!" not in text
    # Wrapped at 78 columns; only a word longer than that (a path) stands alone on its line.
    assert all(len(line) <= 78 or " " not in line.strip() for line in text.splitlines())
    assert text.count("What you can do: ") == 6


def test_a_damaged_content_file_is_named() -> None:
    damaged = {k: v for k, v in tomllib.loads(content.read_text("privacy.toml")).items() if k != "disk"}
    with pytest.raises(privacy.PrivacyContentProblem, match=r"privacy.toml: \[disk\]"):
        privacy.read_privacy_content(damaged)


def test_cairn_doctor_needs_no_passphrase_and_names_the_vault(tmp_path: Path) -> None:
    vault = _folder(tmp_path, 0o755)
    done = subprocess.run(
        [CAIRN, "doctor", "--vault", str(vault)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Privacy check: {vault}\n")
    assert (
        "Worth a look: The vault's folder\n  Other people on this machine can look" in done.stdout
    )
    assert "Good to know: Deleting history" in done.stdout


def test_cairn_init_shows_the_privacy_check_once_after_the_recovery_code(tmp_path: Path) -> None:
    vault = tmp_path / "private" / "vault.cairn"
    done = run_cairn(
        "init", "--vault", str(vault), "--insecure-fast-kdf", lines=("a quiet river at dawn",) * 2
    )
    assert done.code == 0, done.err
    code_at, check_at = done.out.index("Recovery code: "), done.out.index("Privacy check: ")
    assert code_at < check_at
    said = " ".join(done.out.split())  # long paths wrap
    assert f"Fine: The vault's folder Only your account can open {vault.parent}." in said


def test_a_folder_that_cannot_be_looked_at_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = _folder(tmp_path, 0o700)
    real_stat = Path.stat

    def refused(self: Path, **kwargs: object) -> os.stat_result:
        if self == vault.parent:
            raise PermissionError(13, "Permission denied")
        return real_stat(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", refused)
    finding = _check(vault)["The vault's folder"]
    assert finding.seen == f"Cairn could not look at {vault.parent} (Permission denied)."
    assert finding.level == "know"


@pytest.fixture
def no_system_screenrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(privacy, "SYSTEM_SCREENRC", str(tmp_path / "no-such-screenrc"))
    home = tmp_path / "home"
    home.mkdir()
    return home


@pytest.mark.parametrize(
    ("screenrc", "on"),
    [
        (None, False),
        ("startup_message off\n", False),
        ("# altscreen on\nstartup_message off\n", False),
        ("startup_message off\n  altscreen on\n", True),
        ("ALTSCREEN On # comment\n", True),
        ("altscreen off\n", False),
    ],
)
def test_screens_alternate_screen_is_read_from_its_settings(
    no_system_screenrc: Path, screenrc: str | None, on: bool
) -> None:
    if screenrc is not None:
        (no_system_screenrc / ".screenrc").write_text(screenrc)
    environ = {"HOME": str(no_system_screenrc), "STY": "1234.pts-0.host"}
    assert privacy.screen_altscreen_on(environ) is on
    assert privacy.screen_keeps_what_is_shown(environ) is (not on)
    assert privacy.screen_keeps_what_is_shown({**environ, "STY": ""}) is False
    finding = _check(_folder(no_system_screenrc, 0o700), environ=environ)["What the terminal keeps"]
    assert finding.level == ("know" if on else "look")


def test_screenrc_from_its_variable_and_a_pipe_never_hangs(
    no_system_screenrc: Path, tmp_path: Path
) -> None:
    chosen = tmp_path / "elsewhere"
    chosen.write_text("altscreen on\n")
    assert privacy.screen_altscreen_on({"HOME": "/nonexistent", "SCREENRC": str(chosen)})
    pipe = no_system_screenrc / ".screenrc"
    os.mkfifo(pipe)  # nobody writes it: opening it for reading the usual way would block
    assert privacy.screen_altscreen_on({"HOME": str(no_system_screenrc)}) is False
