"""Small hand-made pages for the stage tests: words at given places, in a 10 pt type where a
character is 5 pt wide, so positions can be worked out by hand."""
from __future__ import annotations

from pdfplans.extractors.lines import Line
from pdfplans.extractors.page import Rule, Word

SIZE = 10.0
CHAR = 5.0


def word(text: str, x0: float, top: float, page: int = 1) -> Word:
    return Word(text, x0, top, x0 + CHAR * len(text), top + SIZE, SIZE, page)


def line(top: float, *runs: tuple[float, str], page: int = 1) -> Line:
    """A line of runs of text, each starting at its x; words of a run one space (5 pt) apart."""
    words = []
    for x, text in runs:
        for piece in text.split():
            words.append(word(piece, x, top, page))
            x += CHAR * (len(piece) + 1)
    return Line(words, page)


def hrule(y: float, x0: float, x1: float) -> Rule:
    return Rule(x0, y, x1, y)


def vrule(x: float, y0: float, y1: float) -> Rule:
    return Rule(x, y0, x, y1)


def glyph_runs(top: float, *cells: tuple[float, str], space: float = 2.5, tracking: float = 0.0,
               per_glyph: bool = False, size: float = SIZE, page: int = 1) -> list[Word]:
    """The glyph runs a producer may write for one line of cells, each cell starting at its x:
    glyphs ``CHAR`` wide and ``tracking`` apart (letter-spacing), words ``space`` apart (no space
    glyph: the space is only a gap), one run per word or per glyph; ``size`` is what the producer's
    font size field says (the glyph boxes stay ``SIZE`` high)."""
    runs: list[Word] = []
    for x, text in cells:
        for piece in text.split():
            glyphs = [(c, x + i * (CHAR + tracking)) for i, c in enumerate(piece)]
            if per_glyph:
                runs += [Word(c, gx, top, gx + CHAR, top + SIZE, size, page) for c, gx in glyphs]
            else:
                runs.append(Word(piece, x, top, glyphs[-1][1] + CHAR, top + SIZE, size, page))
            x = glyphs[-1][1] + CHAR + tracking + space
    return runs
