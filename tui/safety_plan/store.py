"""Keeping the plan in the vault: one document in its own table. Every change reaches the
disk in one atomic, durable write before it returns, or raises and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..journal.when import now
from ..vault import Vault
from .plan import PlanRejected, SafetyPlan, SectionPlan, check_number, check_section
from .sections import plan_content

TABLE = "safety_plan"


def load(vault: Vault) -> SafetyPlan:
    documents = vault.collection(TABLE).all()
    return SafetyPlan.from_record(documents[0]) if documents else SafetyPlan()


def save_section(vault: Vault, section: SectionPlan) -> SafetyPlan:
    """Store one section as the person left it; returns the whole plan as saved."""
    checked = check_section(section)
    return _store(vault, load(vault).with_section(checked))


def set_mode(vault: Vault, mode: str) -> SafetyPlan:
    if mode not in {m.key for m in plan_content().modes}:
        raise PlanRejected("plan.choose_mode")
    return _store(vault, replace(load(vault), mode=mode))


def set_emergency(vault: Vault, typed: str) -> SafetyPlan:
    """The person's own emergency number (empty: back to the default)."""
    return _store(vault, replace(load(vault), emergency=check_number(typed)))


def set_review_by(vault: Vault, day: date | None) -> SafetyPlan:
    return _store(vault, replace(load(vault), review_by=day.isoformat() if day else None))


def _store(vault: Vault, plan: SafetyPlan) -> SafetyPlan:
    plan = replace(plan, updated=now())
    plans = vault.collection(TABLE)
    with vault.batch():  # the old document goes and the new one comes in the same write
        plans.clear()
        plans.add(plan.as_record())
    return plan
