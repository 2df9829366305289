"""Cells: the words of one row band and one column as a printed ``Cell``, its text and its joins.

A cell keeps its lines (joined by newlines) and notes where a narrow cell broke a word; merged
cells (vertically, or by a page break) are joined here too.
"""
from __future__ import annotations

from ..model import Cell
from .grid import Interval, word_columns
from .lines import Line
from .page import Word
from .settings import DEFAULT_SETTINGS, ReaderSettings


def cells_of(lines: list[Line], columns: list[Interval], edges: list[float | None],
             settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Cell | None]:
    """One cell per column from the words of ``lines`` (words left or right of every column go
    to the first or last)."""
    buckets: list[list[Word]] = [[] for _ in columns]
    for line in lines:
        for word, col in zip(line.words, word_columns(line, columns, settings)):
            if col is None:
                col = 0 if word.x1 <= columns[0][0] else len(columns) - 1
            buckets[col].append(word)
    return [cell_from_words(ws, edge, settings) for ws, edge in zip(buckets, edges)]


def merge_halves(upper: Cell | None, lower: Cell | None) -> Cell | None:
    """One cell from its two halves on consecutive pages (kept with the upper half's page and box)."""
    if upper is None or lower is None:
        return upper or lower
    return Cell(upper.text + "\n" + lower.text, upper.page, upper.bbox, least_sure([upper, lower]), upper.joins)


def least_sure(cells: list[Cell]) -> float | None:
    """A cell made of several is only as sure as its least sure part (None: no OCR)."""
    confidences = [c.confidence for c in cells if c.confidence is not None]
    return min(confidences) if confidences else None


def joined(cells: list[Cell | None]) -> Cell | None:
    """The cells of one merged cell, top to bottom, as one cell."""
    present = [c for c in cells if c is not None]
    if not present:
        return None
    first = present[0]
    box = (min(c.bbox[0] for c in present), first.bbox[1], max(c.bbox[2] for c in present), present[-1].bbox[3])
    if any(c.page != first.page for c in present):
        box = first.bbox
    return Cell("\n".join(c.text for c in present), first.page, box, least_sure(present), first.joins)


def line_of(cell: Cell, index: int, count: int) -> Cell:
    """Line ``index`` of a cell as a cell of its own (its box a slice of the cell's)."""
    x0, top, x1, bottom = cell.bbox
    step = (bottom - top) / count
    text = cell.text.split("\n")[index]
    return Cell(text, cell.page, (x0, top + index * step, x1, top + (index + 1) * step), cell.confidence)


def cell_from_words(words: list[Word], right_edge: float | None = None,
                    settings: ReaderSettings = DEFAULT_SETTINGS) -> Cell | None:
    """The printed cell: its lines joined by newlines, noting where a line broke a word.

    A narrow cell breaks a word only when the word alone does not fit a line: then the line holds
    that single fragment and reaches the column's right edge (the farthest any text goes in it).
    """
    if not words:
        return None
    words = sorted(words, key=lambda w: (w.center_y, w.x0))
    rows: list[list[Word]] = []
    for word in words:
        if rows and abs(word.center_y - rows[-1][0].center_y) < settings.cell_line_overlap * word.height:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    joins = tuple(
        i for i in range(len(rows) - 1)
        if right_edge is not None and len(rows[i]) == 1 and _fills_line(rows[i][0], rows[i + 1][0], right_edge, settings)
    )
    text = "\n".join(" ".join(w.text for w in row) for row in rows)
    page = words[0].page
    bbox = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))
    confidences = [w.confidence for w in words if w.confidence is not None]
    confidence = min(confidences) if confidences else None
    return Cell(text, page, bbox, confidence, joins)


def _fills_line(fragment: Word, following: Word, right_edge: float, settings: ReaderSettings = DEFAULT_SETTINGS) -> bool:
    return (
        fragment.x1 >= right_edge - settings.broken_word_reach * fragment.size
        and fragment.text[-1:].isalpha()
        and following.text[:1].isalpha()
    )


def join_cell_text(cell: Cell | None, rejoin: bool = True) -> str:
    """Flat text of a cell: lines joined by a space, except after a line ending in "-" and, with
    ``rejoin``, where the cell broke a word."""
    if cell is None:
        return ""
    out = ""
    for index, line in enumerate(cell.text.split("\n")):
        line = line.strip()
        if not line:
            continue
        glued = rejoin and index - 1 in cell.joins
        if out and (glued or (out.endswith("-") and not out.endswith(" -") and line[0].isalnum())):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(out.split())
