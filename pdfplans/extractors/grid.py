"""Geometry of a table: intervals, ruling lines crossing a band, columns, words by column.

Shared by the stages (``columns``, ``rows``, ``cells``); a function of positions and settings only.
"""
from __future__ import annotations

from .lines import Line
from .page import Rule, Word
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .values import is_value

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
    """Column intervals: the x-ranges that some phrase of some line covers, cut at the splits
    (where a column starts: a word that runs across one does not join the two columns)."""
    spans = [(p.x0, p.x1) for line in lines for p in line.phrases(splits)]
    return cut_at_starts(merge_intervals(spans), splits or [])


def cut_at_starts(intervals: list[Interval], starts: list[float]) -> list[Interval]:
    """Intervals split at every start inside them. The piece after the last start is where the
    column that starts there begins: it runs on into the next interval unless another column
    starts before that."""
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if out and out[-1][0] in starts and not any(out[-1][1] < x <= a for x in starts):
            a = out.pop()[0]  # the tail of a word across the start, then the column's own text
        edges = [a, *sorted(x for x in starts if a < x < b), b]
        out += list(zip(edges, edges[1:]))
    return out


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



def left_edges(lines: list[Line], columns: list[Interval], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[float]:
    lefts = [b for _, b in columns]
    for line in lines:
        for col, words in words_by_column(line, columns, settings).items():
            lefts[col] = min(lefts[col], words[0].x0)
    return lefts


def word_columns(line: Line, columns: list[Interval], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[int | None]:
    """The column of each word of one line: where its middle is, except for a word
    that crosses the start of a column right after a word of the column before. A cell's text
    starts past its column's start and never runs back across it: the word was set by a renderer
    that laid the whole line out as one string in its own, wider type (pdftohtml's text printed by
    a browser, "CASTELVERDE 4" over the rule before the 4), and belongs to the column it crosses into."""
    words = line.words
    out: list[int | None] = []
    pushed = False
    for index, word in enumerate(words):
        col = column_of((word.x0 + word.x1) / 2, columns)
        if index and col is not None and col + 1 < len(columns) and out[-1] == col:
            start = columns[col + 1][0]
            if word.x0 < start < word.x1 and words[index - 1].x1 <= start:
                col += 1
                pushed = True
        out.append(col)
    return _values_after_words(line, out, columns, pushed, settings)


def _values_after_words(line: Line, cols: list[int | None], columns: list[Interval], pushed: bool,
                        settings: ReaderSettings) -> list[int | None]:
    """A value that ends a column's words one word space after a word with letters goes to the
    next column when that is empty on the line, if the line was set as one string (a word crossed
    into the next column: ``pushed``) or the value ends within ``pushed_value_reach`` sizes of the
    next column's start: a renderer joined the cells one word space apart, so the value of the
    column after a wide text ('3 + 2 da turn over 2', 'DOVARESE 7') lands in the column before."""
    words, out = line.words, list(cols)
    for index in range(1, len(words)):
        col, word, before = out[index], words[index], words[index - 1]
        if col is None or col + 1 >= len(columns) or col + 1 in out or out[index - 1] != col:
            continue
        last = index + 1 == len(words) or out[index + 1] != col
        spaced = word.x0 - before.x1 < line.phrase_gap  # one run of text
        near = columns[col + 1][0] - word.x1 <= settings.pushed_value_reach * word.size
        if (pushed or near) and last and spaced and is_value(word.text) and any(c.isalpha() for c in before.text):
            out[index] = col + 1
    return out


def words_by_column(line: Line, columns: list[Interval], settings: ReaderSettings = DEFAULT_SETTINGS) -> dict[int, list[Word]]:
    out: dict[int, list[Word]] = {}
    for word, col in zip(line.words, word_columns(line, columns, settings)):
        if col is not None:
            out.setdefault(col, []).append(word)
    return out


def right_edges(lines: list[Line], columns: list[Interval], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[float | None]:
    """How far text reaches in each column: where a cell's lines wrap."""
    edges: list[float | None] = [None] * len(columns)
    for line in lines:
        for col, words in words_by_column(line, columns, settings).items():
            edges[col] = max(edges[col] or 0.0, words[-1].x1)
    return edges

