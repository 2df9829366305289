"""Family 6, bounds that the regulation or plain logic sets on single figures."""
from __future__ import annotations

from collections.abc import Iterator

from .context import PlanContext, fmt, label, num, ordered, tally, unit_key
from .findings import Finding
from .registry import checker, declare

FAMILY = "bounds"
declare("j_le_g", "error", FAMILY,
        "j) SAT units ≤ g) units of the same ente and comune (SAT units are chosen among g's)")
declare("quota_forze_polizia_max", "error", FAMILY, "quota for Forze di Polizia / Vigili del Fuoco ≤ 10% (i-B, Allegato A)")
declare("domande_finanziate_le_presentate", "error", FAMILY, "domande finanziate ≤ domande presentate, per DGR")
declare("percent_range", "error", FAMILY, "every percentage lies within 0..100")

QUOTA_MAX = 10.0
PERCENT_COLUMNS = {
    "h_soglia_indigenti": ("soglia_pct",),
    "i_forze_polizia": ("quota_pct",),
    "riparto_misure": ("percentuale",),
    "allegato_a": ("soglia_indigenti_pct", "quota_forze_polizia_pct"),
}


@checker
def bounds(ctx: PlanContext) -> Iterator[Finding]:
    yield from _j_le_g(ctx)
    for table_id, column in (("i_forze_polizia", "quota_pct"), ("allegato_a", "quota_forze_polizia_pct")):
        for index, record in ctx.rows(table_id, resolved=False):
            value = num(record.get(column))
            if value is not None and value > QUOTA_MAX:
                yield ctx.finding(
                    "quota_forze_polizia_max",
                    f"{table_id}, {label(record)}: quota Forze di Polizia {fmt(value)}% exceeds the {fmt(QUOTA_MAX)}% "
                    "allowed by R.R. 4/2017 art. 7 bis",
                    tables=[table_id], record=record, field=column, expected=QUOTA_MAX, found=value,
                    evidence=[(table_id, index, column)])
    for index, record in ctx.rows("utilizzo_dgr", resolved=False):
        presented, funded = num(record.get("domande_presentate")), num(record.get("domande_finanziate"))
        if presented is not None and funded is not None and funded > presented:
            yield ctx.finding(
                "domande_finanziate_le_presentate",
                f"utilizzo_dgr, {record.get('dgr') or '?'}: {fmt(funded)} domande finanziate out of "
                f"{fmt(presented)} presentate",
                tables=["utilizzo_dgr"], field="domande_finanziate", expected=presented, found=funded,
                evidence=[("utilizzo_dgr", index, "domande_finanziate"), ("utilizzo_dgr", index, "domande_presentate")])
    for table_id, columns in PERCENT_COLUMNS.items():
        for index, record in ctx.rows(table_id, totals=None, resolved=False):
            for column in columns:
                value = num(record.get(column))
                if value is not None and not 0 <= value <= 100:
                    yield ctx.finding(
                        "percent_range", f"{table_id}, {label(record)}: {column} {fmt(value)}% is outside 0..100",
                        tables=[table_id], record=record, field=column, expected=100.0 if value > 100 else 0.0,
                        found=value, evidence=[(table_id, index, column)])


def _j_le_g(ctx: PlanContext) -> Iterator[Finding]:
    if "j_transitori" not in ctx.plan.tables or "g_assegnabili" not in ctx.plan.tables:
        return
    g_units = tally(ctx, "g_assegnabili", "totale")
    g_ente = tally(ctx, "g_assegnabili", "totale", key=lambda r: unit_key(r)[:2])
    j_units = tally(ctx, "j_transitori", "unita")
    for key in ordered(j_units):
        # A j row that names no comune ("U.O. CREMONA" unresolved to none) is bounded by the whole ente.
        per_ente = not key[2]
        g, evidence = (g_ente, g_ente.evidence.get(key[:2], [])) if per_ente else (g_units, g_units.evidence.get(key, []))
        bound, value = g.get(key[:2] if per_ente else key), j_units.get(key)
        if bound is None or value is None or value <= bound:
            continue
        if ctx.unresolved(["g_assegnabili", "j_transitori"], ente_tipo=key[0]):
            continue
        record = j_units.records[key]
        yield ctx.finding(
            "j_le_g",
            f"j_transitori, {label(record)}: {fmt(value)} SAT units but g) foresees only {fmt(bound)} assignable units"
            + (" for the whole ente" if per_ente else ""),
            tables=["j_transitori", "g_assegnabili"], record=record, field="unita", expected=bound, found=value,
            evidence=[*j_units.evidence[key], *evidence[:12]],
        )
