"""Trap 9: vault files written by every released format version still open."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui import journal
from tui.vault import Vault

GOLDEN = Path(__file__).parents[1] / "golden"
FILES = sorted(GOLDEN.glob("v*.cairn"))


def test_there_is_a_golden_file_for_each_format_version() -> None:
    from tui.vault.format import VERSION

    versions = {int(path.name[1:].split("-")[0]) for path in FILES}
    assert versions == set(range(1, VERSION + 1))


@pytest.mark.parametrize("golden", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("secret_kind", ["passphrase", "recovery_code"])
def test_golden_vault_opens_with_its_contents(
    golden: Path, secret_kind: str, tmp_path: Path
) -> None:
    expected = json.loads(golden.with_name(golden.name + ".json").read_text())
    copy = tmp_path / "vault" / golden.name
    copy.parent.mkdir(mode=0o700)
    shutil.copyfile(golden, copy)
    copy.chmod(0o600)  # git does not keep file modes beyond the executable bit
    with Vault.open(copy, expected[secret_kind]) as vault:
        records = [entry.full_record() for entry in journal.entries(vault)]
        chain = journal.verify(vault)

    def by_id(rows: list[dict[str, object]]) -> list[dict[str, object]]:
        return sorted(rows, key=lambda row: str(row["id"]))

    # Fields added since the golden file was made read as their defaults.
    written = [{key: row[key] for key in expected["journal"][0]} for row in records]
    assert by_id(written) == by_id(expected["journal"])
    assert all(row["version"] == 1 and row["history"] == [] for row in records)
    assert chain.intact
    if golden.name.startswith("v1-"):
        # Entries from before the record chain existed are reported, not treated as tampering.
        assert chain.unlinked == len(records)
    else:
        assert chain.unlinked == 0 and chain.links == len(records)
    assert copy.read_bytes() == golden.read_bytes()  # opening never rewrites
