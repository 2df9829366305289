"""Where a table's rows are printed against where its header is: a table's first row stands under its
own header, before any other table's header.

A reading that put one table's rows under another's id (two tables of the same columns exchanged, a
caption matched to the wrong block) keeps the header it matched and takes rows printed elsewhere: above
that header, or below another table's. The print says which header a row stands under; the figures
need not disagree with anything for that to show.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Reason
from .common import data_rows

if TYPE_CHECKING:
    from ..model import Cell, Plan, Table

Spot = tuple[int, float]  # (page, top): the reading order of a printed box
SLACK = 2.0  # points: boxes of one printed line differ this much at their top


def _header(table: "Table") -> tuple[Spot, Spot] | None:
    """Where the table's header starts and ends (page and top of its first line, of its last), if printed."""
    cells = [c for c in table.headers.values() if c is not None]
    if not cells:
        return None
    page = min(c.page for c in cells)
    on_page = [c for c in cells if c.page == page]
    return (page, min(c.bbox[1] for c in on_page)), (page, max(c.bbox[1] for c in on_page))


def _first_row(table: "Table") -> tuple[int, Spot] | None:
    """The first data row (its index) and where it starts."""
    for index, _ in data_rows(table):
        cells: list[Cell] = list(table.cells[index].values()) if index < len(table.cells) else []
        if cells:
            return index, min((c.page, c.bbox[1]) for c in cells)
    return None


def _before(a: Spot, b: Spot) -> bool:
    """Whether ``a`` is printed before ``b`` by more than a line's unevenness."""
    return a[0] < b[0] or (a[0] == b[0] and a[1] < b[1] - SLACK)


def judge_placement(plan: "Plan") -> list[Reason]:
    headers = {t.id: h for t in plan.tables.values() if (h := _header(t)) is not None}
    reasons = []
    for table in plan.tables.values():
        found = _first_row(table)
        if table.id not in headers or found is None:
            continue
        index, row = found
        (start, end) = headers[table.id]
        if _before(row, start):
            reasons.append(Reason("placement", table.id, row[0],
                                  f"its first row is printed on page {row[0]} above its own header (page {start[0]}): "
                                  "another table's rows?", ((index, next(iter(table.cells[index]))),)))
            continue
        between = sorted((h[0], other) for other, h in headers.items()
                         if other != table.id and _before(end, h[0]) and _before(h[0], row))
        if between:
            other = between[0][1]
            reasons.append(Reason("placement", table.id, row[0],
                                  f"its first row (page {row[0]}) stands under the header of {other} (page "
                                  f"{between[0][0][0]}), not under its own (page {start[0]}): another table's rows?",
                                  ((index, next(iter(table.cells[index]))),)))
    return reasons + _under_an_empty_header(plan, headers)


def _under_an_empty_header(plan: "Plan", headers: dict[str, tuple[Spot, Spot]]) -> list[Reason]:
    """A table read with no rows whose printed header has another table's first row right under it (no
    header between): the rows printed under that header were read as the other table."""
    reasons = []
    for table in plan.tables.values():
        if table.id not in headers or _first_row(table) is not None:
            continue
        _, end = headers[table.id]
        for other in plan.tables.values():
            found = _first_row(other)
            if other.id == table.id or found is None or not _before(end, found[1]):
                continue
            row = found[1]
            if any(h[0] != headers[table.id][0] and _before(end, h[0]) and _before(h[0], row)
                   for tid, h in headers.items() if tid != table.id):
                continue
            reasons.append(Reason("placement", table.id, end[0],
                                  f"its header (page {end[0]}) has rows under it, read as {other.id}, and it was "
                                  "read with none: its rows taken for another table's?"))
            break
    return reasons
