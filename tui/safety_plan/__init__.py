"""The safety plan: its sections (data in tui/content/safety_plan.toml), the person's plan as
kept in the vault, how complete each section is, and the plan on paper. No screens here."""

from .card import Essentials, essentials
from .plan import (
    ChecklistItem,
    PlanRejected,
    Row,
    SafetyPlan,
    SectionPlan,
    blank_row,
    check_row,
    check_section,
)
from .printable import FORMATS, plan_order, to_html, to_text
from .progress import DONE, NOT_STARTED, STARTED, Progress, describe, progress
from .sections import (
    Mode,
    Number,
    PlanContent,
    PlanContentProblem,
    RowField,
    RowKind,
    Section,
    parse_content,
    parse_content_text,
    plan_content,
)
from .store import TABLE, load, save_section, set_emergency, set_mode, set_review_by

__all__ = [
    "DONE",
    "FORMATS",
    "NOT_STARTED",
    "STARTED",
    "TABLE",
    "ChecklistItem",
    "Essentials",
    "Mode",
    "Number",
    "PlanContent",
    "PlanContentProblem",
    "PlanRejected",
    "Progress",
    "Row",
    "RowField",
    "RowKind",
    "SafetyPlan",
    "Section",
    "SectionPlan",
    "blank_row",
    "check_row",
    "check_section",
    "describe",
    "essentials",
    "load",
    "parse_content",
    "parse_content_text",
    "plan_content",
    "plan_order",
    "progress",
    "save_section",
    "set_emergency",
    "set_mode",
    "set_review_by",
    "to_html",
    "to_text",
]
