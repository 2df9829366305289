"""Find the printed tables in the flow of lines of a whole plan, across page breaks.

A table starts at a run of lines laid out in columns (usually its header row), continues while
lines keep to its columns (or stay inside its ruled grid), and carries on at the top of the next
page, after a repeated header if there is one. Everything else is narrative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Cell
from .grid import (
    Interval, RowBand, cell_from_words, continues_row, join_cell_text, column_of, columns_from_rules, coverage_columns, horizontal_splits,
    merge_intervals, rows_by_occupancy, rows_by_rules, vertical_splits, widen,
)
from .headers import header_likeness, tokens
from .lines import Line
from .page import PageContent, Rule
from .settings import DEFAULT_SETTINGS, ReaderSettings

_NUMERIC = re.compile(r"^[-–+€%'(]*\s*[\d.,:/\-%€ ]+\)?$")
_CAPTION_START = re.compile(r"^\s*([a-kA-K]\)|\d{1,2}[.)]\s|[IVX]{1,4}[.)]\s|❖|Art\.|ALL\.?\s)")
_BULLET = re.compile(r"^\s*[-–•▪❖✓·*]\s")


@dataclass
class PrintedTable:
    header: list[str]
    rows: list[list[Cell | None]]
    columns: list[Interval]
    pages: list[int]
    caption: list[Line]  # narrative lines just above, nearest last
    title: str = ""
    ruled: bool = False
    header_cells: list[Cell | None] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list, repr=False)  # every line it was read from

    @property
    def page(self) -> int:
        return self.pages[0]


@dataclass
class _Segment:
    page: int
    lines: list[Line]
    rules: list[Rule]


def _merge(upper: Cell | None, lower: Cell | None) -> Cell | None:
    """One cell from its two halves on consecutive pages (kept with the upper half's page and box)."""
    if upper is None or lower is None:
        return upper or lower
    return Cell(upper.text + "\n" + lower.text, upper.page, upper.bbox, upper.confidence, upper.joins)


def _same_columns(xs: list[float], grid_xs: list[float], settings: ReaderSettings) -> bool:
    """Most rules of one grid stand where the other's do (a table continued on the next page)."""
    shared = sum(1 for x in xs if any(abs(x - g) <= settings.same_column_pt for g in grid_xs))
    return shared >= max(2, settings.same_grid_share * min(len(xs), len(grid_xs)))


def _joined(cells: list[Cell | None]) -> Cell | None:
    """The cells of one merged cell, top to bottom, as one cell."""
    present = [c for c in cells if c is not None]
    if not present:
        return None
    first = present[0]
    box = (min(c.bbox[0] for c in present), first.bbox[1], max(c.bbox[2] for c in present), present[-1].bbox[3])
    if any(c.page != first.page for c in present):
        box = first.bbox
    return Cell("\n".join(c.text for c in present), first.page, box, first.confidence, first.joins)


def _phrase_count(line: Line, splits: list[float]) -> int:
    return len(line.phrases(splits))


def _is_numeric(text: str) -> bool:
    bare = text.strip().upper()
    return bool(_NUMERIC.match(text)) and any(c.isdigit() for c in text) or bare in {"-", "- €", "€", "-€", "SI", "NO"}


class TableLocator:
    def __init__(self, pages: list[PageContent], lines: list[list[Line]], vocabulary: frozenset[str],
                 settings: ReaderSettings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self.pages = pages
        self.stream: list[Line] = [ln for page_lines in lines for ln in page_lines]
        self.rules = {p.number: p.rules for p in pages}
        self.widths = {p.number: p.width for p in pages}
        self.vocabulary = vocabulary

    # -- detection -------------------------------------------------------------------------
    def _splits(self, line: Line) -> list[float]:
        reach = self.settings.split_search_pt
        return vertical_splits(self.rules.get(line.page, []), line.x0 - reach, line.x1 + reach, line.top, line.bottom,
                               self.settings)

    def _tabular(self, line: Line) -> bool:
        """Laid out in columns: runs of text split by ruling lines, or by gaps that stand out.

        Justified prose stretches every space alike; a table row has column gaps much wider than
        the spaces inside its cells, or only wide gaps."""
        splits = self._splits(line)
        if _phrase_count(line, splits) < 2:
            return False
        if splits:
            return True
        gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:])]
        if line.words[0].confidence is not None:  # OCR spacing is uneven: only a gap of a few sizes counts
            return max(gaps) >= self.settings.ocr_column_gap * line.size
        s = self.settings
        return min(gaps) >= s.column_gap_all * line.size or max(gaps) >= s.column_gap_ratio * max(min(gaps), s.column_gap_floor * line.size)

    def _starts_table(self, index: int) -> bool:
        line = self.stream[index]
        if not self._tabular(line) or _BULLET.match(line.text):
            return False  # "- Alloggi di housing sociale": a bullet and its text are not two columns
        if header_likeness(line.text, self.vocabulary) >= self.settings.header_min or len(self._in_grid(line)) >= 2:
            return True
        following = self.stream[index + 1] if index + 1 < len(self.stream) else None
        return following is not None and following.page == line.page and self._aligned(line, following)

    def _aligned(self, line: Line, other: Line) -> bool:
        """Two lines laid out in the same columns: a run of text after the first starts (or ends)
        at the same x in both. Justified prose has wide spaces too, but they never line up."""
        if not self._tabular(other):
            return False
        runs = line.phrases(self._splits(line))[1:]
        others = other.phrases(self._splits(other))[1:]
        tolerance = self.settings.align_tolerance * line.size

        def lines_up(a, b) -> bool:  # left-, right- or centre-aligned in the same column
            return (abs(a.x0 - b.x0) <= tolerance or abs(a.x1 - b.x1) <= tolerance
                    or abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 2 * tolerance)

        fewer, more = sorted((runs, others), key=len)
        aligned = sum(1 for a in fewer if any(lines_up(a, b) for b in more))
        return aligned >= 1 and aligned >= self.settings.aligned_share * len(fewer)  # most columns, not one by chance

    def locate(self) -> tuple[list[PrintedTable], list[Line]]:
        tables: list[PrintedTable] = []
        narrative: list[Line] = []
        caption_from = 0
        index = 0
        while index < len(self.stream):
            if self._starts_table(index):
                start = index
                # a group label ("AT 1") just above a headerless table belongs to it
                while (
                    len(narrative) > caption_from
                    and narrative[-1] is self.stream[start - 1]
                    and self._label_above(self.stream[start - 1], self.stream[start])
                ):
                    narrative.pop()
                    start -= 1
                table, end = self._read(start, narrative[caption_from:])
                if table is not None and table.rows:
                    tables.append(table)
                    caption_from = len(narrative)
                    index = end
                    continue
                narrative.extend(self.stream[start:index])
            narrative.append(self.stream[index])
            index += 1
        return tables, narrative

    # -- one table -------------------------------------------------------------------------
    def _read(self, start: int, before: list[Line]) -> tuple[PrintedTable | None, int]:
        first = self.stream[start]
        size = first.size
        header_lines: list[Line] = []
        index = start
        if header_likeness(first.text, self.vocabulary) >= self.settings.header_min:
            header_lines.append(first)
            index += 1
            rule_below = self._first_rule_below(first)
            while index < len(self.stream):
                line = self.stream[index]
                if line.page != first.page:
                    break
                if rule_below is not None:  # ruled: the header is everything above its first rule
                    if line.center_y >= rule_below:
                        break
                elif line.top - header_lines[-1].bottom > self.settings.header_line_gap * size:
                    break
                elif first.bold and line.bold is not None:
                    if not line.bold:  # a bold header ends where the plain body starts
                        break
                elif any(_is_numeric(p.text) for p in line.phrases()):
                    break
                elif header_likeness(line.text, self.vocabulary) < self.settings.header_min:
                    break
                header_lines.append(line)
                index += 1
        header_tokens = set(tokens(" ".join(l.text for l in header_lines)))
        header_bold = header_lines[0].bold if header_lines else None
        if header_tokens and before:  # a title row above the header repeats with it on every page
            header_tokens |= set(tokens(before[-1].text))
        coverage = coverage_columns(header_lines, None)
        segments: list[_Segment] = []
        current = _Segment(first.page, [], self.rules.get(first.page, []))
        region_bottom = self._region_bottom(first)
        previous = header_lines[-1] if header_lines else None
        grid_xs: list[float] = []
        while index < len(self.stream):
            line = self.stream[index]
            if line.page != current.page:
                skip = self._repeated_header(index, header_tokens)
                candidate = self.stream[index + skip] if index + skip < len(self.stream) else None
                if candidate is None or candidate.page != line.page or not self._continues_on(candidate, coverage, grid_xs):
                    break
                if self._another_header(candidate, header_tokens, header_bold):
                    break  # the next table starts at the top of the page
                segments.append(current)
                current = _Segment(line.page, [], self.rules.get(line.page, []))
                region_bottom = self._region_bottom(candidate, (coverage[0][0], coverage[-1][1]) if coverage else None)
                index += skip
                previous = None
                continue
            splits = self._splits(line)
            if not grid_xs and len(splits) >= 2:
                grid_xs = splits  # the column rules of this table's grid, to recognize it on the next page
            inside_grid = region_bottom is not None and line.center_y <= region_bottom + self.settings.rule_slack_pt
            if not inside_grid:
                if previous is not None and line.top - previous.bottom > self.settings.table_gap * size:
                    break
                if not self._fits(line, coverage, splits):
                    break
                at_left = coverage and line.x0 < coverage[0][1]
                if at_left and _CAPTION_START.match(line.text) and not self._tabular(line):
                    break  # "e) Numero unità..." starts the next section
                if self._another_header(line, header_tokens, header_bold):
                    break  # the header of the next table, printed right below this one
            current.lines.append(line)
            coverage = merge_intervals(coverage + [(p.x0, p.x1) for p in line.phrases(splits)])
            previous = line
            index += 1
        segments.append(current)
        body_lines = [l for s in segments for l in s.lines]
        if not body_lines:
            return None, start + max(1, len(header_lines))
        table = self._build(header_lines, segments, before)
        return table, index

    def _in_grid(self, line: Line, span: Interval | None = None) -> list[Rule]:
        """Vertical rules crossing the line (a line inside a ruled grid has at least two).

        ``span`` is the table's x-range when known: a cell's line may sit far from both its rules.
        """
        s = self.settings
        if span:
            x0, x1 = span[0] - s.grid_span_pt, span[1] + s.grid_span_pt
        else:
            x0, x1 = line.x0 - s.grid_search_pt, line.x1 + s.grid_search_pt
        return [
            r for r in self.rules.get(line.page, [])
            if not r.horizontal and r.y0 - s.rule_slack_pt <= line.center_y <= r.y1 + s.rule_slack_pt and x0 <= r.x0 <= x1
        ]

    def _first_rule_below(self, line: Line) -> float | None:
        """The rule closing a header row: in a grid, or a rule right below across the line."""
        ys = [
            r.y0 for r in self.rules.get(line.page, [])
            if r.horizontal and r.y0 > line.center_y + self.settings.edge_slack_pt
            and r.x0 - self.settings.rule_slack_pt <= line.x0 and r.x1 + self.settings.rule_slack_pt >= line.x1
        ]
        if not ys:
            return None
        below = min(ys)
        if len(self._in_grid(line)) >= 2 or below - line.bottom < self.settings.header_rule_reach * line.size:
            return below
        return None

    def _continues_on(self, line: Line, coverage: list[Interval], grid_xs: list[float]) -> bool:
        """The first line of a new page carries the table on: inside a grid with the same column
        rules, or a row in its columns."""
        if coverage:
            rules = self._in_grid(line, (coverage[0][0], coverage[-1][1]))
            if len(rules) >= 2:
                return not grid_xs or _same_columns([r.x0 for r in rules], grid_xs, self.settings)
        if not self._fits(line, coverage, self._splits(line)):
            return False
        if self._tabular(line):
            return True
        if any(abs(line.x0 - c0) <= self.settings.column_start_pt for c0, _ in coverage[1:]):
            return True  # text starting where an inner column starts: the rest of a cell, not a paragraph
        # the rest of a row broken by the page ("RISTRUTTURAZIONE"), then the next row
        position = self.stream.index(line)
        following = self.stream[position + 1] if position + 1 < len(self.stream) else None
        return (
            following is not None and following.page == line.page and self._tabular(following)
            and following.top - line.bottom < self.settings.page_remainder_gap * line.size
            and self._fits(following, coverage, self._splits(following))
        )

    def _another_header(self, line: Line, header_tokens: set[str], header_bold: bool | None = None) -> bool:
        if any(c.isdigit() for c in line.text) or not self._tabular(line):
            return False
        if header_bold and line.bold is False:
            return False  # this table's header is bold: a plain line is a row, whatever its words
        if header_likeness(line.text, self.vocabulary) < self.settings.another_header_min:
            return False
        toks = set(tokens(line.text))
        return bool(toks) and len(toks & header_tokens) / len(toks) < self.settings.header_repeat_share

    def _label_above(self, above: Line, first: Line) -> bool:
        """A short line right above a table's first line that belongs to the same grid or column."""
        if above.page != first.page or header_likeness(first.text, self.vocabulary) >= self.settings.header_min:
            return False
        if len(self._in_grid(above)) >= 2 and len(self._in_grid(first)) >= 2:
            return first.top - above.bottom < self.settings.grid_label_gap * first.size
        single = len(above.phrases()) == 1 and abs(above.x0 - first.x0) < self.settings.column_start_pt
        return single and first.top - above.bottom < self.settings.label_gap * first.size

    def _region_bottom(self, line: Line, span: Interval | None = None) -> float | None:
        """Bottom of the ruled grid the line sits in (None when it is not in one)."""
        rules = self.rules.get(line.page, [])
        verticals = self._in_grid(line, span)
        if len(verticals) < 2:
            return None
        bottom = line.bottom
        reach, growth = self.settings.rule_reach_pt, self.settings.rule_growth_pt
        grown = True
        while grown:  # follow the vertical rules down, cell by cell
            grown = False
            for rule in rules:
                if (not rule.horizontal and rule.y0 <= bottom + reach and rule.y1 > bottom + growth
                        and min(v.x0 for v in verticals) - reach <= rule.x0 <= max(v.x0 for v in verticals) + reach):
                    bottom = rule.y1
                    grown = True
        return bottom

    def _repeated_header(self, index: int, header_tokens: set[str]) -> int:
        """How many lines at ``index`` repeat the table's header (0 if none)."""
        if not header_tokens:
            return 0
        count = 0
        page = self.stream[index].page
        while index + count < len(self.stream):
            line = self.stream[index + count]
            toks = set(tokens(line.text))
            if line.page != page or not toks or len(toks & header_tokens) / len(toks) < self.settings.header_repeat_share:
                break
            count += 1
        return count

    def _fits(self, line: Line, coverage: list[Interval], splits: list[float]) -> bool:
        """A line keeps to the table's columns unless a run of its text flows from one column into
        another through the gap between them (a paragraph does; cells of a row never do)."""
        if len(coverage) < 2:
            return True
        slack = self.settings.edge_slack_pt
        for phrase in line.phrases(splits):
            touched = [c for c in coverage if phrase.x0 < c[1] - slack and phrase.x1 > c[0] + slack]
            if len(touched) < 2:
                continue
            for word in phrase.words:
                if not any(c0 - slack <= word.x0 and word.x1 <= c1 + slack for c0, c1 in coverage):
                    return False
        return True

    # -- grid ------------------------------------------------------------------------------
    def _build(self, header_lines: list[Line], segments: list[_Segment], before: list[Line]) -> PrintedTable:
        all_lines = header_lines + [l for s in segments for l in s.lines]
        left = min(l.x0 for l in all_lines)
        right = max(l.x1 for l in all_lines)
        first_page_rules = segments[0].rules
        top = min(l.top for l in all_lines if l.page == segments[0].page)
        bottom = max(l.bottom for l in all_lines if l.page == segments[0].page)
        s = self.settings
        grid_left, grid_right = self._grid_extent(first_page_rules, left, right, top, bottom, s)
        xs = vertical_splits(first_page_rules, grid_left - s.rule_reach_pt, grid_right + s.rule_reach_pt, top, bottom, s)
        ruled_columns = len(xs) >= 2
        if ruled_columns:
            columns = columns_from_rules(xs, min(xs), max(xs), s)
        else:
            columns = widen(self._text_columns(header_lines, [l for s in segments for l in s.lines]), left, right)
        title = ""
        if header_lines and len(columns) > 2:
            head = header_lines[0]
            spans = [c for c in columns if head.x0 < c[1] - s.edge_slack_pt and head.x1 > c[0] + s.edge_slack_pt]
            if len(head.phrases(xs if ruled_columns else None)) == 1 and len(spans) > 2:
                title = head.text  # a merged title row above the header (Allegato A and B)
                header_lines = header_lines[1:]
        self._right_edges = self._column_right_edges(segments, columns)
        header_cells = self._cells_of(header_lines, columns)
        header = [join_cell_text(c, rejoin=False) for c in header_cells]
        single_line = self._single_line_columns(segments, columns)
        rows: list[list[Cell | None]] = []
        ruled = ruled_columns
        last_band: list[Line] = []
        for segment in segments:
            if not segment.lines:
                continue
            first_row_at = len(rows)
            seg_top = min(l.top for l in segment.lines) - s.band_margin_pt
            seg_bottom = max(l.bottom for l in segment.lines) + s.band_margin_pt
            ys = horizontal_splits(segment.rules, left, right, seg_top, seg_bottom, s)
            if ruled_columns:
                # a full grid: the horizontal rules are the row boundaries, even on a page one tall row fills
                ruled = ruled or bool(ys)
                bands = rows_by_rules(segment.lines, ys)
                rows += self._rows_with_merges(bands, columns, segment.rules, ys)
            else:
                # horizontal rules only, or none: rows from the text, never continued across a rule
                ruled = ruled or len(ys) >= 2
                bands = rows_by_occupancy(segment.lines, columns, single_line, gap_limit=s.table_gap * segment.lines[0].size,
                                          edges=self._right_edges, rules_at=ys, settings=s)
                rows += [self._cells_of(b.lines, columns) for b in bands]
            if last_band and first_row_at and continues_row(last_band, bands[0].lines, columns, single_line, self._right_edges, s):
                # a row the page break cut in two: join its halves
                rows[first_row_at - 1] = [_merge(a, b) for a, b in zip(rows[first_row_at - 1], rows[first_row_at])]
                del rows[first_row_at]
            last_band = bands[-1].lines
        caption = before[-s.caption_lines:]
        pages = sorted({l.page for l in all_lines})
        return PrintedTable(header, rows, columns, pages, caption, title, ruled, header_cells, all_lines)

    @staticmethod
    def _text_columns(header_lines: list[Line], body_lines: list[Line]) -> list[Interval]:
        """Columns of a table without vertical rules: where the body's text runs, plus header text
        standing over no body text (a column left empty). Header cells in narrow columns can touch
        each other; the body's gaps decide."""
        body = coverage_columns(body_lines)
        if len(body) < 2:
            return coverage_columns(header_lines + body_lines)
        lonely = [
            (p.x0, p.x1) for line in header_lines for p in line.phrases()
            if not any(p.x0 < b1 and p.x1 > b0 for b0, b1 in body)
        ]
        return merge_intervals(body + lonely)

    @staticmethod
    def _grid_extent(rules: list[Rule], left: float, right: float, top: float, bottom: float,
                     s: ReaderSettings) -> tuple[float, float]:
        """x-extent of the horizontal rules drawn across the table (the text's own extent if none)."""
        spans = [
            (r.x0, r.x1) for r in rules
            if r.horizontal and top - s.band_margin_pt <= r.y0 <= bottom + s.band_margin_pt and r.x0 < right and r.x1 > left
        ]
        if not spans:
            return left - s.grid_margin_pt, right + s.grid_margin_pt
        return min(a for a, _ in spans), max(b for _, b in spans)

    def _cells_of(self, lines: list[Line], columns: list[Interval]) -> list[Cell | None]:
        buckets: list[list] = [[] for _ in columns]
        for line in lines:
            for word in line.words:
                col = column_of((word.x0 + word.x1) / 2, columns)
                if col is None:
                    col = 0 if word.x1 <= columns[0][0] else len(columns) - 1
                buckets[col].append(word)
        edges = getattr(self, "_right_edges", [None] * len(columns))
        return [cell_from_words(ws, edge, self.settings) for ws, edge in zip(buckets, edges)]

    @staticmethod
    def _column_right_edges(segments: list[_Segment], columns: list[Interval]) -> list[float | None]:
        edges: list[float | None] = [None] * len(columns)
        for segment in segments:
            for line in segment.lines:
                for word in line.words:
                    col = column_of((word.x0 + word.x1) / 2, columns)
                    if col is not None:
                        edges[col] = max(edges[col] or word.x1, word.x1)
        return edges

    def _rows_with_merges(self, bands: list[RowBand], columns: list[Interval], rules: list[Rule], ys: list[float]) -> list[list[Cell | None]]:
        """Rows of a ruled table. A cell with no rule above it is part of the cell above (merged
        vertically): its text, which may wrap across the rows it spans, holds for all of them."""
        rows = [self._cells_of(b.lines, columns) for b in bands]
        s = self.settings
        for c, (x0, x1) in enumerate(columns):
            middle = (x0 + x1) / 2
            group = [0]
            for r in range(1, len(bands) + 1):
                merged = r < len(bands) and not any(
                    rule.horizontal and abs(rule.y0 - bands[r].top) <= s.grid_rule_pt
                    and rule.x0 - s.rule_slack_pt <= middle <= rule.x1 + s.rule_slack_pt
                    for rule in rules
                )
                if merged:
                    group.append(r)
                    continue
                if len(group) > 1:
                    whole = _joined([rows[i][c] for i in group])
                    for i in group:
                        rows[i][c] = whole
                group = [r]
        return rows

    def _single_line_columns(self, segments: list[_Segment], columns: list[Interval]) -> set[int]:
        texts: dict[int, list[str]] = {}
        for segment in segments:
            for line in segment.lines:
                for phrase in line.phrases():
                    col = column_of((phrase.x0 + phrase.x1) / 2, columns)
                    if col is not None:
                        texts.setdefault(col, []).append(phrase.text)
        return {c for c, ts in texts.items() if ts and sum(_is_numeric(t) for t in ts) >= self.settings.single_line_share * len(ts)}
