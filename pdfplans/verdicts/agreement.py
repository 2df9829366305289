"""Figures two sibling tables both print for the same owner: g against b, c(+d), e and Allegato B;
Allegato A against h, i-B, j and k.

A plan may contradict itself for an owner or so (the seed's g and e disagree on Cremona's turnover);
a part that disagrees with its hub on two owners or more was misread (digits, a swapped table). When
two parts or more disagree with the hub, the hub is the one misread.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import Reason
from .common import Record, data_rows, num, page_of
from .siblings import ente_key, unit_key

if TYPE_CHECKING:
    from ..model import Plan

Values = dict[Any, float]
TOO_MANY = 2  # owners on which two siblings disagree before the reading is doubted


def _sum(plan: "Plan", table_id: str, column: str | None, key: Callable[[Record], Any],
         where: Callable[[Record], bool] = lambda r: True) -> Values | None:
    """``column`` (rows counted when None) summed per owner; None when the table is absent or a figure blank."""
    table = plan.tables.get(table_id)
    if table is None:
        return None
    out: Values = {}
    for _, record in data_rows(table):
        if not where(record):
            continue
        value = 1.0 if column is None else num(record.get(column))
        if value is None:
            return None  # a blank makes the owner's sum unknown: nothing to compare
        out[key(record)] = out.get(key(record), 0.0) + value
    return out


@dataclass(frozen=True)
class Pair:
    part: str  # the table blamed when it alone disagrees
    hub: Values | None
    side: Values | None
    what: str


def _disagree(pair: Pair) -> list[Any]:
    if pair.hub is None or pair.side is None:
        return []
    return [k for k in pair.side if k in pair.hub and abs(pair.hub[k] - pair.side[k]) > 0.005]


def _is_aler(record: Record) -> bool:
    return record.get("ente_tipo") == "aler"


def _comune(record: Record) -> str:
    return str(record.get("comune_istat") or "")


def sends_to_annex(record: Record) -> bool:
    """An e) row that sends to Allegato B ("COMUNI VARI vedi allegato") instead of listing a unit."""
    return "allegat" in " ".join(str(record.get(c) or "") for c in ("nota", "codice_id", "comune")).lower()


def _listed_here(record: Record) -> bool:
    return not sends_to_annex(record)


def already_free(plan: "Plan") -> Values | None:
    """g's liberi without the turnover part and f's units: the units e) lists one by one."""
    liberi = _sum(plan, "g_assegnabili", "liberi", unit_key)
    turnover = _sum(plan, "g_assegnabili", "liberi_turnover", unit_key) or {}
    private = _sum(plan, "f_conferite_privati", "unita", unit_key) or {}
    return None if liberi is None else {k: v - turnover.get(k, 0.0) - private.get(k, 0.0) for k, v in liberi.items()}


def _in_state(state: str) -> Callable[[Record], bool]:
    return lambda record: record.get("stato") == state


def _g_pairs(plan: "Plan") -> list[Pair]:
    g = "g_assegnabili"
    c, d = _sum(plan, "c_ristrutturazione", "unita", unit_key), _sum(plan, "d_nuova_edificazione", "unita", unit_key)
    ristr = None if c is None else {k: v + (d or {}).get(k, 0.0) for k, v in c.items()}
    pairs = [
        Pair("b_carenza_manutentiva", _sum(plan, g, "carenza_manutentiva", unit_key),
             _sum(plan, "b_carenza_manutentiva", "unita", unit_key), "carenza manutentiva"),
        Pair("c_ristrutturazione", _sum(plan, g, "ristrutturazione", unit_key), ristr, "ristrutturazione"),
        Pair("e_turnover", _sum(plan, g, "liberi_turnover", unit_key), _sum(plan, "e_turnover", "unita", unit_key),
             "turnover"),
        Pair("e_libere", already_free(plan), _sum(plan, "e_libere", None, unit_key, _listed_here), "units already free"),
    ]
    for column, state in (("liberi", "libero"), ("ristrutturazione", "sfitto_ristrutturazione"),
                          ("carenza_manutentiva", "sfitto_carenze_manutentive")):
        pairs.append(Pair("allegato_b", _sum(plan, g, column, _comune, _is_aler),
                          _sum(plan, "allegato_b", None, _comune, _in_state(state)),
                          f"ALER {column}"))
    return pairs


def _a_pairs(plan: "Plan") -> list[Pair]:
    a = "allegato_a"
    return [Pair(table, _sum(plan, a, a_column, ente_key), _sum(plan, table, column, ente_key), a_column)
            for table, column, a_column in (
                ("h_soglia_indigenti", "soglia_pct", "soglia_indigenti_pct"),
                ("i_forze_polizia", "quota_pct", "quota_forze_polizia_pct"),
                ("j_transitori", "unita", "ui_transitori"),
                ("k_assegnate_anno_precedente", "unita", "ui_assegnate_anno_precedente"))]


def _judge(plan: "Plan", hub: str, pairs: list[Pair], suspect: frozenset[str], witnessed: bool) -> list[Reason]:
    """``witnessed``: the hub's compared columns add up to printed totals of its own (g's TOTALE row and
    row sums), which the totals and rows evidence checks; a part alone disagreeing is then the one
    misread. An unwitnessed hub (Allegato A against h..k) is as likely misread as the part: both are named."""
    if hub in suspect or hub not in plan.tables:
        return []
    wrong = [(p, keys) for p in pairs if p.part not in suspect and len(keys := _disagree(p)) >= TOO_MANY]
    parts = {p.part for p, _ in wrong}
    hub_reason = Reason("agreement", hub, page_of(plan.tables[hub]),
                        f"disagrees with {', '.join(sorted(parts))} on "
                        f"{sum(len(k) for _, k in wrong)} owners (misread figures?)")
    if len(parts) >= 2:  # the hub disagrees with several of its parts: the hub is misread
        return [hub_reason]
    return [Reason("agreement", p.part, page_of(plan.tables[p.part]),
                   f"{p.what} differs from {hub} for {len(keys)} owners (misread figures or a swapped table?)")
            for p, keys in wrong if p.part in plan.tables] + ([hub_reason] if parts and not witnessed else [])


def judge_agreement(plan: "Plan", suspect: frozenset[str] = frozenset()) -> list[Reason]:
    return (_judge(plan, "g_assegnabili", _g_pairs(plan), suspect, witnessed=True)
            + _judge(plan, "allegato_a", _a_pairs(plan), suspect, witnessed=False))
