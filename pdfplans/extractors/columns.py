"""Columns of one table region: from its vertical rules when it has them, else from its text.

The result, ``ColumnLayout``, also says which columns hold single-line values (they never wrap,
which the row stage relies on), how far text reaches in each column (where cells wrap) and
whether the first header line is a merged title row above the header.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from .grid import (
    Interval,
    column_of,
    columns_from_rules,
    coverage_columns,
    cut_at_starts,
    merge_intervals,
    right_edges,
    vertical_splits,
    widen,
)
from .lines import Line
from .page import Rule
from .regions import Region
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .values import is_value


@dataclass
class ColumnLayout:
    columns: list[Interval]
    ruled: bool  # the columns follow vertical rules
    rule_xs: list[float]  # x of the vertical rules on the first page (empty when unruled)
    left: float  # x-extent of the table's text
    right: float
    header_lines: list[Line]  # the header, without the title row
    title: str  # a merged title row above the header (Allegato A and B), or ""
    right_edges: list[float | None]  # how far text reaches in each column: where cells wrap
    single_line: set[int]  # columns of values that never wrap

    def describe(self) -> str:
        kind = "vertical rules" if self.ruled else "text gaps"
        return f"{len(self.columns)} columns from {kind}"


def find_columns(region: Region, settings: ReaderSettings = DEFAULT_SETTINGS) -> ColumnLayout:
    """Stage: a table region → its columns."""
    s = settings
    header_lines, segments = region.header_lines, region.segments
    all_lines = region.lines
    body = region.body_lines
    left = min(line.x0 for line in all_lines)
    right = max(line.x1 for line in all_lines)
    first_page_rules = segments[0].rules
    top = min(line.top for line in all_lines if line.page == segments[0].page)
    bottom = max(line.bottom for line in all_lines if line.page == segments[0].page)
    size = median(line.size for line in all_lines)
    grid_left, grid_right = grid_extent(first_page_rules, left, right, top, bottom, size, s)
    xs = vertical_splits(first_page_rules, grid_left - s.rule_reach_pt, grid_right + s.rule_reach_pt, top, bottom, s)
    ruled = len(xs) >= 2
    if ruled:
        columns = columns_from_rules(xs, min(xs), max(xs), s)
    else:
        runs = text_columns(header_lines, body, s)
        columns = keep_header_phrases(widen(runs, left, right), runs, header_lines)
    title = ""
    if header_lines and len(columns) > 2:
        head = header_lines[0]
        slack = s.edge_slack * head.size
        spans = [c for c in columns if head.x0 < c[1] - slack and head.x1 > c[0] + slack]
        if len(head.phrases(xs if ruled else None)) == 1 and len(spans) > 2:
            title = head.text
            header_lines = header_lines[1:]
    return ColumnLayout(columns, ruled, xs if ruled else [], left, right, header_lines, title,
                        right_edges(body, columns, s), single_line_columns(body, columns, s))


def column_starts(lines: list[Line], s: ReaderSettings = DEFAULT_SETTINGS) -> list[float]:
    """x where a column starts: ``column_start_lines`` lines or more start a run of text there
    (left-aligned cells), and the words of at most ``column_start_crossed_share`` of the lines
    run across it: a renderer that set a line's cells as one string in its own type moves a value
    off its column's start ("PICENARDI 02-11-2022", one word space apart), where prose or a cell
    spanning columns crosses the start on line after line. A line whose cell filled its
    column to a word space from the next ("ALER BS-CR-MN BOZZOLO") is cut there as well. A line
    whose first cells are blank (a cell's second line, "D.G.R." under "Contributo Regionale
    D.G.R.") starts a run of text in its column too; only the table's left edge starts none."""
    if not lines:
        return []
    tolerance = s.align_tolerance * median(line.size for line in lines)
    left = min(line.x0 for line in lines)
    starts = sorted(p.x0 for line in lines for i, p in enumerate(line.phrases()) if i or p.x0 > left + tolerance)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][0] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    out = []
    for cluster in clusters:
        x = min(cluster) - tolerance / 2  # just left of the column's text
        crossed = sum(1 for line in lines if any(w.x0 < x < w.x1 for w in line.words))
        if len(cluster) >= s.column_start_lines and crossed <= s.column_start_crossed_share * len(lines):
            out.append(x)
    return out


