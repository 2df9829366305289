"""Family 5, Allegato A (the regional platform's report, one row per ente) against the plan's tables.

In these findings the checked cell is Allegato A's (``found``); ``expected`` is what the plan's own
table gives for the same ente, and ``field`` names that table's column.
"""
from __future__ import annotations

from collections.abc import Iterator

from .context import EnteKey, PlanContext, Record, ente_key, fmt, num, tally
from .findings import Finding
from .registry import checker, declare

FAMILY = "allegato_a"
A = "allegato_a"
declare("a_vs_allegato_a", "error", FAMILY, "Allegato A U.I. SAP / SAS = a) alloggi SAP / SAS of the same ente")
declare("g_vs_allegato_a", "error", FAMILY,
        "Allegato A disponibili / libere / carenza / ristrutturazione = g) totale / liberi / carenza / "
        "ristrutturazioni summed over the ente's rows")
declare("f_vs_allegato_a", "error", FAMILY, "Allegato A U.I. conferite da privati = units of f) for the ente")
declare("h_vs_allegato_a", "error", FAMILY, "Allegato A soglia % indigenti = h) soglia of the comune (0 if not listed)")
declare("i_categorie_vs_allegato_a", "warning", FAMILY,
        "Allegato A names an additional category exactly when i-A) lists one for the comune")
declare("i_forze_polizia_vs_allegato_a", "error", FAMILY,
        "Allegato A % Forze di Polizia = i-B) quota of the comune (0 if not listed)")
declare("j_vs_allegato_a", "error", FAMILY, "Allegato A U.I. per servizi abitativi transitori = units of j) for the ente")
declare("k_vs_allegato_a", "error", FAMILY, "Allegato A U.I. assegnate l'anno precedente = k) for the ente")
declare("allegato_a_missing_ente", "warning", FAMILY,
        "an ente that appears in g..k has no row in Allegato A (it did not report to the platform)")
declare("allegato_a_extra_ente", "warning", FAMILY, "an ente of Allegato A appears in no table of the plan")

# (rule, plan table, plan column (None: count rows), Allegato A column)
UNIT_COMPARISONS: tuple[tuple[str, str, str, str], ...] = (
    ("a_vs_allegato_a", "a_consistenza", "alloggi_sap", "ui_sap"),
    ("a_vs_allegato_a", "a_consistenza", "alloggi_sas", "ui_sas"),
    ("g_vs_allegato_a", "g_assegnabili", "totale", "ui_disponibili"),
    ("g_vs_allegato_a", "g_assegnabili", "liberi", "ui_libere_turnover"),
    ("g_vs_allegato_a", "g_assegnabili", "carenza_manutentiva", "ui_carenza_manutentiva"),
    ("g_vs_allegato_a", "g_assegnabili", "ristrutturazione", "ui_ristrutturazione"),
    ("f_vs_allegato_a", "f_conferite_privati", "unita", "ui_conferite_privati"),
    ("h_vs_allegato_a", "h_soglia_indigenti", "soglia_pct", "soglia_indigenti_pct"),
    ("i_forze_polizia_vs_allegato_a", "i_forze_polizia", "quota_pct", "quota_forze_polizia_pct"),
    ("j_vs_allegato_a", "j_transitori", "unita", "ui_transitori"),
    ("k_vs_allegato_a", "k_assegnate_anno_precedente", "unita", "ui_assegnate_anno_precedente"),
)
PRESENCE_TABLES = ("g_assegnabili", "h_soglia_indigenti", "i_categorie_aggiuntive", "i_forze_polizia",
                   "j_transitori", "k_assegnate_anno_precedente")
ALL_TABLES = ("a_consistenza", "b_carenza_manutentiva", "c_ristrutturazione", "d_nuova_edificazione", "e_libere",
              "e_turnover", "f_conferite_privati", *PRESENCE_TABLES, "fondi_solidarieta_comuni",
              "fondi_solidarieta_enti")
SHORT = {"g_assegnabili": "g", "h_soglia_indigenti": "h", "i_categorie_aggiuntive": "i-A", "i_forze_polizia": "i-B",
         "j_transitori": "j", "k_assegnate_anno_precedente": "k"}


def _name(key: EnteKey, record: Record) -> str:
    if record.get("ente"):
        return str(record["ente"])
    return f"Comune di {record['comune']}" if record.get("comune") else key[1]


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


