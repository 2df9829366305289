"""How a line sits among the ruling lines of its page: split into cells, laid out in columns,
inside a grid, keeping to a table's columns. Pure questions on positions and settings.
"""
from __future__ import annotations

from dataclasses import dataclass

from .grid import Interval, vertical_splits
from .lines import Line, Phrase
from .page import Rule, Word
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .values import is_value


def same_columns(xs: list[float], grid_xs: list[float], settings: ReaderSettings) -> bool:
    """Most rules of one grid stand where the other's do (a table continued on the next page)."""
    shared = sum(1 for x in xs if any(abs(x - g) <= settings.same_column_pt for g in grid_xs))
    return shared >= max(2, settings.same_grid_share * min(len(xs), len(grid_xs)))


def _joined_horizontals(rules: list[Rule], slack: float) -> list[tuple[float, float, float]]:
    """Horizontal rules as (y, x0, x1), those drawn cell by cell end to end on one y joined into one
    (a browser draws a table's borders per cell)."""
    out: list[tuple[float, float, float]] = []
    for r in sorted((r for r in rules if r.horizontal), key=lambda r: (round(r.y0), r.x0)):
        if out and abs(out[-1][0] - r.y0) <= slack and r.x0 <= out[-1][2] + slack:
            y, x0, x1 = out[-1]
            out[-1] = (y, x0, max(x1, r.x1))
        else:
            out.append((r.y0, r.x0, r.x1))
    return out


