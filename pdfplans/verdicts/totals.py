"""Printed totals (TOTALE, TOTALE AT, TOTALE GENERALE) against the rows they add up.

One total off by a typing slip is the plan's own discrepancy (the checks report it); a total off by
more than any slip explains, or several totals off, means rows were lost, merged or misread.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Reason
from .common import Record, fmt, num, numeric_columns, page_of, typing_slip

if TYPE_CHECKING:
    from ..model import Table

GRAND_WORDS = ("GENERAL", "COMPLESSIV", "AMBITO")


def _groups(table: "Table") -> list[tuple[int, list[Record]]]:
    """Each printed total (its index) with the data rows it adds up: since the previous total, or all
    of them for a grand total (one that says so, follows another total, or names no AT when subtotals do)."""
    labelled = any(r.get("is_total") and r.get("at") for r in table.records)
    groups: list[tuple[int, list[Record]]] = []
    data: list[Record] = []
    segment: list[Record] = []
    for index, record in enumerate(table.records):
        if not record.get("is_total"):
            data.append(record)
            segment.append(record)
            continue
        cells = table.cells[index].values() if index < len(table.cells) else ()
        printed = " ".join(c.flat.upper() for c in cells)
        grand = (not segment or any(w in printed for w in GRAND_WORDS)
                 or (not record.get("at") and (labelled or len(segment) == len(data))))
        groups.append((index, list(data) if grand else segment))
        segment = []
    return groups


def judge_totals(table: "Table") -> list[Reason]:
    wrong: list[tuple[int, str, float, float]] = []
    for index, members in _groups(table):
        total = table.records[index]
        for column in numeric_columns(table):
            found = num(total.get(column))
            values = [num(r.get(column)) for r in members]
            if found is None or not values or any(v is None for v in values):
                continue  # a blank row makes the sum unknown, not smaller
            expected = round(sum(v for v in values if v is not None), 2)
            if abs(expected - found) > 0.005:
                wrong.append((index, column, found, expected))
    broken = [w for w in wrong if not typing_slip(w[2], w[3])]
    if not broken and len(wrong) < 2:
        return []
    index, column, found, expected = (broken or wrong)[0]
    how = "more than a typing slip explains" if broken else f"{len(wrong)} totals off"
    return [Reason("totals", table.id, page_of(table, index),
                   f"printed total {column} {fmt(found)} but the rows add up to {fmt(expected)} ({how}"
                   + (f"; {len(wrong)} totals off in all" if broken and len(wrong) > 1 else "") + ")",
                   tuple((i, c) for i, c, _f, _e in wrong[:6]))]
