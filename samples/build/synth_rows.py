"""Row helpers of the hand-written synthetic plans (Mantova, Lodi): every figure is a literal in the
plan's module, printed as written there; these only pair the printed cells with the record they mean.

Totals are literals too (typed, not summed here), so that a total printed wrong stays wrong on purpose
and ``tests/test_synthetic_expected.py`` recomputes the sums independently.
"""
from __future__ import annotations

from typing import Any

from synth_common import official

Row = dict[str, Any]
NO_ENTE = {"ente_tipo": "", "ente": "", "comune": "", "comune_istat": ""}


def row(printed: list[str], **out: Row) -> dict[str, Any]:
    """One printed row and the canonical record(s) it means, by table id."""
    return {"print": printed, "out": out}


def place(code: str | None) -> dict[str, str]:
    if code is None:
        return {"comune": "", "comune_istat": ""}
    return {"comune": official()[code], "comune_istat": code}


def ente(kind: str, code: str | None, name: str = "") -> dict[str, str]:
    """Canonical ente fields: ``comune`` -> "Comune di <official>"; ``aler`` / ``altro`` -> ``name``."""
    if kind == "comune":
        assert code is not None
        return {"ente_tipo": "comune", "ente": f"Comune di {official()[code]}", **place(code)}
    return {"ente_tipo": kind, "ente": name, **place(code)}


def units(printed: list[str], table: str, who: dict[str, str], n: int) -> dict[str, Any]:
    """A row of a units table (b, c, e turnover, j, k): ente, comune, number."""
    return row(printed, **{table: {**who, "unita": n}})


def g_row(printed: list[str], who: dict[str, str], lib: int, ristr: int, car: int, tot: int,
          is_total: bool = False) -> dict[str, Any]:
    return row(printed, g_assegnabili={**who, "liberi": lib, "liberi_turnover": 0, "ristrutturazione": ristr,
                                       "carenza_manutentiva": car, "totale": tot, "is_total": is_total})


def a_row(printed: list[str], who: dict[str, str], tot: int, sap: int, sas: int, is_total: bool = False) -> dict[str, Any]:
    return row(printed, a_consistenza={**who, "alloggi_totali": tot, "alloggi_sap": sap, "alloggi_sas": sas,
                                       "alloggi_altri_usi": 0, "is_total": is_total})


def pop_row(printed: list[str], code: str | None, n: int) -> dict[str, Any]:
    return row(printed, popolazione={"at": "", **place(code), "popolazione": n, "is_total": code is None})
