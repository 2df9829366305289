"""Rows left in the narrative: lines that print a member comune (or an owner, or TOTALE) followed by
figures, on a table's last page or the page after, are rows the reading did not take into the table.

This is how a page break or an early stop shows: the continuation of the table, in the same columns,
goes back to the text when the reader does not join it to the table above.
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .base import Reason
from .common import numeric_columns

if TYPE_CHECKING:
    from ..model import Plan, Table

_FIGURE = re.compile(r"^[\d.,%€()+\-:/']+$")
CODES = ("codice_id", "id_alloggio", "codice_alloggio", "data_ricezione")  # printed as figures too
NAME_WORDS = 6  # words of an owner's name before its first figure
_OWNER = re.compile(r"^(?:COMUNE(?: DI)? |ALER\b|TOTALE\b|AT\b)")
MAX_TOKENS = 14
_DATELINE = re.compile(r"\b(?:GENNAIO|FEBBRAIO|MARZO|APRILE|MAGGIO|GIUGNO|LUGLIO|AGOSTO|SETTEMBRE|OTTOBRE|NOVEMBRE"
                       r"|DICEMBRE)\b")  # "Lodi, 14 dicembre 2022": where and when the plan was signed
MAX_WORDS = 3  # words besides the name: a row holds figures, a sentence holds words


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Za-z0-9.,%€()+\- ]", " ", text).upper().split())


def _figures(line: str, names: list[str]) -> int:
    """How many figures a row-like line prints; 0 for any other line.

    Row-like: short, no sentence end, led by an owner / TOTALE / AT label (a name of a few words, then
    figures) or holding a member comune's name, with figures and at most a few other words.
    """
    tokens = line.split()
    if not tokens or len(tokens) > MAX_TOKENS or line.endswith((".", ":", ";")) or _DATELINE.search(line):
        return 0
    is_figure = [bool(_FIGURE.match(t)) and any(c.isdigit() for c in t) for t in tokens]
    figures = sum(is_figure)
    if not figures:
        return 0
    if _OWNER.match(line):
        first = is_figure.index(True)
        return figures if first <= NAME_WORDS and len(tokens) - first - figures <= MAX_WORDS else 0
    name = next((n for n in names if re.search(rf"(?<![A-Z]){re.escape(n)}(?![A-Z])", line)), None)
    if name is None:
        return 0
    return figures if len(tokens) - figures - len(name.split()) <= MAX_WORDS else 0


def _printed_figures(table: "Table") -> int:
    return len(numeric_columns(table)) + sum(1 for c in CODES if c in table.columns)


def _homes(plan: "Plan", page: int, figures: int) -> list["Table"]:
    """The tables a stray row on ``page`` may belong to: printed on that page or ending on the page
    before, those whose columns print as many figures as the line (all of them when several tie)."""
    tables = [t for t in plan.tables.values() if t.records and _printed_figures(t)
              and ("comune" in t.columns or "ente" in t.columns)]
    near = [t for t in tables if page in t.pages or (t.pages and t.pages[-1] == page - 1)]
    if not near:
        return []
    best = min(abs(_printed_figures(t) - figures) for t in near)
    return [t for t in near if abs(_printed_figures(t) - figures) == best]


def _owners(plan: "Plan") -> set[str]:
    """The owners the plan's tables name ("Coop. Casa del Mincio" in a) and k): a line led by one of
    them and holding figures is an owner's row, however its name opens (not "COMUNE" nor "ALER")."""
    return {_plain(str(r["ente"])) for t in plan.tables.values() if "ente" in t.columns
            for r in t.records if r.get("ente") and not r.get("is_total") and len(str(r["ente"]).split()) >= 2}


def judge_leftovers(plan: "Plan") -> list[Reason]:
    names = sorted({_plain(m["comune"]) for m in plan.comuni_ambito if m.get("comune")} | _owners(plan),
                   key=len, reverse=True)
    found: dict[str, Reason] = {}
    for page, text in plan.text:
        figures = _figures(_plain(text), names)
        if not figures:
            continue
        for table in _homes(plan, page, figures):
            if table.id in found:
                continue
            found[table.id] = Reason("continuation", table.id, page,
                                     f"page {page} prints {' '.join(text.split())[:60]!r} in its columns, read "
                                     "as text, not as a row (a page break or an early stop?)")
    return list(found.values())
