"""The population table against the list of member comuni the narrative prints.

A population table is of every member by definition: a member it lacks was lost by the reading
(a page cut, a merged row), a comune it has that is no member was misread.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Reason
from .common import data_rows, page_of

if TYPE_CHECKING:
    from ..model import Plan

TABLES = ("popolazione",)  # tables with one row per member comune


def judge_members(plan: "Plan") -> list[Reason]:
    members = {m["comune_istat"]: m["comune"] for m in plan.comuni_ambito if m.get("comune_istat")}
    if len(members) < 2:
        return []  # no list to compare with: nothing said either way
    reasons = []
    for table_id in TABLES:
        table = plan.tables.get(table_id)
        if table is None or not table.records:
            continue
        listed = {str(r.get("comune_istat")) for _, r in data_rows(table) if r.get("comune_istat")}
        lacking = [name for code, name in members.items() if code not in listed]
        if lacking:
            shown = ", ".join(lacking[:5]) + (f" and {len(lacking) - 5} more" if len(lacking) > 5 else "")
            reasons.append(Reason("members", table_id, page_of(table),
                                  f"lacks {len(lacking)} of the {len(members)} member comuni: {shown}"))
    return reasons
