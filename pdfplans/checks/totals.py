"""Family 2, printed totals: every TOTALE / TOTALE AT / TOTALE GENERALE row against its rows."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .context import PlanContext, Record, fmt, num
from .findings import Finding
from .registry import checker, declare

FAMILY = "totals"
declare("popolazione_total_at", "error", FAMILY, "popolazione: each TOTALE AT row = sum of the comuni of that AT")
declare("popolazione_total", "error", FAMILY, "popolazione: TOTALE GENERALE = sum of every comune")
declare("a_total", "error", FAMILY, "a) TOTALE row = sum of the rows, for complessivi, SAP and SAS")
declare("g_total", "error", FAMILY, "g) TOTALE row = sum of the rows, for each column")

GRAND_WORDS = ("GENERAL", "COMPLESSIV", "AMBITO")
MAX_ADDENDS = 80  # addends cited at most (the ambito's comuni fit)


@dataclass
class TotalGroup:
    index: int  # record index of the printed total row
    record: Record
    members: list[tuple[int, Record]]  # the data rows it should add up
    grand: bool  # a TOTALE GENERALE (all rows) rather than a subtotal


def total_groups(ctx: PlanContext, table_id: str) -> list[TotalGroup]:
    """Each printed total row with the rows it adds up.

    A subtotal adds the rows printed since the previous total; a grand total adds every row. A total
    is grand when it says so ("TOTALE GENERALE"), when it follows another total directly, or when it
    names no AT while the subtotals do.
    """
    table = ctx.table(table_id)
    if table is None:
        return []
    rows = list(ctx.rows(table_id, totals=None, resolved=False))
    labelled_subtotals = any(r.get("is_total") and r.get("at") for _, r in rows)
    groups: list[TotalGroup] = []
    data: list[tuple[int, Record]] = []
    segment: list[tuple[int, Record]] = []
    for index, record in rows:
        if not record.get("is_total"):
            data.append((index, record))
            segment.append((index, record))
            continue
        printed = " ".join(c.flat.upper() for c in (table.cells[index].values() if index < len(table.cells) else ()))
        grand = (not segment or any(w in printed for w in GRAND_WORDS)
                 or (not record.get("at") and (labelled_subtotals or len(segment) == len(data))))
        groups.append(TotalGroup(index, record, list(data) if grand else segment, grand))
        segment = []
    return groups


def check_total(
    ctx: PlanContext, rule: str, table_id: str, group: TotalGroup, columns: tuple[str, ...],
    same: Callable[[float, float], bool] = lambda a, b: a == b, what: str = "",
) -> Iterator[Finding]:
    """Compare each column of a printed total with the sum of its rows."""
    for column in columns:
        found = num(group.record.get(column))
        values = [num(r.get(column)) for _, r in group.members]
        if found is None or not values or any(v is None for v in values):
            continue  # a blank or "non comunicato" row makes the sum unknown, not smaller
        expected = sum(values)  # type: ignore[arg-type]
        if isinstance(expected, float):
            expected = round(expected, 2)
        if same(expected, found):
            continue
        # the printed total, then every printed addend: the report pictures them region by region,
        # and an addend OCR doubted may be what breaks the sum
        evidence = [(table_id, group.index, column), *((table_id, i, column) for i, _ in group.members[:MAX_ADDENDS])]
        name = what or ("TOTALE " + str(group.record.get("at") or "")).strip()
        yield ctx.finding(
            rule,
            f"{table_id}: {name} prints {column} {fmt(found)} but its {len(values)} rows add up to {fmt(expected)}",
            tables=[table_id], record=group.record, field=column, expected=expected, found=found,
            evidence=evidence, pages=[r.get("page") for _, r in group.members],
        )


@checker
def printed_totals(ctx: PlanContext) -> Iterator[Finding]:
    for group in total_groups(ctx, "popolazione"):
        rule = "popolazione_total" if group.grand else "popolazione_total_at"
        what = "TOTALE GENERALE" if group.grand else ""
        yield from check_total(ctx, rule, "popolazione", group, ("popolazione",), what=what)
    for group in total_groups(ctx, "a_consistenza"):
        yield from check_total(ctx, "a_total", "a_consistenza", group, ("alloggi_totali", "alloggi_sap", "alloggi_sas"))
    for group in total_groups(ctx, "g_assegnabili"):
        yield from check_total(ctx, "g_total", "g_assegnabili", group,
                               ("liberi", "ristrutturazione", "carenza_manutentiva", "totale"))
