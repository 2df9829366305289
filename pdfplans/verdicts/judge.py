"""``judge(plan)``: every piece of evidence on every table, gathered into the tables' verdicts."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .announced import judge_announced
from .base import MISSING, SUSPECT, Reason, Verdict
from .kinds import judge_kinds
from .members import judge_members
from .rows import judge_rows
from .siblings import judge_siblings
from .totals import judge_totals
from .twice import judge_twice

if TYPE_CHECKING:
    from ..model import Plan


def evidence(plan: "Plan") -> list[Reason]:
    """Every reason against a reading of ``plan``, table by table, then across tables."""
    reasons: list[Reason] = []
    for table in plan.tables.values():
        reasons += judge_totals(table) + judge_rows(table) + judge_kinds(table)
    reasons += judge_members(plan)
    reasons += judge_siblings(plan, frozenset(r.table for r in reasons)) + judge_twice(plan)
    return reasons


def judge(plan: "Plan") -> list[Reason]:
    """Set each table's ``verdict`` and the plan's ``missing`` (tables announced, not found); return
    every reason. Run again after a table is changed: the verdicts are recomputed, never kept."""
    reasons = evidence(plan)
    for table in plan.tables.values():
        own = [r for r in reasons if r.table == table.id]
        table.verdict = Verdict(SUSPECT if own else "ok", own)
    plan.missing = {r.table: Verdict(MISSING, [r]) for r in judge_announced(plan)}
    return reasons + [v.reasons[0] for v in plan.missing.values()]
