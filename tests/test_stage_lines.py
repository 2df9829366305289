"""Stage glyph runs → lines → words → phrases: the same printed line gives the same words and
phrases however the producer wrote its text layer (space glyphs or none, a run per word or per
glyph, letter-spacing, a font size field of 1), because every gap is measured on the line."""
from __future__ import annotations

import pytest
from stage_words import CHAR, SIZE, glyph_runs

from pdfplans.extractors.lines import Line, group_lines, join_runs, measure_space
from pdfplans.extractors.page import Word

# one row of the 2023 plan's table a): a comune in words, then three counts in their columns
ROW = ((40.0, "PIEVE SAN GIACOMO"), (200.0, "11"), (260.0, "11"), (320.0, "0"))
WORDS = ["PIEVE", "SAN", "GIACOMO", "11", "11", "0"]
PHRASES = ["PIEVE SAN GIACOMO", "11", "11", "0"]

PRODUCERS = {
    "a run per word, Helvetica-like space": {},
    "no space glyph, a tight space": {"space": 1.5},
    "a run per glyph": {"per_glyph": True},
    "a run per glyph, no space glyph, tight space": {"per_glyph": True, "space": 1.5},
    "font size 1, the size in the matrix": {"size": 1.0},
    "loose letter-spacing, a run per glyph": {"per_glyph": True, "tracking": 1.5},
    "very loose letter-spacing": {"per_glyph": True, "tracking": 3.0, "space": 3.0},
    "tight letter-spacing (glyphs overlapping)": {"per_glyph": True, "tracking": -0.6},
    "a wide justified space": {"space": 7.0},
}


def read_line(runs: list[Word]) -> Line:
    lines = group_lines(runs)
    assert len(lines) == 1
    return lines[0]


@pytest.mark.parametrize("producer", list(PRODUCERS))
def test_same_words_and_phrases_whatever_the_producer(producer):
    line = read_line(glyph_runs(100.0, *ROW, **PRODUCERS[producer]))
    assert [w.text for w in line.words] == WORDS
    assert [p.text for p in line.phrases()] == PHRASES
    assert line.size == SIZE  # measured on the glyphs, not the size field


def test_a_row_of_single_glyph_cells_is_not_letter_spaced():
    """Digits one per column: their gaps are column gaps, far wider than any letter-spacing."""
    line = read_line(glyph_runs(100.0, (40.0, "4"), (100.0, "3"), (160.0, "0"), (220.0, "7"), per_glyph=True))
    assert [p.text for p in line.phrases()] == ["4", "3", "0", "7"]


def test_touching_runs_are_one_word():
    """A word split into runs at a kerning pair or a zero-width space glyph stays one word."""
    runs = [Word("RISTRUTTU", 10, 0, 10 + 9 * CHAR, SIZE, SIZE, 1), Word("RAZIONE", 10 + 9 * CHAR + 0.3, 0, 100, SIZE, SIZE, 1)]
    assert [w.text for w in join_runs(runs)] == ["RISTRUTTURAZIONE"]


def test_the_space_is_measured_on_the_line():
    gaps = [2.5, 2.4, 30.0, 2.6, 55.0]
    assert measure_space(gaps, SIZE) == pytest.approx(2.5)
    assert measure_space([30.0, 55.0], SIZE) is None  # only column gaps: nothing to measure
    assert measure_space([2.5], SIZE) is None  # one gap may be a column gap


@pytest.mark.parametrize("space", [6.5, 8.3, 11.0])
def test_a_justified_line_is_one_phrase(space):
    """Prose stretched to the margin: every space of the line as wide (up to 1.1 sizes, wider
    than a fixed phrase gap of 0.6 sizes) is still a space, because the line's spaces are."""
    line = read_line(glyph_runs(100.0, (40.0, "regolano il sistema regionale dei servizi"), space=space))
    assert [p.text for p in line.phrases()] == ["regolano il sistema regionale dei servizi"]


def test_evenly_spaced_values_are_columns():
    """Numbers one sized apart are as even as justified words, but a value's neighbours are not
    counted as spaces: each is a cell of its own."""
    line = read_line(glyph_runs(100.0, (40.0, "AT1"), (65.0, "12"), (85.0, "7"), (100.0, "0"), (115.0, "19")))
    assert [p.text for p in line.phrases()] == ["AT1", "12", "7", "0", "19"]


def test_a_short_line_takes_the_page_space():
    """A line with one word gap cannot measure its space: the page's lines lend theirs. Here the
    page's type is set with 2 pt spaces, so a 6 pt gap is a column gap (2.6 spaces) even though
    it is narrower than the default space's phrase gap (2.6 x 2.5 pt)."""
    runs = glyph_runs(100.0, (40.0, "SAN BASSANO"), (98.0, "9"), space=2.0)
    runs += glyph_runs(130.0, (40.0, "ALER BS CR MN"), (200.0, "CREMONA"), space=2.0)
    first, second = group_lines(runs)
    assert first.space == pytest.approx(2.0) and second.space == pytest.approx(2.0)
    assert [p.text for p in first.phrases()] == ["SAN BASSANO", "9"]
    alone = group_lines(glyph_runs(100.0, (40.0, "SAN BASSANO"), (98.0, "9"), space=2.0))[0]
    assert alone.space is None and [p.text for p in alone.phrases()] == ["SAN BASSANO 9"]
