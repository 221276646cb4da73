"""What every safety-plan screen shares: the plan as saved, and the emergency line on top."""

from __future__ import annotations

from textual.screen import Screen

from tui import safety_plan
from tui.session import Session

from ._emergency import EmergencyBar


class PlanScreen(Screen[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.plan = safety_plan.load(session.unlocked)

    def plan_changed(self) -> None:
        """Call after ``self.plan`` changes: the first trusted contact may have changed."""
        self.query_one(EmergencyBar).show(self.plan)