@checker
def allegato_a_against_plan(ctx: PlanContext) -> Iterator[Finding]:
    if A not in ctx.plan.tables:
        return
    rows: dict[EnteKey, tuple[int, Record]] = {}
    for index, record in ctx.rows(A):
        rows.setdefault(ente_key(record), (index, record))
    if not rows:
        return

    for rule, table_id, column, a_column in UNIT_COMPARISONS:
        if not ctx.has(table_id):
            continue
        plan_side = tally(ctx, table_id, column, key=ente_key)
        for key, (index, record) in rows.items():
            if table_id in ("h_soglia_indigenti", "i_forze_polizia") and key[0] != "comune":
                continue  # percentages are chosen by comuni, ALER's row prints 0
            found, expected = num(record.get(a_column)), plan_side.get(key)
            if found is None or expected is None or _same(found, expected):
                continue
            if ctx.unresolved([table_id, A], ente_tipo=key[0]):
                continue
            where = f"{table_id} gives {fmt(expected)}" if key in plan_side.keys() else f"{table_id} has no row (0)"
            yield ctx.finding(
                rule, f"allegato_a, {_name(key, record)}: {a_column} prints {fmt(found)} but {where} "
                      f"for {column}",
                tables=[table_id, A], record=record, field=column, expected=expected, found=found,
                evidence=[*plan_side.evidence.get(key, [])[:12], (A, index, a_column)],
            )

    yield from _categorie(ctx, rows)
    yield from _presence(ctx, rows)


def _categorie(ctx: PlanContext, rows: dict[EnteKey, tuple[int, Record]]) -> Iterator[Finding]:
    table_id = "i_categorie_aggiuntive"
    if not ctx.has(table_id):
        return
    listed: dict[EnteKey, tuple[int, Record]] = {}
    for index, record in ctx.rows(table_id):
        listed.setdefault(ente_key(record), (index, record))
    for key, (index, record) in rows.items():
        if key[0] != "comune":
            continue
        printed = record.get("categoria_aggiuntiva")
        other = listed.get(key)
        if bool(printed) == (other is not None) or ctx.unresolved([table_id, A]):
            continue
        expected = other[1].get("categoria") if other else None
        says = f"names the category {printed!r}" if printed else "names no additional category"
        yield ctx.finding(
            "i_categorie_vs_allegato_a",
            f"allegato_a, {_name(key, record)}: {says} but i-A) "
            + (f"lists {expected!r}" if other else "lists none for the comune"),
            tables=[table_id, A], record=record, field="categoria", expected=expected, found=printed,
            evidence=[*([(table_id, other[0], "categoria")] if other else []), (A, index, "categoria_aggiuntiva")],
        )


def _presence(ctx: PlanContext, rows: dict[EnteKey, tuple[int, Record]]) -> Iterator[Finding]:
    seen: dict[EnteKey, dict[str, tuple[int, Record]]] = {}
    for table_id in PRESENCE_TABLES:
        for index, record in ctx.rows(table_id):
            key = ente_key(record)
            if key[1]:
                seen.setdefault(key, {}).setdefault(table_id, (index, record))
    for key, where in seen.items():
        if key in rows or ctx.unresolved([A], ente_tipo=key[0]):
            continue
        first = next(iter(where.values()))[1]
        tables = list(where)
        yield ctx.finding(
            "allegato_a_missing_ente",
            f"{_name(key, first)} appears in {', '.join(SHORT[t] for t in tables)} but has no row in Allegato A",
            tables=[*tables, A], record=first, ente=_name(key, first),
            evidence=[(t, i, "comune" if r.get("comune") else "ente") for t, (i, r) in where.items()],
            pages=ctx.table_pages(A),
        )
    anywhere = {ente_key(r) for t in ALL_TABLES for _, r in ctx.rows(t)}
    if ctx.unresolved(ALL_TABLES):
        return
    for key, (index, record) in rows.items():
        if key not in anywhere and any(t in ctx.plan.tables for t in ALL_TABLES):
            yield ctx.finding(
                "allegato_a_extra_ente", f"allegato_a lists {_name(key, record)}, which appears in no table of the plan",
                tables=[A], record=record, evidence=[(A, index, "ente")],
            )
