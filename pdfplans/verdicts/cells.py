"""Cells not of their printed column's kind, judged with the column's own role (extractors/kinds.py):
a row whose naming cell is blank, a cell its role's kind does not read, a cell holding two values.

A correct reading of every sample has none of these: a figure column holding a name, a name column
left blank while the row's values stand beside it, is what a column shift leaves; one cell holding
two values of its column, each of the shape the column's other cells print, is two rows merged.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import ValueParseError
from ..extractors.catalog import SPECS_BY_ID
from ..extractors.kinds import KINDS
from .base import Reason
from .common import data_rows, page_of
from .shortforms import names_member

if TYPE_CHECKING:
    from ..model import Cell, Table

# kinds whose every line can be read alone as one whole value (a name may wrap over two lines, a cell
# of references lists several DGRs)
LINE_KINDS = ("int", "pct", "euro", "date", "time", "si_no", "code", "units_di_cui", "liberi")
ALONE_MAX = 2  # rows with a misread cell beyond which the whole reading is in doubt
SINGLE = 0.8  # share of the column's cells printed on one line for a two-line cell to be two values
FIGURE_KINDS = ("int", "pct", "euro", "units_di_cui", "liberi")
# the letters of Italian (and of its place names): a letter beyond them in a plan's text is a glyph its
# text layer maps wrong (a re-print's 'fi' ligature given as 'ü': 'ügli' for 'figli')
ITALIAN = frozenset("abcdefghijklmnopqrstuvwxyzàèéìíîòóùú")
# how a caption opens: a numbered table or annex ("Tabella 12 – ...", "Allegato B"), a letter of R.R. 4/2017
CAPTION_LIKE = re.compile(r"^\s*(?:(?:tabella|tab\.|prospetto)\s*\d+|allegato\s+[a-z\d]{1,2}\b|[a-k]\s?\)\s)", re.IGNORECASE)


def _shape(text: str) -> str:
    """A code's shape: digits as 9, letters as A ("'BS151846" → "'AA999999")."""
    return re.sub(r"[A-Za-z]", "A", re.sub(r"\d", "9", text.strip()))


def _one_value(kind: str, line: str, shapes: set[str]) -> bool:
    """Whether ``line`` alone reads as one whole value of ``kind``, as the column's one-line cells do."""
    line = line.strip()
    if kind == "code":
        return " " not in line and any(c.isdigit() for c in line) and _shape(line) in shapes
    parse = KINDS[kind].parse
    if parse is None:
        return False
    try:
        return parse(line) is not None
    except (ValueParseError, ValueError):
        return False


def _blank(cell: "Cell | None") -> bool:
    return cell is None or not cell.flat.strip()


def _columns(table: "Table") -> list[tuple[str, str]]:
    spec = SPECS_BY_ID.get(table.id)
    return [] if spec is None else [(r.name, r.kind) for r in spec.roles]


