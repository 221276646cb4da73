"""The one clock: setting it in one place sets every time Cairn writes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import new_vault
from tui import clock, journal, safety_plan
from tui import questionnaire as q

MOMENT = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)


def test_every_stamp_comes_from_the_one_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "now", lambda: MOMENT)
    assert clock.stamp() == "2031-05-06T07:08:09+00:00" and clock.today().year == 2031
    vault, _ = new_vault(tmp_path / "v.cairn")
    with vault:
        entry = journal.add_entry(vault, "what happened")
        assert entry.created == clock.stamp() and entry.occurred == clock.stamp()
        safety_plan.set_mode(vault, "stay")
        assert safety_plan.load(vault).updated == clock.stamp()
        run = q.Run.begin(q.questionnaires()[0])
        assert run.started == clock.stamp()
        vault.seal_draft({"saved": clock.stamp(), "items": []})
