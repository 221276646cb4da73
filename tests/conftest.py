from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import new_vault
from tui.vault import Vault

# Cairn's language follows the locale when no setting names one: the tests that do not ask
# for a language are English whatever this machine's locale is.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "private" / "vault.cairn"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    opened, _ = new_vault(vault_path)
    yield opened
    opened.lock()
