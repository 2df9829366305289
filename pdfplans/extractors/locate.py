"""Printed tables: the stages from lines to a table of cells, one function each.

    lines + rules ──find_regions──▶ Region ──find_columns──▶ ColumnLayout
        ──segment_rows (per page)──▶ RowSegmentation ──cells_of──▶ PrintedTable

Each result is kept on the ``PrintedTable`` (``region``, ``layout``, ``segmentations``) so that
``pdfplans.explain`` and a test can see what every stage made of a table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from ..model import Cell
from .cells import cells_of, join_cell_text, joined, merge_halves
from .columns import ColumnLayout, find_columns
from .grid import Interval, horizontal_splits
from .lines import Line
from .page import PageContent
from .regions import Region, Segment, find_regions
from .rows import RowSegmentation, continues_on_next_page, segment_rows
from .settings import DEFAULT_SETTINGS, ReaderSettings


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
    region: Region | None = field(default=None, repr=False)
    layout: ColumnLayout | None = field(default=None, repr=False)
    segmentations: list[RowSegmentation] = field(default_factory=list, repr=False)  # rows, page by page
    joined_across_pages: int = 0  # rows a page break had cut in two, joined again
    transposed_from: PrintedTable | None = field(default=None, repr=False)  # the table as printed, read down

    @property
    def source(self) -> PrintedTable:
        """The table as located on the page (itself, unless this is another reading of it)."""
        return self.transposed_from or self

    @property
    def page(self) -> int:
        return self.pages[0]


def locate_tables(pages: list[PageContent], lines: list[list[Line]], vocabulary: frozenset[str],
                  settings: ReaderSettings = DEFAULT_SETTINGS) -> tuple[list[PrintedTable], list[Line]]:
    """Stages lines → regions → columns → rows → cells for a whole plan; the narrative left over."""
    regions, narrative = find_regions(lines, {p.number: p.rules for p in pages}, vocabulary, settings)
    feet = page_feet(pages, lines)
    return [build_table(region, settings, feet) for region in regions], narrative


def page_feet(pages: list[PageContent], lines: list[list[Line]]) -> dict[int, float]:
    """Per page, how far down the plan's text reaches on pages of that size: the lowest line of any
    of them (a full page of prose runs to the bottom margin)."""
    lowest: dict[tuple[int, int], float] = {}
    for page, page_lines in zip(pages, lines):
        size = (round(page.width), round(page.height))
        lowest[size] = max([lowest.get(size, 0.0)] + [line.bottom for line in page_lines])
    return {p.number: lowest[round(p.width), round(p.height)] for p in pages}


def _page_full(band: list[Line], feet: dict[int, float] | None, s: ReaderSettings) -> bool:
    """A page break cuts a row only where the page had no room for its next line: the row's last
    line is within ``page_full_lines`` sizes of the foot of the page. A row that ends higher up was
    moved whole to the next page (a browser keeps rows together), so what follows is a new row."""
    if not feet or not band or band[-1].page not in feet:
        return True
    last = max(band, key=lambda line: line.bottom)
    return feet[last.page] - last.bottom < s.page_full_lines * last.size


def build_table(region: Region, settings: ReaderSettings = DEFAULT_SETTINGS,
                feet: dict[int, float] | None = None) -> PrintedTable:
    """One region → its columns, its rows page by page (joined across page breaks) and cells.
    ``feet``: how far down text reaches on each page (``page_feet``); without it any row may be cut."""
    s = settings
    layout = find_columns(region, s)
    columns, edges = layout.columns, layout.right_edges
    header_cells = cells_of(layout.header_lines, columns, edges, s)
    header = [join_cell_text(c, rejoin=False) for c in header_cells]
    rows: list[list[Cell | None]] = []
    ruled = layout.ruled
    segmentations: list[RowSegmentation] = []
    last_band: list[Line] = []
    joins = 0
    for segment in region.segments:
        if not segment.lines:
            continue
        first_row_at = len(rows)
        cut = _segment(segment, layout, s)
        segmentations.append(cut)
        # a grid's row rules, or two rules or more in a table with no column rules, make it ruled
        ruled = ruled or (bool(cut.rules_at) if layout.ruled else len(cut.rules_at) >= 2)
        rows += _cells(cut, columns, edges, s)
        if last_band and first_row_at and _page_full(last_band, feet, s) and continues_on_next_page(
            last_band, cut.bands[0].lines, columns, layout.single_line, edges, s
        ):
            rows[first_row_at - 1] = [merge_halves(a, b) for a, b in zip(rows[first_row_at - 1], rows[first_row_at])]
            del rows[first_row_at]
            joins += 1
        last_band = cut.bands[-1].lines
    return PrintedTable(header, rows, columns, region.pages, region.caption, layout.title, ruled, header_cells,
                        region.lines, region, layout, segmentations, joins)


def _segment(segment: Segment, layout: ColumnLayout, s: ReaderSettings) -> RowSegmentation:
    band = s.band_margin * median(line.size for line in segment.lines)
    top = min(line.top for line in segment.lines) - band
    bottom = max(line.bottom for line in segment.lines) + band
    ys = horizontal_splits(segment.rules, layout.left, layout.right, top, bottom, s)
    return segment_rows(segment.lines, layout.columns, layout.ruled, segment.rules, ys, layout.single_line,
                        layout.right_edges, s)


def _cells(cut: RowSegmentation, columns: list[Interval], edges: list[float | None],
           s: ReaderSettings) -> list[list[Cell | None]]:
    """Cells of every band; a merged cell's text (which may wrap across the rows it spans) holds
    for all of them."""
    rows = [cells_of(band.lines, columns, edges, s) for band in cut.bands]
    for c, groups in cut.merges.items():
        for group in groups:
            whole = joined([rows[i][c] for i in group])
            for i in group:
                rows[i][c] = whole
    return rows
