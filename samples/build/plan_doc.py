"""A small document model of a Piano annuale: what the seed says, independent of any renderer.

Every renderer (python-docx + LibreOffice, reportlab) walks the same ``Document`` so that the
samples differ only in layout, never in printed text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

Borders = Literal["grid", "none", "horizontal"]


@dataclass
class Title:
    """A title line of the plan (centered, large, bold)."""

    text: str


@dataclass
class Heading:
    """A section caption: 1 = PARTE / main section, 2 = subsection, 3 = letter caption a)..k)."""

    text: str
    level: int


@dataclass
class Paragraph:
    """Body text. ``bullet`` = an item of a list (indented, "-" glyph unless the text has its own
    marker such as "a)", "✓", "❖"). ``toc_page`` makes it a table-of-contents line whose page
    number sits at the right margin after a dot leader."""

    text: str
    bullet: bool = False
    bold: bool = False
    toc_page: str | None = None


@dataclass
class TableBlock:
    """A table as printed. Cells are strings; "\\n" inside a cell separates its paragraphs.

    ``merges`` are (row, col, row_span) with ``row`` an index into ``rows`` (body rows): the cell
    at (row, col) is merged vertically with the ``row_span - 1`` cells below it, whose text must be
    empty. ``title_row`` is a merged full-width row printed above the header rows."""

    key: str
    header_rows: list[list[str]]
    rows: list[list[str]]
    col_widths_cm: list[float]
    font_pt: float = 10.0
    merges: list[tuple[int, int, int]] = field(default_factory=list)
    landscape: bool = False
    title_row: str | None = None
    repeat_header: bool = True
    borders: Borders = "grid"
    bold_rows: list[int] = field(default_factory=list)  # body rows printed bold (group and total rows)
    cell_pad_cm: float = 0.19  # left/right cell margin (Word's default 0.19 cm)

    @property
    def ncols(self) -> int:
        return len(self.col_widths_cm)

    def validate(self) -> None:
        """Fail early on a malformed table rather than render something misleading."""
        for r in [*self.header_rows, *self.rows]:
            if len(r) != self.ncols:
                raise ValueError(f"{self.key}: row of {len(r)} cells, expected {self.ncols}: {r!r}")
        for row, col, span in self.merges:
            for k in range(row + 1, row + span):
                if self.rows[k][col]:
                    raise ValueError(f"{self.key}: merged-away cell ({k},{col}) is not empty")


@dataclass
class PageBreak:
    """Start a new page (portrait unless the next table is landscape)."""


Block = Union[Title, Heading, Paragraph, TableBlock, PageBreak]


@dataclass
class Document:
    blocks: list[Block]
    font_name: str = "Liberation Sans"
    font_pt: float = 10.0
    margins_cm: tuple[float, float, float, float] = (2.0, 2.0, 2.0, 2.0)  # top, right, bottom, left

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]