def _members_each(text: str, members: set[str]) -> bool:
    """Two lines or more, each a member comune, whole or in short form ("MANTOVA" over "PORTO MANTOVANO",
    "SONDRIO" over "MONTAGNA IN V."): two rows' names
    (a name broken by a narrow cell leaves a piece that is no comune: "PIZZIGHETTO" over "NE")."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= 2 and all(any(names_member(line, m) for m in members) for line in lines)


def _no_figures(cells: dict[str, "Cell"], figures: list[str]) -> bool:
    return bool(figures) and all(_blank(cells.get(f)) for f in figures)


def _stray_row(cells: dict[str, "Cell"], key: str, figures: list[str], others_print: bool) -> bool:
    """A row naming something and printing none of the table's figures, where the table's other rows
    all print some, or naming a caption ("Tabella 12 – Misure ..."): a line of the text around the
    table taken in as a row (the next table's caption, the place and date of the signature, a stray
    glyph below the TOTALE)."""
    name = cells.get(key)
    if name is None or not name.flat or not _no_figures(cells, figures):
        return False
    return others_print or CAPTION_LIKE.match(name.flat) is not None


def _foreign_letter(text: str) -> str | None:
    """The first word holding a letter Italian has not, if any."""
    for word in text.split():
        if any(ch.isalpha() and ch.lower() not in ITALIAN for ch in word):
            return word
    return None


def _problems(table: "Table", members: set[str]) -> list[tuple[int, str, str, bool]]:
    """(row, column, what, alone) of every cell not of its kind; ``alone``: the cell's own value is
    misread (a figure with a stray glyph), not a sign of rows or columns read wrong."""
    spec = SPECS_BY_ID.get(table.id)
    if spec is None:
        return []
    columns = _columns(table)
    texts = {name: [cells[name].text for cells in table.cells if not _blank(cells.get(name))] for name, _ in columns}
    shapes = {name: {_shape(t) for t in texts[name] if "\n" not in t.strip()} for name in texts}
    # the other cells of the column mostly one line (the one judged left out: it is the merged one)
    single = {name: sum("\n" not in t.strip() for t in texts[name]) >= SINGLE * (len(texts[name]) - 1)
              for name in texts}
    figures = [n for n, k in columns if k in FIGURE_KINDS]
    rows = {i for i, _ in data_rows(table)}
    with_figures = {i for i in rows if i < len(table.cells) and not _no_figures(table.cells[i], figures)}
    found: list[tuple[int, str, str, bool]] = []
    for index, _record in data_rows(table):
        cells = table.cells[index] if index < len(table.cells) else {}
        printed = [c for c in cells.values() if not _blank(c)]
        if _blank(cells.get(spec.key)) and printed and any(n == spec.key for n, _ in columns):
            found.append((index, spec.key, f"no {spec.key} beside {printed[0].flat[:30]!r}: a column shifted?", False))
        elif _stray_row(cells, spec.key, figures, len(with_figures - {index}) >= 2 and with_figures >= rows - {index}):
            found.append((index, spec.key, f"{spec.key} prints {cells[spec.key].flat[:40]!r} and no figure beside "
                                           "it: a line of the text around the table read as a row?", False))
        for name, kind in columns:
            cell = cells.get(name)
            if _blank(cell):
                continue
            assert cell is not None
            if not KINDS[kind].reads(cell.text):
                found.append((index, name, f"{name} prints {cell.flat[:40]!r}, not of its kind ({kind})", True))
                continue
            foreign = _foreign_letter(cell.text) if kind in ("name", "text") else None
            if foreign is not None:
                found.append((index, name, f"{name} prints {foreign!r}, a letter Italian has not: a glyph the text "
                                           "layer maps wrong (a ligature?)", True))
                continue
            if kind == "name" and _members_each(cell.text, members):
                found.append((index, name, f"{name} prints two member comuni ({cell.flat[:40]!r}): rows merged?", False))
                continue
            lines = [line for line in cell.text.splitlines() if line.strip()]
            if (kind in LINE_KINDS and len(lines) >= 2 and single[name]
                    and all(_one_value(kind, line, shapes[name]) for line in lines)):
                found.append((index, name, f"{name} prints {len(lines)} values in one cell ({cell.flat[:40]!r}): "
                                           "rows merged?", False))
    return found


def judge_cells(table: "Table", members: list[str] | None = None) -> list[Reason]:
    """``members``: the plan's member comuni, plain (lower case, no punctuation)."""
    problems = _problems(table, set(members or ()))
    if not problems:
        return []
    index, column, what, _ = problems[0]
    rows = sorted({i for i, _, _, _ in problems})
    # a cell or two misread on their own leave the other rows' readings standing
    alone = len(rows) <= ALONE_MAX and all(a for *_, a in problems)
    return [Reason("kinds", table.id, page_of(table, index),
                   f"{len(rows)} rows print cells not of their column's kind, first row {index + 1}: {what}",
                   tuple((i, c) for i, c, _, _ in problems[:6]), local=alone)]
