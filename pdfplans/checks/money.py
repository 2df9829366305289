"""Family 7, money: euro amounts against their printed or stated totals, compared to the cent."""
from __future__ import annotations

from collections.abc import Iterator

from ..normalize.numbers import parse_euro
from .context import PlanContext, Record, cents, eur, fmt, num
from .findings import Finding
from .registry import checker, declare
from .text import Narrative
from .totals import check_total, total_groups

FAMILY = "money"
declare("fondi_comuni_total", "error", FAMILY,
        "Contributo Regionale di Solidarietà: printed total = sum of the funds per comune, to the cent")
declare("riparto_total", "error", FAMILY,
        "Misura Unica / Complementare / Morosità: the amounts add up to the total the text states, to the cent")
declare("riparto_percent_sum", "error", FAMILY, "the riparto percentages add up to 100%")
declare("riparto_amount_vs_percent", "warning", FAMILY,
        "each riparto amount = its stated percentage of the total (within the rounding of the percentage)")

R = "riparto_misure"
# "risorse complessivamente pari a € 856.581,99", "per un totale di 856.581,99 euro", "importo complessivo: €..."
AMOUNT = r"(?:€\s*(?P<a>\d{1,3}(?:\.\d{3})*,\d{2})|(?P<b>\d{1,3}(?:\.\d{3})*,\d{2})\s*(?:€|euro))"
STATED_TOTAL = (r"(?:complessivamente|complessive|complessivo|in\s+totale|per\s+un\s+totale|totale\s+di|"
                r"ammontare|pari\s+a)[^.€\d]{0,60}?" + AMOUNT)


def _same_cents(a: float, b: float) -> bool:
    return cents(a) == cents(b)


def _is_total_row(record: Record) -> bool:
    return bool(record.get("is_total")) or str(record.get("misura") or "").strip().upper().startswith("TOTAL")


def stated_total(ctx: PlanContext, narrative: Narrative) -> tuple[float, int | None] | None:
    """The total the riparto shares: a TOTALE row of the table, else the amount the text states
    last before the table (the sentence that introduces it)."""
    for index, record in ctx.rows(R, totals=None, resolved=False):
        if _is_total_row(record) and num(record.get("risorse_eur")) is not None:
            return float(record["risorse_eur"]), record.get("page")
    table_page = min(ctx.table_pages(R) or [10**6])
    best: tuple[float, int] | None = None
    for hit in narrative.find(STATED_TOTAL):
        if hit.page > table_page:
            break
        value = parse_euro(hit.group("a") or hit.group("b"))
        if value is not None:
            best = (value, hit.page)
    return best


@checker
def money(ctx: PlanContext) -> Iterator[Finding]:
    for group in total_groups(ctx, "fondi_solidarieta_comuni"):
        for finding in check_total(ctx, "fondi_comuni_total", "fondi_solidarieta_comuni", group, ("fondo_eur",),
                                   same=_same_cents):
            yield finding
    if R not in ctx.plan.tables:
        return
    rows = [(i, r) for i, r in ctx.rows(R, totals=None, resolved=False) if not _is_total_row(r)]
    if not rows:
        return
    total = stated_total(ctx, Narrative(ctx.plan.text))
    amounts = [num(r.get("risorse_eur")) for _, r in rows]
    percents = [num(r.get("percentuale")) for _, r in rows]
    amount_cells = [(R, i, "risorse_eur") for i, _ in rows]
    if total is not None and all(a is not None for a in amounts):
        stated, page = total
        added = round(sum(amounts), 2)  # type: ignore[arg-type]
        if not _same_cents(added, stated):
            yield ctx.finding(
                "riparto_total",
                f"riparto_misure: the {len(rows)} amounts add up to € {eur(added)} but the stated total is "
                f"€ {eur(stated)} (difference € {eur(round(stated - added, 2))})",
                tables=[R], field="risorse_eur", expected=stated, found=added, evidence=amount_cells, pages=[page])
    if all(p is not None for p in percents):
        added_pct = sum(percents)  # type: ignore[arg-type]
        if abs(added_pct - 100.0) > 0.01 * len(percents) + 1e-9:
            yield ctx.finding(
                "riparto_percent_sum", f"riparto_misure: the percentages add up to {fmt(float(added_pct))}%, not 100%",
                tables=[R], field="percentuale", expected=100.0, found=float(added_pct),
                evidence=[(R, i, "percentuale") for i, _ in rows])
    if total is None:
        return
    stated, page = total
    for (index, record), amount, percent in zip(rows, amounts, percents):
        if amount is None or percent is None:
            continue
        expected = round(stated * percent / 100.0, 2)
        # A percentage printed as "25%" may stand for anything from 24.5% to 25.5% of the total.
        decimals = len(f"{percent:.4f}".rstrip("0").split(".")[1])
        tolerance = stated * 0.5 * 10 ** -decimals / 100.0 + 0.01
        if abs(expected - amount) <= tolerance:
            continue
        yield ctx.finding(
            "riparto_amount_vs_percent",
            f"riparto_misure, {record.get('misura') or '?'}: € {eur(amount)} is not {fmt(percent)}% of "
            f"€ {eur(stated)} (that would be € {eur(expected)})",
            tables=[R], field="risorse_eur", expected=expected, found=amount,
            evidence=[(R, index, "percentuale"), (R, index, "risorse_eur")], pages=[page])
