"""``judge(plan)``: every piece of evidence on every table, gathered into the tables' verdicts."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .agreement import judge_agreement
from .announced import judge_announced
from .base import MISSING, OK, SUSPECT, Reason, Verdict
from .cells import judge_cells
from .kinds import judge_kinds, plain_name
from .leftovers import judge_leftovers
from .measures import judge_measures
from .members import judge_members
from .placement import judge_placement
from .rows import judge_rows
from .sequence import judge_said_empty, judge_sequence
from .shapes import judge_shapes
from .siblings import judge_siblings
from .totals import judge_totals
from .twice import judge_twice
from .unreadable import judge_unreadable

if TYPE_CHECKING:
    from ..model import Plan

TABLE_EVIDENCE = (judge_totals, judge_rows, judge_sequence, judge_measures)


def _safe(what: str, table: str, run: Callable[[], list[Reason]]) -> list[Reason]:
    """A piece of evidence that fails on an odd plan says so against the table, never loses the plan."""
    try:
        return run()
    except Exception as error:  # noqa: BLE001 - a verdict bug must not cost the reading
        return [Reason("error", table, None, f"could not be judged ({what}: {type(error).__name__}: {error})")]


def evidence(plan: "Plan") -> list[Reason]:
    """Every reason against a reading of ``plan``, table by table, then across tables."""
    reasons: list[Reason] = []
    members = [plain_name(m["comune"]) for m in plan.comuni_ambito if m.get("comune")]
    for table in plan.tables.values():
        reasons += _safe("kinds", table.id, lambda t=table: judge_kinds(t, members))  # type: ignore[misc]
        reasons += _safe("cells", table.id, lambda t=table: judge_cells(t, members))  # type: ignore[misc]
        for judge_one in TABLE_EVIDENCE:
            reasons += _safe(judge_one.__name__, table.id, lambda j=judge_one, t=table: j(t))  # type: ignore[misc]
    reasons += _safe("members", "popolazione", lambda: judge_members(plan))
    reasons += _safe("leftovers", "popolazione", lambda: judge_leftovers(plan))
    reasons += _safe("shapes", "popolazione", lambda: judge_shapes(plan))
    reasons += _safe("placement", "", lambda: judge_placement(plan))
    reasons += _safe("unreadable", "", lambda: judge_unreadable(plan))
    reasons += _safe("said_empty", "", lambda: judge_said_empty(plan))
    suspect = frozenset(r.table for r in reasons)
    reasons += _safe("siblings", "g_assegnabili", lambda: judge_siblings(plan, suspect))
    reasons += _safe("agreement", "g_assegnabili", lambda: judge_agreement(plan, suspect))
    reasons += _safe("twice", "g_assegnabili", lambda: judge_twice(plan))
    return [r for r in reasons if r.table in plan.tables]


def judge(plan: "Plan") -> list[Reason]:
    """Set each table's ``verdict`` and the plan's ``missing`` (tables announced, not found); return
    every reason. Run again after a table is changed: the verdicts are recomputed, never kept."""
    reasons = evidence(plan)
    for table in plan.tables.values():
        own = [r for r in reasons if r.table == table.id]
        table.verdict = Verdict(SUSPECT if own else OK, own)
    announced = _safe("announced", "", lambda: judge_announced(plan))
    plan.missing = {r.table: Verdict(MISSING, [r]) for r in announced if r.table and r.table not in plan.tables}
    return reasons + [v.reasons[0] for v in plan.missing.values()]