@dataclass(frozen=True)
class Layout:
    """The ruling lines of every page (by page number) with the reader's settings."""

    rules: dict[int, list[Rule]]
    settings: ReaderSettings = DEFAULT_SETTINGS

    def splits(self, line: Line) -> list[float]:
        reach = self.settings.split_search * line.size
        return vertical_splits(self.rules.get(line.page, []), line.x0 - reach, line.x1 + reach, line.top, line.bottom,
                               self.settings)

    def tabular(self, line: Line) -> bool:
        """Laid out in columns: runs of text split by ruling lines, or by gaps that stand out.

        Justified prose stretches every space alike; a table row has column gaps much wider than
        the spaces inside its cells, or only wide gaps."""
        splits = self.splits(line)
        if len(line.phrases(splits)) < 2:
            return False
        if splits:
            return True
        gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:])]
        if line.words[0].confidence is not None:  # OCR spacing is uneven: only a gap of a few sizes counts
            return max(gaps) >= self.settings.ocr_column_gap * line.size
        s = self.settings
        return min(gaps) >= s.column_gap_all * line.size or max(gaps) >= s.column_gap_ratio * max(min(gaps), s.column_gap_floor * line.size)

    def aligned(self, line: Line, other: Line) -> bool:
        """Two lines laid out in the same columns: a run of text after the first starts (or ends)
        at the same x in both. Justified prose has wide spaces too, but they never line up."""
        if not self.tabular(other):
            return False
        runs = line.phrases(self.splits(line))[1:]
        others = other.phrases(self.splits(other))[1:]
        tolerance = self.settings.align_tolerance * line.size

        def lines_up(a: Phrase, b: Phrase) -> bool:  # left-, right- or centre-aligned in the same column
            return (abs(a.x0 - b.x0) <= tolerance or abs(a.x1 - b.x1) <= tolerance
                    or abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 2 * tolerance)

        fewer, more = sorted((runs, others), key=len)
        aligned = sum(1 for a in fewer if any(lines_up(a, b) for b in more))
        return aligned >= 1 and aligned >= self.settings.aligned_share * len(fewer)  # most columns, not one by chance

    def in_grid(self, line: Line, span: Interval | None = None) -> list[Rule]:
        """Vertical rules crossing the line (a line inside a ruled grid has at least two).

        ``span`` is the table's x-range when known: a cell's line may sit far from both its rules.
        """
        s = self.settings
        if span:
            x0, x1 = span[0] - s.grid_span * line.size, span[1] + s.grid_span * line.size
        else:
            x0, x1 = line.x0 - s.grid_search * line.size, line.x1 + s.grid_search * line.size
        return [
            r for r in self.rules.get(line.page, [])
            if not r.horizontal and r.y0 - s.rule_slack_pt <= line.center_y <= r.y1 + s.rule_slack_pt and x0 <= r.x0 <= x1
        ]

    def first_rule_below(self, line: Line) -> float | None:
        """The rule closing a header row: in a grid, or a rule right below across the line."""
        slack = self.settings.rule_slack_pt
        ys = [
            y for y, x0, x1 in _joined_horizontals(self.rules.get(line.page, []), slack)
            if y > line.center_y + self.settings.edge_slack * line.size and x0 - slack <= line.x0 and x1 + slack >= line.x1
        ]
        if not ys:
            return None
        below = min(ys)
        if len(self.in_grid(line)) >= 2 or below - line.bottom < self.settings.header_rule_reach * line.size:
            return below
        return None

    def region_bottom(self, line: Line, span: Interval | None = None) -> float | None:
        """Bottom of the ruled grid the line sits in (None when it is not in one)."""
        rules = self.rules.get(line.page, [])
        verticals = self.in_grid(line, span)
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

    def fits(self, line: Line, coverage: list[Interval], splits: list[float]) -> bool:
        """A line keeps to the table's columns unless a run of its text flows from one column into
        another through the gap between them (a paragraph does; cells of a row never do)."""
        if len(coverage) < 2:
            return True
        slack = self.settings.edge_slack * line.size
        phrases = self.runs(line, coverage, splits)
        for phrase in phrases:
            touched = [c for c in coverage if phrase.x0 < c[1] - slack and phrase.x1 > c[0] + slack]
            if len(touched) < 2:
                continue
            if len(phrases) >= 2 and self._cells_run_together(phrase, coverage, line.size):
                continue
            for word, following in zip(phrase.words, phrase.words[1:] + [None]):
                if not any(c0 - slack <= word.x0 and word.x1 <= c1 + slack for c0, c1 in coverage):
                    if not self._fills_column(word, following, coverage, line.size):
                        return False
        return True

    def runs(self, line: Line, coverage: list[Interval], splits: list[float]) -> list[Phrase]:
        """The line's phrases, each cut before a value that runs across the start of a column of
        ``coverage`` and ends inside it, right after a word ending before that start: a renderer
        set the line's cells as one string in its own type, one word space apart, and the value
        moved off its column's start ("PICENARDI 02-11-2022"). It belongs to the column it
        crosses into (as ``grid.word_columns`` reads it)."""
        slack = self.settings.edge_slack * line.size
        out: list[Phrase] = []
        for phrase in line.phrases(splits):
            out.append(Phrase([phrase.words[0]]))
            for before, word in zip(phrase.words, phrase.words[1:]):
                if is_value(word.text) and any(
                    before.x1 <= c0 and word.x0 < c0 - slack and c0 + slack < word.x1 <= c1 + slack
                    for c0, c1 in coverage[1:]
                ):
                    out.append(Phrase([word]))
                else:
                    out[-1].words.append(word)
        return out

    def in_larger_type(self, line: Line, rows: list[Line]) -> bool:
        """A line not laid out in the table's columns, set in larger type than every row of the
        table so far, or in their type as one run of text starting left of them all (at the margin,
        out of the cells' padding): the prose after a table without a grid (a place and date, the
        next paragraph, justified in a monospaced font so that every space is wide), however close
        below it. A cell's wrapped lines keep their row's type; OCR sizes are too uneven."""
        if not rows or line.words[0].confidence is not None:
            return False
        runs = len(line.phrases())
        if 1 < runs <= max(len(row.phrases()) for row in rows) and self.aligned(line, rows[-1]):
            return False  # a row in the table's columns (more runs than any row: spaces of prose)
        biggest = max(row.size for row in rows)
        if line.size > self.settings.prose_type_ratio * biggest:
            return True
        # in the rows' own type: one run of text starting left of every row, out of the cells' padding
        outside = line.x0 < min(row.x0 for row in rows) - self.settings.column_start * line.size
        return runs == 1 and outside and line.size >= biggest

    def _cells_run_together(self, phrase: Phrase, coverage: list[Interval], size: float) -> bool:
        """Cells of one row set a word space apart ("Contributo Regionale D.G.R."): a row of a table
        whose columns are wider than their headers, in a layout with little cell padding. No word runs
        over a column's start, and the text passes into the next column only at a word starting where
        that column starts; prose flowing across would have to break exactly there at every column."""
        starts = [c0 for c0, _ in coverage]
        tolerance = self.settings.column_start * size
        column = None
        for word in phrase.words:
            at = max((i for i, x in enumerate(starts) if x - tolerance <= word.x0), default=None)
            if at is None or (at + 1 < len(starts) and word.x1 > starts[at + 1] - tolerance):
                return False  # before the table, or across the next column's start
            if column is not None and at != column and abs(word.x0 - starts[at]) > tolerance:
                return False  # into another column, but not where it starts
            column = at
        return True

    def _fills_column(self, word: Word, following: Word | None, coverage: list[Interval], size: float) -> bool:
        """A cell's word longer than any above it in its column, reaching into the gap before the next
        column but not into it, the next word starting right where that column starts: a cell that
        fills its column to a word space from the next ("CASALMAGGIORE 4"), not prose flowing across."""
        if following is None:
            return False
        slack, start = self.settings.edge_slack * size, self.settings.column_start * size
        for (c0, c1), (n0, _n1) in zip(coverage, coverage[1:]):
            if c0 - slack <= word.x0 < c1 and word.x1 < n0 and abs(following.x0 - n0) <= start:
                return True
        return False

