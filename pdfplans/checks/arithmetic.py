"""Family 1, row arithmetic: a row's total against the parts printed on the same row."""
from __future__ import annotations

from collections.abc import Iterator

from ..verdicts.rows import ROW_SUMS  # one declaration: the verdicts judge the reading by it too
from .context import PlanContext, fmt, label, num
from .findings import Finding
from .registry import checker, declare

FAMILY = "arithmetic"
declare("a_row_sum", "error", FAMILY, "a) N. alloggi complessivi = SAP + SAS + altri usi abitativi, on each row")
declare("g_row_sum", "error", FAMILY,
        "g) TOTALE ALLOGGI IN PREVISIONE = liberi + da ristrutturazioni + in carenza manutentiva, on each row")
declare("allegato_a_row_sum", "error", FAMILY,
        "Allegato A: U.I. disponibili = libere/turnover + carenza manutentiva + ristrutturazione + conferite")


@checker
def row_sums(ctx: PlanContext) -> Iterator[Finding]:
    for rule, table_id, total_column, parts, with_totals in ROW_SUMS:
        for index, record in ctx.rows(table_id, totals=None if with_totals else False):
            total = num(record.get(total_column))
            values = [num(record.get(p)) for p in parts]
            if total is None or any(v is None for v in values):
                continue  # a figure not printed cannot be added: never read it as 0
            expected = sum(values)  # type: ignore[arg-type]
            if expected == total:
                continue
            terms = " + ".join(f"{p} {fmt(v)}" for p, v in zip(parts, values))
            yield ctx.finding(
                rule,
                f"{table_id}, {label(record)}: {total_column} prints {fmt(total)} but {terms} = {fmt(expected)}",
                tables=[table_id], record=record, field=total_column, expected=expected, found=total,
                evidence=[(table_id, index, total_column), *((table_id, index, p) for p in parts)],
            )
