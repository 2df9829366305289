"""Family 4, g's ALER rows against Allegato B (the ALER units listed one by one, with their state)."""
from __future__ import annotations

from collections.abc import Iterator

from .context import PlanContext, Tally, fmt, ordered, tally
from .findings import Finding
from .registry import checker, declare
from .sources import refers_to_allegato

FAMILY = "allegato_b"
declare("g_vs_allegato_b", "error", FAMILY,
        "g) ALER liberi / ristrutturazioni / carenza per comune = units LIBERO / SFITTO PER RISTRUTTURAZIONE / "
        "SFITTO PER CARENZE MANUTENTIVE in Allegato B")
declare("g_vs_allegato_b_overall", "warning", FAMILY,
        "g) ALER liberi / ristrutturazioni / carenza over all comuni = the same counts over Allegato B")
declare("allegato_b_missing", "warning", FAMILY,
        "a row of e) says \"vedi allegato\" but the plan has no Allegato B")

G, B = "g_assegnabili", "allegato_b"
STATES = {  # g column -> Allegato B state
    "liberi": "libero",
    "ristrutturazione": "sfitto_ristrutturazione",
    "carenza_manutentiva": "sfitto_carenze_manutentive",
}
WORDS = {"libero": "LIBERO", "sfitto_ristrutturazione": "SFITTO PER RISTRUTTURAZIONE",
         "sfitto_carenze_manutentive": "SFITTO PER CARENZE MANUTENTIVE"}


def is_aler(record: dict) -> bool:
    return record.get("ente_tipo") == "aler"


def by_comune(record: dict) -> str:
    return str(record.get("comune_istat") or "")


@checker
def g_against_allegato_b(ctx: PlanContext) -> Iterator[Finding]:
    refers = any(refers_to_allegato(r) and is_aler(r) for _, r in ctx.rows("e_libere", resolved=False))
    if B not in ctx.plan.tables:
        if refers and B not in ctx.missing_tables:  # a missing table is an extraction finding instead
            yield ctx.finding("allegato_b_missing", "e_libere refers to an Allegato B (\"vedi allegato\") "
                              "that the plan does not contain", tables=["e_libere"],
                              evidence=[("e_libere", i, "codice_id") for i, r in ctx.rows("e_libere", resolved=False)
                                        if refers_to_allegato(r)])
        return
    if G not in ctx.plan.tables:
        return
    skip_comuni = ctx.unresolved([B]) or ctx.unresolved([G], ente_tipo="aler")
    # An ALER row of g for "COMUNI VARI" cannot be matched comune by comune: only overall counts then.
    per_comune = not skip_comuni and all(r.get("comune_istat") for _, r in ctx.rows(G) if is_aler(r))
    for column, state in STATES.items():
        g = tally(ctx, G, column, key=by_comune, where=is_aler)
        b = tally(ctx, B, None, key=by_comune, where=lambda r, s=state: r.get("stato") == s, shown="stato")
        if per_comune:
            for key in ordered(g, b):
                yield from _compare(ctx, "g_vs_allegato_b", column, state, g, b, key)
        found = _overall(g)
        expected = _overall(b)
        if found is None or expected is None or found == expected or ctx.unresolved([G, B]):
            continue
        yield ctx.finding(
            "g_vs_allegato_b_overall",
            f"g_assegnabili: the ALER rows add up to {column} {fmt(found)} but Allegato B lists "
            f"{fmt(expected)} units {WORDS[state]}",
            tables=[G, B], field=column, expected=expected, found=found,
            evidence=[e for k in g.keys() for e in g.evidence[k]][:12],
            pages=[*ctx.table_pages(B)], ente=next((r.get("ente") for r in g.records.values()), None),
        )


def _overall(t: Tally) -> int | float | None:
    values = [t.get(k) for k in t.keys()]
    return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


def _compare(ctx: PlanContext, rule: str, column: str, state: str, g: Tally, b: Tally, key: str) -> Iterator[Finding]:
    found, expected = g.get(key), b.get(key)
    if found is None or expected is None or found == expected:
        return
    record = g.records.get(key) or b.records[key]
    where = record.get("comune") or key
    in_g = f"prints {column} {fmt(found)}" if key in g.keys() else "has no ALER row"
    yield ctx.finding(
        rule, f"g_assegnabili, ALER in {where}: {in_g} but Allegato B lists {fmt(expected)} units {WORDS[state]}",
        tables=[G, B], record=record, field=column, expected=expected, found=found,
        evidence=[*g.evidence.get(key, []), *b.evidence.get(key, [])[:12]],
        ente=next((r.get("ente") for r in g.records.values()), None),
    )