def text_columns(header_lines: list[Line], body_lines: list[Line], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Interval]:
    """Columns of a table without vertical rules: where the body's text runs, plus header text
    standing over no body text (a column left empty). Header cells in narrow columns can touch
    each other; the body's gaps decide, and so do the x where many body lines start a run of text."""
    starts = column_starts(body_lines, settings)
    body = coverage_columns(body_lines, starts)
    if len(body) < 2:
        return coverage_columns(header_lines + body_lines)
    lonely: list[Interval] = []
    for phrase in (p for line in header_lines for p in line.phrases()):
        under = [b for b in body if phrase.x0 < b[1] and phrase.x1 > b[0]]
        if not under:
            lonely.append((phrase.x0, phrase.x1))
        elif len(under) == 1:
            # a header wider than its short values ("Alloggi liberi" over "1"): the column is as
            # wide as its header, or the cut between columns would fall inside the header's words
            lonely.append((min(phrase.x0, under[0][0]), max(phrase.x1, under[0][1])))
    merged = merge_intervals(body + lonely)
    return cut_at_starts(merged, _starts_after_body_text(merged, body, starts))


def _starts_after_body_text(merged: list[Interval], body: list[Interval], starts: list[float]) -> list[float]:
    """The starts with body text before them in their column: a header wider than its column's
    values (Allegato A's last header clipped at the page's edge, just left of its figures) moves the
    column's left edge; it starts no column of its own."""
    keep = []
    for x in starts:
        around = next((iv for iv in merged if iv[0] < x < iv[1]), None)
        if around is None or any(around[0] <= b[0] < x for b in body):
            keep.append(x)
    return keep


def keep_header_phrases(columns: list[Interval], runs: list[Interval], header_lines: list[Line]) -> list[Interval]:
    """Move a cut between two columns past a header phrase that starts in the left one and ends in the
    gap before the right one's text: "Comune di" over a narrow column of figures is one heading, and
    the middle of the gap would give its "di" to the next column."""
    cuts = [b for _, b in columns[:-1]]
    for i, cut in enumerate(cuts):
        start, following = runs[i][0], runs[i + 1][0]
        ends = [p.x1 for line in header_lines for p in line.phrases() if start <= p.x0 < cut < p.x1 < following]
        if ends:
            cuts[i] = (max(ends) + following) / 2
    edges = [columns[0][0], *cuts, columns[-1][1]]
    return list(zip(edges, edges[1:]))


def grid_extent(rules: list[Rule], left: float, right: float, top: float, bottom: float, size: float,
                s: ReaderSettings = DEFAULT_SETTINGS) -> tuple[float, float]:
    """x-extent of the horizontal rules drawn across the table (the text's own extent if none)."""
    band = s.band_margin * size
    spans = [
        (r.x0, r.x1) for r in rules
        if r.horizontal and top - band <= r.y0 <= bottom + band and r.x0 < right and r.x1 > left
    ]
    if not spans:
        return left - s.grid_margin * size, right + s.grid_margin * size
    return min(a for a, _ in spans), max(b for _, b in spans)


def single_line_columns(lines: list[Line], columns: list[Interval], s: ReaderSettings = DEFAULT_SETTINGS) -> set[int]:
    """Columns whose runs of text are mostly values: a value never wraps onto a second line."""
    texts: dict[int, list[str]] = {}
    for line in lines:
        for phrase in line.phrases():
            col = column_of((phrase.x0 + phrase.x1) / 2, columns)
            if col is not None:
                texts.setdefault(col, []).append(phrase.text)
    return {c for c, ts in texts.items() if ts and sum(is_value(t) for t in ts) >= s.single_line_share * len(ts)}
