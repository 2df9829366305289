"""Table regions: where in the flow of lines of a whole plan each printed table is, across pages.

A table starts at a run of lines laid out in columns (usually its header row), continues while
lines keep to its columns (or stay inside its ruled grid), and carries on at the top of the next
page, after a repeated header if there is one. Everything else is narrative. The result is a list
of ``Region``: header lines, the body's lines page by page with that page's rules, the caption.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .captions import caption_above
from .grid import Interval, coverage_columns, merge_intervals
from .headers import header_likeness, tokens
from .layout import Layout, same_columns
from .lines import Line
from .page import Rule
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .values import is_value

# the start of a section or caption: "e)", "3.", "IV)", "Art.", "ALL.", "Tabella 12 –" (a numbered caption)
_CAPTION_START = re.compile(r"^\s*([a-kA-K]\)|\d{1,2}[.)]\s|[IVX]{1,4}[.)]\s|❖|Art\.|ALL\.?\s"
                            r"|(Tabella|Tab\.|Prospetto)\s+(n\.\s*)?\d{1,2}\s*[–—:.-])")
_BULLET = re.compile(r"^\s*[-–•▪❖✓·*]\s")


@dataclass
class Segment:
    """The body lines of a table on one page, with that page's ruling lines."""

    page: int
    lines: list[Line]
    rules: list[Rule]


@dataclass
class Region:
    """One printed table found in the flow: what the later stages read."""

    header_lines: list[Line]
    segments: list[Segment]
    caption: list[Line]  # narrative lines just above, nearest last

    @property
    def lines(self) -> list[Line]:
        return self.header_lines + self.body_lines

    @property
    def body_lines(self) -> list[Line]:
        return [line for s in self.segments for line in s.lines]

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})


