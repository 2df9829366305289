"""Sibling tables that list the same owners: g against its parts b..f, Allegato A against h..k.

Figures that differ between siblings are the plan's discrepancies (the checks report them); an
owner with units in one sibling and no row at all in the other means the reading lost a row there.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .base import Reason
from .common import Record, data_rows, num, page_of

if TYPE_CHECKING:
    from ..model import Plan, Table

G = "g_assegnabili"
A = "allegato_a"
# (part table, its column, or None to count its rows; the column of g it feeds)
G_PARTS: tuple[tuple[str, str | None, str], ...] = (
    ("b_carenza_manutentiva", "unita", "carenza_manutentiva"),
    ("c_ristrutturazione", "unita", "ristrutturazione"),
    ("e_turnover", "unita", "liberi_turnover"),
)
# (table, its value column, the column of Allegato A that says the ente has some)
A_PARTS: tuple[tuple[str, str, str], ...] = (
    ("h_soglia_indigenti", "soglia_pct", "soglia_indigenti_pct"),
    ("i_forze_polizia", "quota_pct", "quota_forze_polizia_pct"),
    ("j_transitori", "unita", "ui_transitori"),
    ("k_assegnate_anno_precedente", "unita", "ui_assegnate_anno_precedente"),
    ("i_categorie_aggiuntive", "categoria", "categoria_aggiuntiva"),
)
ENTE_TABLES = ("b_carenza_manutentiva", "c_ristrutturazione", "d_nuova_edificazione", "e_turnover",
               "f_conferite_privati", G, "j_transitori", "k_assegnate_anno_precedente")


def unit_key(record: Record) -> tuple[str, str, str]:
    return (record.get("ente_tipo") or "", str(record.get("ente") or ""), str(record.get("comune_istat") or ""))


def ente_key(record: Record) -> tuple[str, str]:
    if (record.get("ente_tipo") or "comune") == "comune" and record.get("comune_istat"):
        return ("comune", str(record["comune_istat"]))
    return (record.get("ente_tipo") or "", str(record.get("ente") or ""))


def _positive(table: "Table", column: str | None, key: Callable[[Record], Any]) -> dict[Any, tuple[int, Record]]:
    """Rows with something in ``column`` (any row when None), by owner."""
    found: dict[Any, tuple[int, Record]] = {}
    for index, record in data_rows(table):
        value = 1.0 if column is None else _has(record.get(column))
        if value and key(record)[-1]:
            found.setdefault(key(record), (index, record))
    return found


def _has(value: Any) -> float | None:
    """A figure, or 1 for a text that says something (a category named)."""
    if isinstance(value, str):
        return 1.0 if value.strip() else None
    return num(value)


def _keys(table: "Table", key: Callable[[Record], Any]) -> set[Any]:
    return {key(r) for _, r in data_rows(table)}


def _name(record: Record) -> str:
    return str(record.get("ente") or record.get("comune") or "?")


def _lost(table: "Table", other: "Table", index: int, record: Record, column: str, what: str) -> Reason:
    return Reason("siblings", table.id, page_of(table),
                  f"no row for {_name(record)}, which {other.id} (page {page_of(other, index)}) lists with "
                  f"{column} {num(record.get(column)) or 0:g}{what}")


def judge_siblings(plan: "Plan", suspect: frozenset[str] = frozenset()) -> list[Reason]:
    """``suspect``: tables other evidence already contradicts; they are no reference for their siblings."""
    reasons: list[Reason] = []
    g = plan.tables.get(G)
    if g is not None and g.records and G not in suspect:
        for part_id, part_column, g_column in G_PARTS:
            part = plan.tables.get(part_id)
            if part is None or part_id in suspect:
                continue
            in_part = _keys(part, unit_key)
            for key, (index, record) in _positive(g, g_column, unit_key).items():
                if key not in in_part:
                    reasons.append(_lost(part, g, index, record, g_column, ""))
                    break
            in_g = _keys(g, unit_key)
            for key, (index, record) in _positive(part, part_column, unit_key).items():
                if key not in in_g:
                    reasons.append(_lost(g, part, index, record, part_column or "a row", ""))
                    break
        if "e_libere" not in suspect:
            reasons.extend(_free_unlisted(plan, g))
    allegato = plan.tables.get(A)
    if allegato is not None and allegato.records and A not in suspect:
        for table_id, _column, a_column in A_PARTS:
            table = plan.tables.get(table_id)
            if table is None:
                continue
            listed = _keys(table, ente_key)
            for key, (index, record) in _positive(allegato, a_column, ente_key).items():
                if key not in listed:
                    reasons += [_lost(table, allegato, index, record, a_column, ""), _unwitnessed(allegato, table, index,
                                                                                               record, a_column)]
                    break
        reasons.extend(_allegato_count(plan, allegato))
    return reasons


def _unwitnessed(allegato: "Table", table: "Table", index: int, record: Record, column: str) -> Reason:
    """Allegato A's side of a row one of h..k lacks. Its columns against h..k add up to no printed total
    and no row sum: nothing tells a row lost there from a figure misread here (an OCR 0 read as 8)."""
    return Reason("siblings", A, page_of(allegato, index),
                  f"{_name(record)} has {column} {num(record.get(column)) or 0:g} but {table.id} (page "
                  f"{page_of(table)}) lists no row for it: a row lost there or a figure misread here",
                  ((index, column),))


def _free_unlisted(plan: "Plan", g: "Table") -> list[Reason]:
    """e) lists the units already free one by one (or sends an ente's to Allegato B in a row of its
    own): an owner g counts free units for (not by turnover, not conferred by privates) with no row
    in e) lost its rows. An owner with fewer rows than units is the plan's own count (the checks)."""
    e = plan.tables.get("e_libere")
    if e is None or not e.records:
        return []
    from .agreement import already_free, sends_to_annex  # agreement imports this module for its keys

    listed = _keys(e, unit_key)
    annexed = {key[:2] for _, record in data_rows(e) if sends_to_annex(record) for key in [unit_key(record)]}
    free = already_free(plan) or {}
    for index, record in data_rows(g):
        key = unit_key(record)
        if free.get(key, 0.0) >= 1 and key[-1] and key not in listed and key[:2] not in annexed:
            return [Reason("siblings", e.id, page_of(e, len(e.records) - 1),
                           f"no row for {_name(record)}, which {G} (page {page_of(g, index)}) counts with "
                           f"{free[key]:g} units already free (rows lost?)")]
    return []


def _allegato_count(plan: "Plan", allegato: "Table") -> list[Reason]:
    """Allegato A has a row per ente that answered: far fewer than the owners of g..k is a cut table."""
    owners = set().union(*(_keys(t, ente_key) for tid in ENTE_TABLES if (t := plan.tables.get(tid)) is not None))
    rows = sum(1 for _ in data_rows(allegato))
    if len(owners) >= 6 and rows < 0.5 * len(owners):
        return [Reason("siblings", A, page_of(allegato),
                       f"{rows} rows for the {len(owners)} owners that tables b..k name (cut short?)")]
    return []
