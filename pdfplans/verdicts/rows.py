"""Row arithmetic (a row's total against the parts printed on the same row) as reading evidence.

A plan may mistype a row or two (the seed's Allegato A has four); a column shifted or misread
breaks most rows at once.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Reason
from .common import fmt, num, page_of

if TYPE_CHECKING:
    from ..model import Table

# (rule, table, total column, part columns, include printed TOTALE rows); the checks report each
# failing row as the plan's discrepancy, from this same declaration.
ROW_SUMS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    # a's TOTALE row prints no "di cui ... altri usi": its sum is checked column by column (totals).
    ("a_row_sum", "a_consistenza", "alloggi_totali", ("alloggi_sap", "alloggi_sas", "alloggi_altri_usi"), False),
    ("g_row_sum", "g_assegnabili", "totale", ("liberi", "ristrutturazione", "carenza_manutentiva"), True),
    ("allegato_a_row_sum", "allegato_a", "ui_disponibili",
     ("ui_libere_turnover", "ui_carenza_manutentiva", "ui_ristrutturazione", "ui_conferite_privati"), False),
)
SHARE = 0.3  # more rows than this failing (and at least two): the columns are misread, not mistyped


def _figure_lost(table: "Table", total_column: str, parts: tuple[str, ...], with_totals: bool) -> list[Reason]:
    """A row whose total needs more than its parts print, one part's cell left blank: that part's figure
    went elsewhere (glued to the cell beside it: '3 + 2 da turn over 2'). A blank the total does not
    miss is the plan's way to print a zero; a total off with every part printed is left to the checks."""
    for index, record in enumerate(table.records):
        if record.get("is_total") and not with_totals:
            continue
        total, values = num(record.get(total_column)), [num(record.get(p)) for p in parts]
        blank = [p for p, v in zip(parts, values) if v is None]
        cells = table.cells[index] if index < len(table.cells) else {}
        if total is None or len(blank) != 1 or (cells.get(blank[0]) is not None and cells[blank[0]].flat):
            continue
        missing = total - sum(v for v in values if v is not None)
        if missing >= 1:
            return [Reason("rows", table.id, page_of(table, index),
                           f"row {index + 1}: {total_column} {fmt(total)} needs {fmt(missing)} more than its parts "
                           f"print, and {blank[0]} prints nothing (a figure read into another cell?)",
                           ((index, total_column), (index, blank[0])))]
    return []


def judge_rows(table: "Table") -> list[Reason]:
    reasons = []
    for _rule, table_id, total_column, parts, with_totals in ROW_SUMS:
        if table_id != table.id:
            continue
        reasons += _figure_lost(table, total_column, parts, with_totals)
        checked, failing = 0, []
        for index, record in enumerate(table.records):
            if record.get("is_total") and not with_totals:
                continue
            total = num(record.get(total_column))
            values = [num(record.get(p)) for p in parts]
            if total is None or any(v is None for v in values):
                continue
            checked += 1
            if abs(sum(v for v in values if v is not None) - total) > 0.005:
                failing.append(index)
        if len(failing) >= 2 and len(failing) > SHARE * checked:
            reasons.append(Reason("rows", table.id, page_of(table, failing[0]),
                                  f"{total_column} ≠ {' + '.join(parts)} on {len(failing)} of {checked} rows "
                                  "(columns shifted or misread?)", tuple((i, total_column) for i in failing[:6])))
    return reasons
