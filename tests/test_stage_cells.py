"""Words into the cells of ruled columns (a character is 5 pt wide, type is 10 pt): by where their
middle is, except a word pushed back across the start of its column by a renderer that set the
line as one string in wider type (pdftohtml's text printed by a browser), and on such a line a
value one word space after a text, which belongs to the empty column after it."""
from __future__ import annotations

from stage_words import line

from pdfplans.extractors.cells import cells_of
from pdfplans.extractors.grid import words_by_column


def _texts(ln, columns):
    return [c.text if c else None for c in cells_of([ln], columns, [None] * len(columns))]


def test_a_word_crossing_back_over_its_columns_start_after_a_word_of_the_column_before_is_in_its_column():
    # CASTELVERDE 52-107, "4" 112-117 with its middle (114.5) left of the rule at 115.5
    row = line(100, (52, "CASTELVERDE 4"), (175, "3"))
    columns = [(50.0, 115.5), (115.5, 170.0), (170.0, 220.0)]
    assert _texts(row, columns) == ["CASTELVERDE", "4", "3"]
    assert {c: [w.text for w in ws] for c, ws in words_by_column(row, columns).items()} == {0: ["CASTELVERDE"], 1: ["4"], 2: ["3"]}


def test_a_cells_first_word_overflowing_into_the_next_column_stays_in_its_own():
    # the date starts its cell (80) and runs over the next rule (120): it overflowed, it was not pushed
    row = line(100, (50, "ALER"), (80, "17-10-2022"), (135, "12:14"))
    columns = [(45.0, 78.0), (78.0, 120.0), (120.0, 170.0)]
    assert _texts(row, columns) == ["ALER", "17-10-2022", "12:14"]


def test_a_word_left_of_the_rule_by_its_middle_and_alone_in_its_cell_stays():
    # no word of the column before on the line: nothing was pushed
    row = line(100, (112, "4"))
    assert _texts(row, [(50.0, 115.5), (115.5, 170.0)]) == ["4", None]


def test_a_value_after_a_text_on_a_line_set_as_one_string_goes_to_the_empty_next_column():
    columns = [(40.0, 108.0), (108.0, 240.0), (240.0, 300.0), (300.0, 360.0)]
    # one string from 50: CASALMAGG. 50-100, "3" 105-110 across the rule at 108, then the liberi
    # cell "3 + 2 da turn over" to 195 and, one word space on, the next column's "2" (200-205)
    row = line(100, (50, "CASALMAGG. 3 + 2 da turn over 2"), (310, "7"))
    assert _texts(row, columns) == ["CASALMAGG.", "3 + 2 da turn over", "2", "7"]
    # "7" one word space after the name, ending half a size short of the next column's start
    row = line(100, (50, "CASALMAGG."), (155, "ISOLA DOVARESE 7"), (310, "8"))
    assert _texts(row, columns) == ["CASALMAGG.", "ISOLA DOVARESE", "7", "8"]
    # set cell by cell (nothing crossed a rule), the figure far from the next column: the cell's own
    row = line(100, (50, "CASALMAGG."), (113, "3 + 2 da turn over 2"), (310, "7"))
    assert _texts(row, columns) == ["CASALMAGG.", "3 + 2 da turn over 2", None, "7"]
