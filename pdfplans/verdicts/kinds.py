"""Values not of their column's kind: printed figures that read as nothing, names that resolve to no
comune, digits where a name belongs, negative counts, percentages over 100.

Each is what a merged row, a shifted column or an OCR misreading leaves behind; one odd cell in a
long table may be the plan's own, so a table is suspect when such rows are more than a stray one.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import Reason
from .common import data_rows, num, numeric_columns, page_of

if TYPE_CHECKING:
    from ..model import Table

_DIGIT = re.compile(r"\d")
_MOSTLY_DIGITS = re.compile(r"^[\d\s.,%€+\-/]+$")
NAME_COLUMNS = ("comune", "ente")
PERCENT = ("_pct", "percentuale")


_FIGURE_LINE = re.compile(r"^\s*[\d.,%€\s]*\d[\d.,%€\s]*$")
STRONG = ("no number", "a name belongs", "two figures", "two comuni")  # one such row is enough


def plain_name(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _two_members(text: str, members: list[str]) -> bool:
    """A name cell holding two member comuni, each whole ("castelverde" + "corte de frati"): rows merged."""
    plain = f" {plain_name(text)} "
    found = [m for m in members if f" {m} " in plain]
    return len({m for m in found if not any(m != o and m in o for o in found)}) >= 2


def _row_problems(table: "Table", index: int, members: list[str]) -> list[str]:
    record = table.records[index]
    cells = table.cells[index] if index < len(table.cells) else {}
    problems = []
    for column in numeric_columns(table):
        value, cell = num(record.get(column)), cells.get(column)
        if cell is not None and sum(1 for line in cell.text.splitlines() if _FIGURE_LINE.match(line)) >= 2:
            problems.append(f"{column} prints two figures in one cell ({cell.flat!r}): rows merged?")
        elif value is None and cell is not None and _DIGIT.search(cell.text):
            problems.append(f"{column} prints {cell.flat!r} but reads as no number")
        elif value is not None and value < 0:
            problems.append(f"{column} is negative ({value:g})")
        elif value is not None and column.endswith(PERCENT) and value > 100:
            problems.append(f"{column} is {value:g}%")
    for column in NAME_COLUMNS:
        cell = cells.get(column)
        if cell is not None and cell.flat and _MOSTLY_DIGITS.match(cell.flat):
            problems.append(f"{column} prints {cell.flat!r}, a figure where a name belongs")
        elif cell is not None and _two_members(cell.text, members):
            problems.append(f"{column} prints two comuni ({cell.flat!r}): rows merged?")
    named = any(cells.get(c) is not None and cells[c].flat for c in NAME_COLUMNS)
    if ("comune_istat" in table.columns and named and not record.get("comune_istat")
            and record.get("ente_tipo") in (None, "", "comune")):
        name = next(cells[c].flat for c in NAME_COLUMNS if cells.get(c) is not None and cells[c].flat)
        problems.append(f"{name!r} is no comune of the plan")
    return problems


def judge_kinds(table: "Table", members: list[str] | None = None) -> list[Reason]:
    """``members``: the plan's member comuni, plain (lower case, no punctuation)."""
    rows = [(i, p) for i, _ in data_rows(table) if (p := _row_problems(table, i, members or []))]
    if not rows:
        return []
    checked = sum(1 for _ in data_rows(table))
    if len(rows) < 2 and not any(s in p for _, ps in rows for p in ps for s in STRONG):
        return []  # one unresolved name in a table: the extraction finding names it
    index, problems = rows[0]
    return [Reason("kinds", table.id, page_of(table, index),
                   f"{len(rows)} of {checked} rows hold values not of their kind, first row {index + 1}: "
                   + "; ".join(problems[:2]), tuple(_cells(table, i) for i, _ in rows[:6]))]


def _cells(table: "Table", index: int) -> tuple[int, str]:
    """A printed cell of the row to show (its name, else its first)."""
    cells = table.cells[index] if index < len(table.cells) else {}
    column = next((c for c in NAME_COLUMNS if c in cells), next(iter(cells), "comune"))
    return (index, column)