class RegionFinder:
    """Walks the lines of a plan once, top to bottom, page after page."""

    def __init__(self, stream: list[Line], layout: Layout, vocabulary: frozenset[str]) -> None:
        self.stream = stream
        self.layout = layout
        self.settings: ReaderSettings = layout.settings
        self.vocabulary = vocabulary


    def _starts_table(self, index: int) -> bool:
        line = self.stream[index]
        if not self.layout.tabular(line) or _BULLET.match(line.text):
            return False  # "- Alloggi di housing sociale": a bullet and its text are not two columns
        if len(self.layout.in_grid(line)) >= 2 or self._header_lines(index):
            return True
        following = self.stream[index + 1] if index + 1 < len(self.stream) else None
        return following is not None and following.page == line.page and self.layout.aligned(line, following)

    def find(self) -> tuple[list[Region], list[Line]]:
        """The table regions of the whole plan, in reading order, and the narrative lines left."""
        tables: list[Region] = []
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
                    and self._label_above(self.stream[start - 1], start, self.stream[index])
                ):
                    narrative.pop()
                    start -= 1
                table, end = self._read(start, narrative[caption_from:])
                if table is not None:
                    tables.append(table)
                    caption_from = len(narrative)
                    index = end
                    continue
                narrative.extend(self.stream[start:index])
            narrative.append(self.stream[index])
            index += 1
        return tables, narrative

    # -- one table -------------------------------------------------------------------------
    def _read(self, start: int, before: list[Line]) -> tuple[Region | None, int]:
        first = self.stream[start]
        size = first.size
        header_lines = self._header_lines(start)
        index = start + len(header_lines)
        header_tokens = set(tokens(" ".join(l.text for l in header_lines)))
        header_bold = header_lines[0].bold if header_lines else None
        if header_tokens and before:  # a title row above the header repeats with it on every page
            header_tokens |= set(tokens(before[-1].text))
        coverage = coverage_columns(header_lines, None)
        segments: list[Segment] = []
        current = Segment(first.page, [], self.layout.rules.get(first.page, []))
        region_bottom = self.layout.region_bottom(first)
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
                after = self.stream[index + skip + 1] if index + skip + 1 < len(self.stream) else None
                if (after is not None and after.page == line.page and not self.layout.tabular(candidate)
                        and self._another_header(after, header_tokens, header_bold)):
                    break  # the next table's caption, then its header
                segments.append(current)
                current = Segment(line.page, [], self.layout.rules.get(line.page, []))
                region_bottom = self.layout.region_bottom(candidate, (coverage[0][0], coverage[-1][1]) if coverage else None)
                index += skip
                previous = None
                continue
            splits = self.layout.splits(line)
            if not grid_xs and len(splits) >= 2:
                grid_xs = splits  # the column rules of this table's grid, to recognize it on the next page
            inside_grid = region_bottom is not None and line.center_y <= region_bottom + self.settings.rule_slack_pt
            if not inside_grid:
                if region_bottom is not None and line.top > region_bottom and len(self.layout.in_grid(line)) < 2:
                    break  # below the ruled grid, in no grid: the text after the table, however close
                if previous is not None and line.top - previous.bottom > self.settings.table_gap * size:
                    break
                if self.layout.in_larger_type(line, current.lines):
                    break  # "Vimercate, 15 dicembre 2022" right under the last row
                if not self.layout.fits(line, coverage, splits):
                    break
                at_left = coverage and line.x0 < coverage[0][1]
                if at_left and _CAPTION_START.match(line.text) and not self.layout.tabular(line):
                    break  # "e) Numero unità..." starts the next section
                if self._another_header(line, header_tokens, header_bold):
                    break  # the header of the next table, printed right below this one
                following = self.stream[index + 1] if index + 1 < len(self.stream) else None
                if (following is not None and following.page == line.page and not self.layout.tabular(line)
                        and not any(abs(line.x0 - c0) <= self.settings.column_start * line.size for c0, _ in coverage)
                        and self._another_header(following, header_tokens, header_bold)):
                    break  # the next table's caption or title row (starting in no column), then its header
            current.lines.append(line)
            coverage = merge_intervals(coverage + [(p.x0, p.x1) for p in self.layout.runs(line, coverage, splits)])
            previous = line
            index += 1
        segments.append(current)
        body_lines = [l for s in segments for l in s.lines]
        if not body_lines:
            return None, start + max(1, len(header_lines))
        table = Region(header_lines, segments, caption_above(before, first, self.settings.caption_lines))
        return table, index

    def _header_lines(self, start: int) -> list[Line]:
        """The header row's lines at ``start`` (none if it is no header): the first and those under
        it up to the rule closing the header, or down to the body's first values, plainer type or a
        wider gap. A first line that holds figures of its own ("0-18 ANNI  19-64  OLTRE 65") may fall
        short of a header's words alone while its wrapped lines ("ANNI  ANNI") make it up: then the
        lines are judged together, each line under it a header's words."""
        first = self.stream[start]
        s = self.settings
        alone = header_likeness(first.text, self.vocabulary) >= s.header_min
        lines = [first]
        rule_below = self.layout.first_rule_below(first)
        for index in range(start + 1, len(self.stream)):
            line = self.stream[index]
            if line.page != first.page:
                break
            if not alone and header_likeness(line.text, self.vocabulary) < s.header_min:
                break
            if rule_below is not None:  # ruled: the header is everything above its first rule
                if line.center_y >= rule_below:
                    break
            elif line.top - lines[-1].bottom > s.header_line_gap * first.size:
                break
            elif first.bold and line.bold is not None:
                if not line.bold:  # a bold header ends where the plain body starts
                    break
            elif any(is_value(p.text) for p in line.phrases()):
                break
            elif header_likeness(line.text, self.vocabulary) < s.header_min:
                break
            lines.append(line)
        together = header_likeness(" ".join(line.text for line in lines), self.vocabulary)
        if not alone and (len(lines) < 2 or together < s.header_min):
            return []
        return lines + self._header_rest(start + len(lines), lines)

    def _header_rest(self, index: int, header: list[Line]) -> list[Line]:
        """The last lines of a header the page break cut, at the top of the next page when nothing of
        the table is left on the page before ("manutentiva" under "Alloggi in carenza"): header words
        in the header's weight, no figure, and not the header repeated (the body skips that)."""
        first, rest = header[0], []
        above = set(tokens(" ".join(line.text for line in header)))
        page = self.stream[index].page if index < len(self.stream) else first.page
        for line in self.stream[index:index + len(header)] if page != first.page else []:
            toks = set(tokens(line.text))
            if (line.page != page or header_likeness(line.text, self.vocabulary) < self.settings.header_min
                    or (first.bold is not None and line.bold != first.bold)
                    or any(is_value(p.text) for p in line.phrases())
                    or len(toks & above) >= self.settings.header_repeat_share * len(toks)):
                break
            rest.append(line)
        return rest

    def _continues_on(self, line: Line, coverage: list[Interval], grid_xs: list[float]) -> bool:
        """The first line of a new page carries the table on: inside a grid with the same column
        rules, or a row in its columns."""
        if coverage:
            rules = self.layout.in_grid(line, (coverage[0][0], coverage[-1][1]))
            if len(rules) >= 2:
                return not grid_xs or same_columns([r.x0 for r in rules], grid_xs, self.settings)
        if not self.layout.fits(line, coverage, self.layout.splits(line)):
            return False
        if self.layout.tabular(line):
            return True
        if any(abs(line.x0 - c0) <= self.settings.column_start * line.size for c0, _ in coverage[1:]):
            return True  # text starting where an inner column starts: the rest of a cell, not a paragraph
        # the rest of a row broken by the page ("RISTRUTTURAZIONE"), then the next row
        position = self.stream.index(line)
        following = self.stream[position + 1] if position + 1 < len(self.stream) else None
        return (
            following is not None and following.page == line.page and self.layout.tabular(following)
            and following.top - line.bottom < self.settings.page_remainder_gap * line.size
            and self.layout.fits(following, coverage, self.layout.splits(following))
        )

    def _another_header(self, line: Line, header_tokens: set[str], header_bold: bool | None = None) -> bool:
        if any(c.isdigit() for c in line.text) or not self.layout.tabular(line):
            return False
        if header_bold and line.bold is False:
            return False  # this table's header is bold: a plain line is a row, whatever its words
        if header_likeness(line.text, self.vocabulary) < self.settings.another_header_min:
            return False
        toks = set(tokens(line.text))
        return bool(toks) and len(toks & header_tokens) / len(toks) < self.settings.header_repeat_share

    def _label_above(self, above: Line, start: int, row: Line) -> bool:
        """A short line right above a table's first line that belongs to the same grid or column;
        without a grid it keeps to the first column, ending before the second column of the table's
        first row (``row``) starts: a line of prose reaching over it is the caption, however close."""
        first = self.stream[start]
        if above.page != first.page or self._header_lines(start):
            return False
        if len(self.layout.in_grid(above)) >= 2 and len(self.layout.in_grid(first)) >= 2:
            return first.top - above.bottom < self.settings.grid_label_gap * first.size
        single = len(above.phrases()) == 1 and abs(above.x0 - first.x0) < self.settings.column_start * first.size
        cells = row.phrases()
        in_first_column = len(cells) < 2 or above.x1 < cells[1].x0
        return single and in_first_column and first.top - above.bottom < self.settings.label_gap * first.size

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



def find_regions(lines: list[list[Line]], rules: dict[int, list[Rule]], vocabulary: frozenset[str],
                 settings: ReaderSettings = DEFAULT_SETTINGS) -> tuple[list[Region], list[Line]]:
    """Stage: lines of every page (noise removed) + rules → table regions and the narrative."""
    stream = [line for page_lines in lines for line in page_lines]
    return RegionFinder(stream, Layout(rules, settings), vocabulary).find()
