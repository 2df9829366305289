"""A table found twice: the same printed rows read into two tables (a caption matched twice, a
continuation read as a table of its own)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Reason
from .common import data_rows

KEYS = ("comune", "ente", "ente_tipo", "comune_istat", "at", "aggregazione")

if TYPE_CHECKING:
    from ..model import Plan, Table


def _printed(table: "Table") -> set[tuple[int, tuple[int, ...]]]:
    """Where each data row's cells are printed (page and box, rounded): the print itself, not values."""
    spots: set[tuple[int, tuple[int, ...]]] = set()
    for index, _ in data_rows(table):
        for column, cell in (table.cells[index].items() if index < len(table.cells) else ()):
            if column in KEYS:
                continue  # one printed table may hold two canonical ones side by side, sharing its names
            spots.add((cell.page, tuple(round(v) for v in cell.bbox)))
    return spots


def judge_twice(plan: "Plan") -> list[Reason]:
    reasons = []
    seen: list[tuple[str, set]] = []
    for table in plan.tables.values():
        spots = _printed(table)
        if not spots:
            continue
        for other_id, other in seen:
            shared = spots & other
            if len(shared) >= 2 and len(shared) >= 0.5 * min(len(spots), len(other)):
                page = min(p for p, _ in shared)
                for tid, twin in ((table.id, other_id), (other_id, table.id)):
                    reasons.append(Reason("twice", tid, page, f"the same printed rows were also read as {twin}"))
        seen.append((table.id, spots))
    return reasons

