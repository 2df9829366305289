"""Family 3, g against its sources: g is "the sum of the units listed at b to f", per owner and comune."""
from __future__ import annotations

from collections.abc import Iterator

from .context import PlanContext, Tally, UnitKey, fmt, num, ordered, tally
from .findings import Evidence, Finding
from .registry import checker, declare

FAMILY = "sources"
declare("g_carenza_vs_b", "error", FAMILY, "g) in carenza manutentiva = units listed in b), per ente and comune")
declare("g_ristrutturazione_vs_c", "error", FAMILY,
        "g) da ristrutturazioni = units listed in c) (+ nuova edificazione d)), per ente and comune")
declare("g_liberi_vs_e", "error", FAMILY,
        "g) liberi = units listed in e) già libere (+ turnover, + conferite f)), per ente and comune")
declare("g_turnover_vs_e", "error", FAMILY,
        "g) liberi \"da turn over\" part = units of e) che si libereranno per avvicendamento")

G = "g_assegnabili"


def refers_to_allegato(record: dict) -> bool:
    """An e) row such as "COMUNI VARI vedi allegato": its units are listed in Allegato B."""
    text = " ".join(str(record.get(c) or "") for c in ("nota", "codice_id", "comune")).lower()
    return "allegat" in text


def _g_side(ctx: PlanContext, column: str) -> Tally:
    return tally(ctx, G, column)


def _compare(
    ctx: PlanContext, rule: str, key: UnitKey, g: Tally, g_column: str, found: int | float | None,
    expected: int | float | None, sources: list[str], evidence: list[Evidence], what: str,
) -> Iterator[Finding]:
    if found is None or expected is None or found == expected:
        return
    if ctx.unresolved([G, *sources], ente_tipo=key[0]):
        return  # an unresolved row could hold the difference: the extraction finding says so
    record = g.records.get(key)
    if record is None:  # the owner has units in the sources but no row in g
        table_id, index, _ = evidence[0]
        record = ctx.table(table_id).records[index]  # type: ignore[union-attr]
    name = record.get("ente") or "?"
    if record.get("comune") and key[0] != "comune":
        name += f" ({record['comune']})"
    in_g = "has no row in g" if key not in g.keys() else f"prints {g_column} {fmt(found)}"
    yield ctx.finding(
        rule, f"g_assegnabili, {name}: {in_g} but {what} {fmt(expected)}",
        tables=[G, *sources], record=record, field=g_column, expected=expected, found=found,
        evidence=[*g.evidence.get(key, []), *evidence[:12]],
    )


@checker
def g_against_sources(ctx: PlanContext) -> Iterator[Finding]:
    if G not in ctx.plan.tables:
        return
    carenza, ristr = _g_side(ctx, "carenza_manutentiva"), _g_side(ctx, "ristrutturazione")
    liberi, turnover_part = _g_side(ctx, "liberi"), _g_side(ctx, "liberi_turnover")

    if ctx.has("b_carenza_manutentiva"):
        b = tally(ctx, "b_carenza_manutentiva", "unita")
        for key in ordered(carenza, b):
            yield from _compare(ctx, "g_carenza_vs_b", key, carenza, "carenza_manutentiva", carenza.get(key),
                                b.get(key), ["b_carenza_manutentiva"], b.evidence.get(key, []), "b) lists")

    if ctx.has("c_ristrutturazione", "d_nuova_edificazione"):
        c = tally(ctx, "c_ristrutturazione", "unita")
        d = tally(ctx, "d_nuova_edificazione", "unita")
        for key in ordered(ristr, c, d):
            cv, dv = c.get(key), d.get(key)
            expected = None if cv is None or dv is None else cv + dv
            what = "c) lists" + (f" {fmt(cv)} and d) {fmt(dv)}, together" if dv else "")
            yield from _compare(ctx, "g_ristrutturazione_vs_c", key, ristr, "ristrutturazione", ristr.get(key),
                                expected, ["c_ristrutturazione", "d_nuova_edificazione"],
                                [*c.evidence.get(key, []), *d.evidence.get(key, [])], what)

    if ctx.has("e_libere", "e_turnover", "f_conferite_privati"):
        # Owners whose free units are "vedi allegato" are checked against Allegato B instead.
        to_allegato = {(r.get("ente_tipo") or "", str(r.get("ente") or ""))
                       for _, r in ctx.rows("e_libere", resolved=False) if refers_to_allegato(r)}
        libere = tally(ctx, "e_libere", None, where=lambda r: not refers_to_allegato(r))
        turnover = tally(ctx, "e_turnover", "unita")
        conferite = tally(ctx, "f_conferite_privati", "unita")
        sources = ["e_libere", "e_turnover", "f_conferite_privati"]
        for key in ordered(liberi, libere, turnover, conferite):
            if key[:2] in to_allegato:
                continue
            whole, part = liberi.get(key), num(turnover_part.get(key)) or 0
            n_libere, n_turnover, n_conferite = libere.get(key), turnover.get(key), conferite.get(key)
            if n_libere is None or n_turnover is None or n_conferite is None:
                continue
            evidence_e = [*libere.evidence.get(key, []), *conferite.evidence.get(key, [])]
            if part and whole is not None:
                # "1 + 5 da turn over": each part has its own source
                yield from _compare(ctx, "g_liberi_vs_e", key, liberi, "liberi", whole - part,
                                    n_libere + n_conferite, sources, evidence_e,
                                    "e) lists as già libere (+ f) conferite)")
                yield from _compare(ctx, "g_turnover_vs_e", key, liberi, "liberi_turnover", part, n_turnover,
                                    ["e_turnover"], turnover.evidence.get(key, []),
                                    "e) lists as liberating by turnover")
            else:
                what = (f"e) lists {fmt(n_libere)} già libere + {fmt(n_turnover)} by turnover"
                        + (f" + f) {fmt(n_conferite)} conferite" if n_conferite else "") + ", together")
                yield from _compare(ctx, "g_liberi_vs_e", key, liberi, "liberi", whole,
                                    n_libere + n_turnover + n_conferite, sources,
                                    [*evidence_e, *turnover.evidence.get(key, [])], what)
