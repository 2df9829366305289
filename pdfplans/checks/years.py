"""Family 9, across years: plans of one ambito for consecutive years, read together."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .context import PlanContext, ente_key, fmt, label, ordered, tally
from .findings import Finding
from .registry import declare, years_checker

if TYPE_CHECKING:
    from ..model import Plan

FAMILY = "years"
declare("k_exceeds_previous_g", "warning", FAMILY,
        "k) units assigned in year N-1 (plan N) exceed the units g) of plan N-1 foresaw as assignable, per ente")
declare("k_vs_previous_g", "info", FAMILY,
        "k) units assigned in year N-1 (plan N) are fewer than g) of plan N-1 foresaw, per ente")
declare("consistenza_change", "info", FAMILY,
        "a) consistenza of an ente changes by more than 10% (and 3 units) from one year's plan to the next")

CHANGE_SHARE = 0.10
CHANGE_UNITS = 3


def same_ambito(plans: "list[Plan]") -> dict[str, "list[Plan]"]:
    groups: dict[str, list[Plan]] = {}
    for plan in plans:
        if plan.ambito and plan.anno:
            groups.setdefault(" ".join(plan.ambito.casefold().split()), []).append(plan)
    return groups


@years_checker
def across_years(plans: "list[Plan]") -> Iterator[Finding]:
    for group in same_ambito(plans).values():
        by_year = {p.anno: p for p in group}
        for year, plan in sorted(by_year.items()):
            previous = by_year.get(year - 1)  # type: ignore[operator]
            if previous is not None:
                yield from _pair(PlanContext(previous), PlanContext(plan))


def _pair(before: PlanContext, now: PlanContext) -> Iterator[Finding]:
    name = Path(before.plan.file).name
    assert now.plan.anno is not None  # same_ambito keeps only plans with a year
    k_table, g_table = "k_assegnate_anno_precedente", "g_assegnabili"
    if k_table in now.plan.tables and g_table in before.plan.tables:
        k = tally(now, k_table, "unita", key=ente_key)
        g = tally(before, g_table, "totale", key=ente_key)
        for key in ordered(k, g):
            assigned, foreseen = k.get(key), g.get(key)
            if assigned is None or foreseen is None or assigned == foreseen:
                continue
            if now.unresolved([k_table], key[0]) or before.unresolved([g_table], key[0]):
                continue
            record = k.records.get(key) or g.records[key]
            rule = "k_exceeds_previous_g" if assigned > foreseen else "k_vs_previous_g"
            g_pages = sorted({p for (t, i, c) in g.evidence.get(key, []) if (p := before.page(t, i, c))})
            yield now.finding(
                rule,
                f"k_assegnate_anno_precedente, {record.get('ente') or label(record)}: {fmt(assigned)} units assigned "
                f"in {now.plan.anno - 1} (plan {now.plan.anno}) but g) of {name} foresaw {fmt(foreseen)}"
                + (f" (page {', '.join(map(str, g_pages))})" if g_pages else ""),
                tables=[k_table, g_table], record=record, field="unita", expected=foreseen, found=assigned,
                evidence=k.evidence.get(key, []), ente=record.get("ente") or None,
                previous=(before, g.evidence.get(key, [])))
    a = "a_consistenza"
    if a in now.plan.tables and a in before.plan.tables:
        old, new = tally(before, a, "alloggi_totali", key=ente_key), tally(now, a, "alloggi_totali", key=ente_key)
        for key in [k for k in ordered(new) if k in old.keys()]:
            was, is_ = old.get(key), new.get(key)
            if was is None or is_ is None:
                continue
            change = is_ - was
            if abs(change) >= CHANGE_UNITS and abs(change) > CHANGE_SHARE * max(was, 1):
                record = new.records[key]
                yield now.finding(
                    "consistenza_change",
                    f"a_consistenza, {label(record)}: {fmt(is_)} alloggi in {now.plan.anno}, {fmt(was)} in "
                    f"{before.plan.anno} ({name}): {'+' if change > 0 else ''}{fmt(change)}",
                    tables=[a], record=record, field="alloggi_totali", expected=was, found=is_,
                    evidence=new.evidence.get(key, []), previous=(before, old.evidence.get(key, [])))
