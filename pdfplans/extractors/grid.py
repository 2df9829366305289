"""Columns, rows and cells of one printed table from word positions, ruling lines as evidence.

The same code serves full grids, horizontal rules only and no borders at all:
- columns follow the vertical rules when the table has them, else the gaps that run down the
  table between the phrases of every line (header included);
- rows follow the horizontal rules when the table has them, else a line starts a new row when it
  prints in a column that the current row already closed or in a single-line (numeric) column
  already filled — cells are top-aligned in Word and LibreOffice tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cell
from .lines import Line
from .page import Rule, Word
from .settings import DEFAULT_SETTINGS, ReaderSettings

Interval = tuple[float, float]


def merge_intervals(intervals: list[Interval], gap: float = 0.0) -> list[Interval]:
    merged: list[list[float]] = []
    for x0, x1 in sorted(intervals):
        if merged and x0 <= merged[-1][1] + gap:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def cluster_positions(values: list[float], tol: float = DEFAULT_SETTINGS.rule_snap_pt) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def vertical_splits(rules: list[Rule], x0: float, x1: float, top: float, bottom: float,
                    settings: ReaderSettings = DEFAULT_SETTINGS) -> list[float]:
    """x of the vertical rules crossing the band [top, bottom] inside [x0, x1]."""
    reach = settings.rule_reach_pt
    xs = [
        r.x0 for r in rules
        if not r.horizontal and x0 - reach <= r.x0 <= x1 + reach
        and min(r.y1, bottom) - max(r.y0, top) > settings.rule_overlap_pt
    ]
    return cluster_positions(xs, settings.rule_snap_pt)


def horizontal_splits(rules: list[Rule], x0: float, x1: float, top: float, bottom: float,
                      settings: ReaderSettings = DEFAULT_SETTINGS) -> list[float]:
    """y of the horizontal rules across a share of [x0, x1] inside [top, bottom]."""
    width = max(1.0, x1 - x0)
    reach = settings.rule_reach_pt
    ys = [
        r.y0 for r in rules
        if r.horizontal and top - reach <= r.y0 <= bottom + reach
        and (min(r.x1, x1) - max(r.x0, x0)) > settings.horizontal_rule_share * width
    ]
    return cluster_positions(ys, settings.rule_snap_pt)


def coverage_columns(lines: list[Line], splits: list[float] | None = None) -> list[Interval]:
    """Column intervals: the x-ranges that some phrase of some line covers."""
    spans = [(p.x0, p.x1) for line in lines for p in line.phrases(splits)]
    return merge_intervals(spans)


def columns_from_rules(xs: list[float], x0: float, x1: float, settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Interval]:
    bounds = cluster_positions([x0, *xs, x1], tol=settings.column_min_pt)
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b - a > settings.column_min_pt]


def widen(columns: list[Interval], left: float, right: float) -> list[Interval]:
    """Stretch coverage intervals to the middle of the gaps, so every word falls in one column."""
    if not columns:
        return []
    cuts = [left - 1] + [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])] + [right + 1]
    return list(zip(cuts, cuts[1:]))


def column_of(x_center: float, columns: list[Interval]) -> int | None:
    for index, (a, b) in enumerate(columns):
        if a <= x_center < b:
            return index
    return None


@dataclass
class RowBand:
    lines: list[Line]
    top: float
    bottom: float


def rows_by_rules(lines: list[Line], ys: list[float]) -> list[RowBand]:
    """Lines grouped into the bands between horizontal rules."""
    bands: dict[int, list[Line]] = {}
    for line in lines:
        index = sum(1 for y in ys if y <= line.center_y)
        bands.setdefault(index, []).append(line)
    out = []
    for index in sorted(bands):
        group = bands[index]
        top = ys[index - 1] if 0 < index <= len(ys) else min(l.top for l in group)
        bottom = ys[index] if index < len(ys) else max(l.bottom for l in group)
        out.append(RowBand(group, top, bottom))
    return out


def rows_by_occupancy(
    lines: list[Line], columns: list[Interval], single_line: set[int], gap_limit: float,
    edges: list[float | None] | None = None, rules_at: list[float] = (), settings: ReaderSettings = DEFAULT_SETTINGS,
) -> list[RowBand]:
    """Rows of a table without horizontal rules (cells top-aligned).

    A line starts a new row when it prints in a column this row already finished, puts a number
    in a single-line column already filled, leaves a gap, or when in every column it shares with
    the previous line its first word would have fitted on that line (so no cell wrapped there).
    """
    edges = edges or _right_edges(lines, columns)  # measured over the whole table when given
    lefts = _left_edges(lines, columns)
    bands: list[RowBand] = []
    filled: set[int] = set()
    previous: dict[int, list[Word]] = {}
    for line in lines:
        by_column = _words_by_column(line, columns)
        used = set(by_column)
        closed = filled - set(previous)
        numbers_again = any(
            c in filled and _looks_numeric(" ".join(w.text for w in by_column[c])) for c in used & single_line
        )
        votes = {c: _wrap_vote(previous[c][-1], by_column[c][0], lefts[c], edges[c], line.size, settings)
                 for c in used & set(previous) if edges[c] is not None}
        fresh_value = any(votes.get(c) == "fits" for c in single_line)
        # a value column never wraps, so its full line says nothing about wrapping
        fresh_text = any(v == "fits" for v in votes.values()) and not any(
            v == "tight" for c, v in votes.items() if c not in single_line
        )
        # the rest of a row carried over a page break has no key and no values; the row after it does
        after_remainder = bool(filled) and 0 not in filled and (
            bool(used & single_line - filled) or 0 in used  # values, or a name in the first column
        )
        slack = settings.edge_slack_pt
        ruled_off = bool(bands) and any(bands[-1].bottom - slack <= y <= line.top + slack for y in rules_at)
        new_row = (
            not bands
            or ruled_off  # a horizontal rule between two lines always ends a row
            or after_remainder
            or bool(used & closed)
            or numbers_again
            or fresh_value
            or fresh_text
            or line.top - bands[-1].bottom > gap_limit
        )
        if new_row:
            bands.append(RowBand([line], line.top, line.bottom))
            filled = set(used)
        else:
            bands[-1].lines.append(line)
            bands[-1].bottom = max(bands[-1].bottom, line.bottom)
            filled |= used
        previous = by_column
    return bands


def continues_row(before: list[Line], after: list[Line], columns: list[Interval], single_line: set[int],
                  edges: list[float | None], settings: ReaderSettings = DEFAULT_SETTINGS) -> bool:
    """Whether the first row after a page break (``after``) is the rest of the last row before it.

    It is when it brings no value of a single-line column and, in every column where it prints,
    its first word could not have fitted on the last line of that column before the break.
    """
    lefts = _left_edges(before + after, columns)
    last: dict[int, Word] = {}
    for line in before:
        for col, words in _words_by_column(line, columns).items():
            last[col] = words[-1]
    first: dict[int, Word] = {}
    for line in after:
        for col, words in _words_by_column(line, columns).items():
            first.setdefault(col, words[0])
    if not first or set(first) & single_line:
        return False
    votes = []
    for col, word in first.items():
        if col not in last or edges[col] is None:
            return False  # text in a column the row before left empty: a new row
        votes.append(_wrap_vote(last[col], word, lefts[col], edges[col], word.size, settings))
    return "fits" not in votes


def _wrap_vote(last: Word, first: Word, left: float, edge: float, size: float,
               settings: ReaderSettings = DEFAULT_SETTINGS) -> str:
    """Why a column's text went on a new line: "fits" (the word would have fitted: not a wrap),
    "tight" (the previous line was full: surely a wrap) or "loose" (a wrap, or a new short cell)."""
    if last.x1 + settings.wrap_space * size + (first.x1 - first.x0) < edge - settings.wrap_fit_slack_pt:
        return "fits"
    return "tight" if edge - last.x1 < settings.tight_share * max(edge - left, size) else "loose"


def _left_edges(lines: list[Line], columns: list[Interval]) -> list[float]:
    lefts = [b for _, b in columns]
    for line in lines:
        for col, words in _words_by_column(line, columns).items():
            lefts[col] = min(lefts[col], words[0].x0)
    return lefts


def _words_by_column(line: Line, columns: list[Interval]) -> dict[int, list[Word]]:
    out: dict[int, list[Word]] = {}
    for word in line.words:
        col = column_of((word.x0 + word.x1) / 2, columns)
        if col is not None:
            out.setdefault(col, []).append(word)
    return out


def _right_edges(lines: list[Line], columns: list[Interval]) -> list[float | None]:
    """How far text reaches in each column: where a cell's lines wrap."""
    edges: list[float | None] = [None] * len(columns)
    for line in lines:
        for col, words in _words_by_column(line, columns).items():
            edges[col] = max(edges[col] or 0.0, words[-1].x1)
    return edges


_BARE_VALUE = re.compile(r"^([-–—]\s*[€%]?|[€]\s*[-–—]|si|sì|no|x)$", re.IGNORECASE)


def _looks_numeric(text: str) -> bool:
    """A value of a single-line column: a number, a date, "- €" (zero), "SI"/"NO"."""
    stripped = text.replace("€", "").replace("%", "").strip()
    if _BARE_VALUE.match(text.strip()):
        return True
    return bool(stripped) and (stripped[0].isdigit() or stripped[0] in "-+'") and sum(c.isdigit() for c in stripped) >= 1


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
