"""What the report shows of a finding's printed cells: regions with the row's label and the column headers.

A figure alone ("| 12 | 1 | 0 |") proves nothing to an auditor: each picture spans from the row's
label to the cell and carries the printed headers of its columns above, and the caption names
them too. The cells of one table on one page that lie close together are shown in one picture.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from ..normalize.doubt import short
from ..schema import column_kind
from .crops import Pictures, Strip, is_doubtful, union
from .findings import Evidence

if TYPE_CHECKING:
    from ..model import Cell, Plan, Table

GAP = 60.0  # points between two cells' rows beyond which they get pictures of their own
TALL = 300.0  # points a picture of one table's rows may span at most
NEAR_HEADER = 60.0  # points between the header and the rows below which one picture shows both
MAX_PICTURES = 6  # per finding: a total's dozens of addends would bury the figures that matter
MAX_NAMED = 12  # cells named in a caption
MAX_LABELS = 3  # text cells naming a row (ente, comune, and one more)
LABEL_CHARS = 80  # a paragraph (a label, a header, a cell) is named by its start: the picture shows it whole


@dataclass
class Shown:
    """One printed cell of the evidence, with what names it."""

    row: int
    column: str
    cell: "Cell"
    labels: "list[Cell]"  # the row's text cells left of it as printed (ente, comune, misura): what names the row
    header: "Cell | None"  # the printed header of the column


@dataclass
class Region:
    table: str
    page: int
    shown: list[Shown] = field(default_factory=list)

    def box(self) -> tuple[float, float, float, float]:
        """The cells and their labels (a label carried down from rows above names the row but is not shown)."""
        return union([s.cell.bbox for s in self.shown] + [c.bbox for s in self.shown for c in s.labels
                                                           if c.page == self.page and _same_row(c, s.cell)])


def _same_row(a: "Cell", b: "Cell") -> bool:
    return a.bbox[1] < b.bbox[3] and b.bbox[1] < a.bbox[3]


def row_labels(table: "Table", row: int, cell: "Cell") -> "list[Cell]":
    """The row's printed text cells left of ``cell``, left to right; else its leftmost text cell
    (a label carried down from the rows above, which names the row without being beside it)."""
    cells = table.cells[row] if row < len(table.cells) else {}
    # a name has letters: a date or a time printed in a text column does not name the row
    text = sorted({id(c): c for column, c in cells.items() if column_kind(column) == "str" and c is not cell
                   and any(ch.isalpha() for ch in c.flat)}.values(), key=lambda c: c.bbox[0])
    left = [c for c in text if c.bbox[2] <= cell.bbox[0] + 1 or c.page != cell.page]
    beside = [c for c in left if c.page == cell.page and _same_row(c, cell)]
    return beside[:MAX_LABELS] or left[:1]  # nothing left of a row's first cell: it names the row itself


def regions(plan: "Plan", evidence: Sequence[Evidence]) -> list[Region]:
    """The evidence cells grouped into pictures, in the evidence's order; each printed cell once."""
    found: list[Region] = []
    seen: set[tuple[int, tuple[float, ...]]] = set()
    for table_id, row, column in evidence:
        table = plan.tables.get(table_id)
        cell = table.cell_or_none(row, column) if table is not None else None
        if table is None or cell is None or (cell.page, cell.bbox) in seen:
            continue
        seen.add((cell.page, cell.bbox))
        shown = Shown(row, column, cell, row_labels(table, row, cell), table.headers.get(column))
        home = next((r for r in found if r.table == table_id and r.page == cell.page and _fits(r, cell)), None)
        if home is None:
            home = Region(table_id, cell.page)
            found.append(home)
        home.shown.append(shown)
    return found


def _fits(region: Region, cell: "Cell") -> bool:
    _, top, _, bottom = region.box()
    near = cell.bbox[1] - bottom < GAP and top - cell.bbox[3] < GAP
    return near and max(bottom, cell.bbox[3]) - min(top, cell.bbox[1]) < TALL


def strips(region: Region) -> tuple[Strip, ...]:
    """The region's rows, with the printed headers above them (in the same picture when close)."""
    x0, top, x1, bottom = region.box()
    marks = tuple((s.cell.bbox, is_doubtful(s.cell)) for s in region.shown)
    headers = [s.header for s in region.shown if s.header is not None]
    heads: list[Strip] = []
    for page in dict.fromkeys(h.page for h in headers):
        hbox = union([h.bbox for h in headers if h.page == page])
        left, right = min(x0, hbox[0]), max(x1, hbox[2])
        if page == region.page and 0 <= top - hbox[3] < NEAR_HEADER:
            return (Strip(page, (left, hbox[1], right, bottom), marks),)
        heads.append(Strip(page, (left, hbox[1], right, hbox[3])))  # a header far above, or on the page before
    return (*heads, Strip(region.page, (x0, top, x1, bottom), marks))


def caption(region: Region, link: str) -> str:
    """Table, page (a link), then one line per row: its printed label and each cell under its printed header."""
    rows: dict[int, list[Shown]] = {}
    for s in region.shown[:MAX_NAMED]:
        rows.setdefault(s.row, []).append(s)
    lines = []
    for row, shown in sorted(rows.items()):  # in printed order, as the picture shows them
        who = f" <b>{escape(short(' · '.join(c.flat for c in shown[0].labels), LABEL_CHARS))}</b>" if shown[0].labels else ""
        lines.append(f"row {row + 1}{who}: " + " · ".join(_named(s) for s in shown))
    more = len(region.shown) - MAX_NAMED
    tail = f"<br>… and {more} more cells" if more > 0 else ""
    return (f'<b>{escape(region.table)}</b>, <a href="{escape(link)}">page {region.page}</a><br>'
            + "<br>".join(lines) + tail)


def _named(s: Shown) -> str:
    head = escape(short(s.header.flat, LABEL_CHARS)) if s.header is not None else ""
    doubt = (f' <mark class="doubt">OCR {s.cell.confidence:.0f}%</mark>' if is_doubtful(s.cell)
             else f" (OCR {s.cell.confidence:.0f}%)" if s.cell.confidence is not None else "")
    return f"{head} <code>{escape(s.column)}</code> <q>{escape(short(s.cell.flat, LABEL_CHARS))}</q>{doubt}"


def figures(plan: "Plan", evidence: Sequence[Evidence], pictures: Pictures, link, title: str = "") -> str:
    """The HTML figures of ``evidence`` in ``plan``; ``link(file, page)`` gives a page's address."""
    chosen = regions(plan, evidence)
    html = []
    for region in chosen[:MAX_PICTURES]:
        scan = any(s.cell.confidence is not None for s in region.shown)
        uri = pictures.picture(plan.file, strips(region), scan)
        alt = escape(", ".join(s.cell.flat for s in region.shown[:MAX_NAMED]), quote=True)
        image = f'<img alt="{alt}" src="{uri}">' if uri else '<p class="nocrop">(PDF not available)</p>'
        html.append(f"<figure>{image}<figcaption>{caption(region, link(plan.file, region.page))}</figcaption></figure>")
    if len(chosen) > MAX_PICTURES:
        rest = sum(len(r.shown) for r in chosen[MAX_PICTURES:])
        html.append(f'<p class="nocrop">… and {rest} more cells in {len(chosen) - MAX_PICTURES} more places</p>')
    if not html:
        return ""
    head = f'<p class="from">{escape(title)}</p>' if title else ""
    return f'{head}<div class="crops">{"".join(html)}</div>'
