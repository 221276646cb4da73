"""A shared machine for the SSH tier: OpenSSH's server on 127.0.0.1 with its own
configuration and host key, two throwaway accounts, and Cairn installed where both can run
it. Everything is made in temporary places and removed afterwards.

Needs root (to add accounts and run sshd), as CI runs. `.ci/run` installs OpenSSH when it is
missing.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SSHD = Path("/usr/sbin/sshd")
SYSTEM_PYTHON = Path("/usr/bin/python3")

if os.geteuid() != 0:
    pytest.skip(
        "the SSH tier adds two accounts and runs sshd, which needs root (CI runs as root)",
        allow_module_level=True,
    )
for needed in (SSHD, Path("/usr/bin/ssh"), SYSTEM_PYTHON):
    if not needed.exists():
        pytest.fail(f"{needed} is needed for the SSH tier; .ci/run installs it", pytrace=False)


@dataclass
class Account:
    name: str
    home: Path
    uid: int


@dataclass
class SharedMachine:
    first: Account  # the person using Cairn
    second: Account  # another person with an account on the same machine
    cairn: Path  # the installed `cairn`, runnable by both
    port: int
    client_key: Path
    scratch: Path

    def ssh(self, command: str) -> list[str]:
        """The ssh command line that runs ``command`` as the first account in a terminal."""
        return [
            "ssh",
            "-F", "/dev/null",
            "-tt",
            "-i", str(self.client_key),
            "-p", str(self.port),
            "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR",
            "-o", "BatchMode=yes",
            f"{self.first.name}@127.0.0.1",
            command,
        ]  # fmt: skip

    def as_second(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """Run ``argv`` as the second account, with its own home and nothing of ours."""
        env = {"HOME": str(self.second.home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        return subprocess.run(
            ["/usr/sbin/runuser", "-u", self.second.name, "--", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=300)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _add_account(name: str) -> Account:
    _run("useradd", "--create-home", "--shell", "/bin/sh", name)
    _run("usermod", "--password", "*", name)  # no password, yet not locked: keys work
    entry = pwd.getpwnam(name)
    return Account(name, Path(entry.pw_dir), entry.pw_uid)


def _remove_account(account: Account) -> None:
    subprocess.run(["pkill", "-KILL", "-u", account.name], capture_output=True, check=False)
    for _ in range(50):
        if subprocess.run(["pgrep", "-u", account.name], capture_output=True).returncode:
            break
        time.sleep(0.1)  # waiting for killed processes to be reaped, with a deadline
    subprocess.run(["userdel", "--remove", account.name], capture_output=True, check=False)


def _install_cairn(folder: Path) -> Path:
    """A venv from the system Python (the project's own may live under /root, which other
    accounts cannot enter), with Cairn installed from this checkout."""
    venv = folder / "venv"
    _run(str(SYSTEM_PYTHON), "-m", "venv", str(venv))
    _run(str(venv / "bin" / "pip"), "install", "-q", str(ROOT))
    for path in (folder, *folder.rglob("*")):
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o044 | (0o011 if path.is_dir() else 0))
    return venv / "bin" / "cairn"


def _start_sshd(scratch: Path, port: int, users: list[str]) -> subprocess.Popen[bytes]:
    host_key = scratch / "host_key"
    _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key))
    config = scratch / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"PidFile {scratch / 'sshd.pid'}",
                "AuthorizedKeysFile .ssh/authorized_keys",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PermitRootLogin no",
                f"AllowUsers {' '.join(users)}",
                "PrintMotd no",
                "PrintLastLog no",
                "SetEnv LANG=C.UTF-8",
                "",
            ]
        )
    )
    with open(scratch / "sshd.log", "wb") as log:  # the server keeps its own descriptor
        server = subprocess.Popen(
            [str(SSHD), "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=log
        )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return server
        if server.poll() is not None:
            raise RuntimeError((scratch / "sshd.log").read_text())
        time.sleep(0.05)  # polling a deadline, not a fixed wait
    server.kill()
    raise RuntimeError("sshd did not start listening")


@pytest.fixture(scope="module")
def machine() -> Iterator[SharedMachine]:
    scratch = Path(tempfile.mkdtemp(prefix="cairn-ssh-"))  # 0700: root's own
    installed = Path(tempfile.mkdtemp(prefix="cairn-ssh-install-", dir="/opt"))
    installed.chmod(0o755)
    made_run_sshd = not Path("/run/sshd").exists()
    tag = secrets.token_hex(3)
    accounts: list[Account] = []
    server = None
    try:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation
        cairn = _install_cairn(installed)
        accounts = [_add_account(f"cairna{tag}"), _add_account(f"cairnb{tag}")]
        first, second = accounts
        key = scratch / "client_key"
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key))
        ssh_folder = first.home / ".ssh"
        ssh_folder.mkdir(mode=0o700)
        shutil.copy(key.with_suffix(".pub"), ssh_folder / "authorized_keys")
        (ssh_folder / "authorized_keys").chmod(0o600)
        _run("chown", "-R", f"{first.name}:", str(ssh_folder))
        port = _free_port()
        server = _start_sshd(scratch, port, [first.name])
        yield SharedMachine(first, second, cairn, port, key, scratch)
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        for account in accounts:
            _remove_account(account)
        shutil.rmtree(installed, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
        if made_run_sshd:
            shutil.rmtree("/run/sshd", ignore_errors=True)
