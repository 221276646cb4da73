from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import new_vault
from tui.vault import Vault


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "private" / "vault.cairn"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    opened, _ = new_vault(vault_path)
    yield opened
    opened.lock()
