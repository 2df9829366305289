"""What the reader works on: the words and ruling lines of one page, whatever produced them.

A text PDF and an OCRed scan both end up as a ``PageContent``, so one table reader serves both.
Coordinates are PDF points with the origin at the top-left corner of the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LOW_CONFIDENCE = 80.0  # an OCR word (and so its cell) below this confidence is worth a warning


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # font size (or glyph height for OCR): sets every tolerance of the reader
    page: int
    confidence: float | None = None  # OCR word confidence 0..100; None for a text layer
    bold: bool | None = None  # None when unknown (OCR)

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line: horizontal when ``y0 == y1`` (within a point), vertical when ``x0 == x1``."""

    x0: float
    y0: float
    x1: float
    y1: float
    # measured once: the table reader asks it of every rule for every band, column and cell
    horizontal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "horizontal", abs(self.y1 - self.y0) <= abs(self.x1 - self.x0))


@dataclass
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    ocr: bool = False  # words come from OCR
    skipped: str | None = None  # why the page was not read, if it was not
