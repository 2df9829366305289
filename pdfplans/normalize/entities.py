"""Owners (enti) of the rows: ente_tipo and canonical ente from the printed ente and comune cells.

"COMUNE" + "CELLA DATI" → comune, "Comune di Cella Dati"; "COMUNE DI CREMONA" → Cremona; a bare comune
name in the ente column (table a) → that comune; ALER under any spelling, or one of its Unità Operative
("U.O.LODI", "UOG di Cremona"), → the canonical name kept in ``data/aler.csv``, with the comune where
its units stand (none for "COMUNI VARI", "U.O.CREMONA": a unit covers many comuni); anything else (a
cooperative) → ``altro``, kept as printed.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from .comuni import Resolution, Resolver
from .names import PARTICLES, unita_operativa, words
from .packaged import data_text

_COMUNE_ENTE = re.compile(r"^\s*comune(?:\s+(?:di|de|d')\b\s*|\s+|$)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_ALER = re.compile(r"^\s*a\.?\s*l\.?\s*e\.?\s*r\.?\b|azienda\s+lombarda\s+(?:per\s+)?l.?edilizia", re.IGNORECASE)
_TOTAL = re.compile(r"^\s*(?:sub)?totale?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Ente:
    """The owner of a row. ``ente_tipo``: 'comune', 'aler', 'altro', or None when the row names none."""

    ente_tipo: str | None
    ente: str | None
    comune: str | None
    comune_istat: str | None
    resolution: Resolution | None = None


@lru_cache(maxsize=1)
def _aler_table() -> tuple[dict[str, str], dict[str, str]]:
    """(word → canonical ALER, province sigla → canonical ALER) from data/aler.csv."""
    text = data_text("aler.csv")
    by_word: dict[str, str] = {}
    by_province: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["kind"] == "province":
            by_province[row["key"].upper()] = row["canonical"]
        else:
            by_word[row["key"].lower()] = row["canonical"]
    return by_word, by_province


def aler_name(text: str, provincia: str | None = None, unit: str | None = None) -> str:
    """Canonical ALER name: the one whose words the text names most ("ALER BS – CR- MN",
    "Aler di Brescia"); else the one whose words name the Unità Operativa of ``unit`` ("U.O.LODI");
    for a bare "ALER", the ALER of ``provincia``; else "ALER" as printed."""
    by_word, by_province = _aler_table()
    place = unita_operativa(unit or "")
    for found in (words(text), list(place or ())):
        named = _most_named(found, by_word)
        if named:
            return named
    if provincia and provincia.upper() in by_province:
        return by_province[provincia.upper()]
    return "ALER"


def _most_named(found: list[str], by_word: dict[str, str]) -> str | None:
    """The ALER most of these words name, when one names more than any other."""
    votes: dict[str, int] = {}
    for w in found:
        if w in by_word:
            votes[by_word[w]] = votes.get(by_word[w], 0) + 1
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _aler_place(ente: str, resolver: Resolver) -> Resolution | None:
    """The comune named beside ALER in a row with no comune cell ("ALER Arcore", the column of a table
    printed one column per ente × comune): what is left once the words of any ALER's name are taken
    away, when it is one of the plan's own comuni ("ALER di Pavia-Lodi" leaves nothing)."""
    by_word, _ = _aler_table()
    rest = [w for w in words(_ALER.sub(" ", ente)) if w not in by_word and w not in PARTICLES]
    if not rest or not resolver.scope or unita_operativa(ente) is not None:
        return None
    found = resolver.resolve(" ".join(rest))
    return found if found.resolved and found.comune_istat in resolver.scope else None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _comune_ente(res: Resolution) -> Ente:
    return Ente("comune", f"Comune di {res.comune}", res.comune, res.comune_istat, res)


def resolve_ente(ente_text: str | None, comune_text: str | None, resolver: Resolver) -> Ente:
    """ente_tipo, canonical ente and comune of a row from its printed ente and comune cells."""
    ente = _clean(ente_text)
    comune = _clean(comune_text)
    comune_res = resolver.resolve(comune) if comune else None  # "COMUNI VARI" stays unresolved
    if not ente:
        if comune_res is None:
            return Ente(None, None, None, None, None)
        return Ente(None, None, comune_res.comune, comune_res.comune_istat, comune_res)
    if _TOTAL.match(ente):
        return Ente(None, None, None, None, None)
    if _ALER.search(ente) or unita_operativa(ente) is not None:
        if comune_res is None:
            comune_res = _aler_place(ente, resolver)
        provincia = comune_res.provincia if comune_res and comune_res.resolved else None
        if provincia is None and resolver.provinces and unita_operativa(comune) is None:
            provincia = sorted(resolver.provinces)[0]
        name = aler_name(ente, provincia, unit=comune if unita_operativa(comune) is not None else ente)
        if comune_res is not None and comune_res.resolved:
            return Ente("aler", name, comune_res.comune, comune_res.comune_istat, comune_res)
        return Ente("aler", name, None, None, comune_res)
    match = _COMUNE_ENTE.match(ente)
    if match:
        rest = _clean(match.group("rest"))
        own = resolver.resolve(rest) if rest else None
        if own is not None and own.resolved:
            return _comune_ente(own)
        if comune_res is not None and comune_res.resolved:
            return _comune_ente(comune_res)
        # a comune the resolver cannot name: kept as printed, said plainly (comune empty)
        return Ente("comune", ente, None, None, own or comune_res)
    own = resolver.resolve(ente)
    if own.resolved:  # table a prints the comune itself as the owner
        return _comune_ente(own)
    if comune_res is not None and comune_res.resolved:
        return Ente("altro", ente, comune_res.comune, comune_res.comune_istat, comune_res)
    return Ente("altro", ente, None, None, comune_res)
