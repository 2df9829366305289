"""Row segmentation, one strategy at a time, on hand-made lines (positions worked out by hand:
a character is 5 pt wide, type is 10 pt)."""
from __future__ import annotations

from stage_words import hrule, line

from pdfplans.extractors.rows import (
    OCCUPANCY,
    RULES,
    continues_on_next_page,
    continues_record,
    merged_groups,
    rows_by_occupancy,
    rows_by_rules,
    segment_rows,
    split_stacked,
)
from pdfplans.model import Cell

NAME_NOTE = [(40.0, 200.0), (200.0, 400.0)]  # two text columns
NAME_VALUE = [(40.0, 200.0), (200.0, 260.0)]  # a name and a single-line value column


def texts(bands):
    return [[ln.text for ln in band.lines] for band in bands]


def test_rules_cut_rows_between_them():
    lines = [line(100, (50, "ALER")), line(115, (50, "CREMONA")), line(121, (50, "SOSPIRO"))]
    bands = rows_by_rules(lines, [110.0, 135.0])
    assert texts(bands) == [["ALER"], ["CREMONA", "SOSPIRO"]]
    assert (bands[1].top, bands[1].bottom) == (110.0, 135.0)


def test_wrapped_cell_stays_in_its_row():
    # "tutti" ends at 330, the farthest the note column reaches: the line was full, "gli" wrapped
    lines = [
        line(100, (50, "CREMONA"), (210, "alloggi liberi per tutti")),
        line(112, (210, "gli")),
        line(124, (50, "SOSPIRO"), (210, "nessuna")),
    ]
    bands = rows_by_occupancy(lines, NAME_NOTE, set(), gap_limit=16)
    assert texts(bands) == [["CREMONA alloggi liberi per tutti", "gli"], ["SOSPIRO nessuna"]]


def test_a_word_that_would_have_fitted_starts_a_row():
    # "gli" (15 pt) would have fitted after "liberi" (ends at 280; the column reaches 330): no wrap
    lines = [
        line(100, (210, "alloggi liberi")),
        line(112, (210, "alloggi liberi per tutti")),
        line(124, (210, "gli")),
    ]
    bands = rows_by_occupancy(lines, NAME_NOTE, set(), gap_limit=16)
    assert texts(bands) == [["alloggi liberi"], ["alloggi liberi per tutti", "gli"]]


def test_a_word_that_would_only_just_have_fitted_does_not_start_a_row():
    # "per" would have ended at 328, short of the column's 330 by less than 5% of its 120 pt: type
    # set again in another font ends lines that far off, so the line may as well have wrapped
    lines = [
        line(100, (210, "alloggi liberi per tutti")),
        line(112, (210, "nuovi alloggi sfitti")),
        line(124, (210, "per")),
    ]
    bands = rows_by_occupancy(lines, NAME_NOTE, set(), gap_limit=16)
    assert texts(bands) == [["alloggi liberi per tutti", "nuovi alloggi sfitti", "per"]]


def test_second_value_in_a_single_line_column_starts_a_row():
    lines = [line(100, (50, "ALER"), (210, "5")), line(112, (50, "BRESCIA"), (210, "7"))]
    bands = rows_by_occupancy(lines, NAME_VALUE, {1}, gap_limit=16)
    assert texts(bands) == [["ALER 5"], ["BRESCIA 7"]]


def test_a_sum_left_open_goes_on_in_the_same_cell():
    """A narrow column wrapped "1 + 5 da turnover" after the "+": the 5 is the rest of the cell, not
    a second value; a dash alone is a cell of its own, and the figure under it starts a row."""
    lines = [line(100, (50, "CREMONA"), (210, "1 +")), line(112, (210, "5da")), line(124, (50, "SOSPIRO"), (210, "2"))]
    bands = rows_by_occupancy(lines, NAME_VALUE, {1}, gap_limit=16)
    assert texts(bands) == [["CREMONA 1 +", "5da"], ["SOSPIRO 2"]]
    dashes = [line(100, (50, "CREMONA"), (210, "-")), line(112, (210, "2"))]
    assert texts(rows_by_occupancy(dashes, NAME_VALUE, {1}, gap_limit=16)) == [["CREMONA -"], ["2"]]


def test_horizontal_rule_ends_a_row_that_would_have_wrapped():
    lines = [line(100, (50, "CREMONA"), (210, "alloggi liberi per tutti")), line(112, (210, "gli"))]
    assert len(rows_by_occupancy(lines, NAME_NOTE, set(), gap_limit=16)) == 1
    assert len(rows_by_occupancy(lines, NAME_NOTE, set(), gap_limit=16, rules_at=[111.0])) == 2


def test_a_gap_ends_a_row():
    lines = [line(100, (50, "CREMONA"), (210, "alloggi liberi per tutti")), line(140, (210, "gli"))]
    assert len(rows_by_occupancy(lines, NAME_NOTE, set(), gap_limit=16)) == 2


def test_merged_first_column_group():
    # rows at 100, 120, 140; the rule at 120 is drawn only across the second column
    lines = [line(102, (50, "ALER"), (210, "3")), line(122, (210, "4")), line(142, (50, "COMUNE"), (210, "5"))]
    rules = [hrule(100, 40, 260), hrule(120, 200, 260), hrule(140, 40, 260), hrule(160, 40, 260)]
    bands = rows_by_rules(lines, [100.0, 120.0, 140.0, 160.0])
    assert merged_groups(bands, NAME_VALUE, rules) == {0: [[0, 1]]}


def test_segment_rows_names_its_strategy():
    lines = [line(102, (50, "ALER"), (210, "3")), line(122, (50, "COMUNE"), (210, "4"))]
    ruled = segment_rows(lines, NAME_VALUE, True, [hrule(120, 40, 260)], [120.0], {1}, [None, None])
    unruled = segment_rows(lines, NAME_VALUE, False, [], [], {1}, [90.0, 215.0])
    assert (ruled.strategy, len(ruled.bands)) == (RULES, 2)
    assert (unruled.strategy, len(unruled.bands)) == (OCCUPANCY, 2)


def test_row_continued_on_the_next_page():
    # "CASALMAGGIORE DI" ends at 130, 5 pt short of the farthest the column's text goes (135):
    # "SOTTO" (25 pt) could not have fitted after it, so it wrapped
    before = [line(700, (50, "CASALMAGGIORE DI"), (210, "3"))]
    rest = [line(60, (50, "SOTTO"), page=2)]
    next_row = [line(60, (50, "PIEVE"), (210, "4"), page=2)]
    edges = [135.0, 215.0]
    assert continues_on_next_page(before, rest, NAME_VALUE, {1}, edges)
    assert not continues_on_next_page(before, next_row, NAME_VALUE, {1}, edges)


def test_row_continued_unless_the_word_would_have_fitted():
    before = [line(700, (50, "CREMA"), (210, "3"))]  # ends at 75: "SOTTO" would have fitted before 135
    rest = [line(60, (50, "SOTTO"), page=2)]
    assert not continues_on_next_page(before, rest, NAME_VALUE, {1}, [135.0, 215.0])


def _cell(text: str) -> Cell:
    return Cell(text, 3, (50.0, 100.0, 150.0, 100.0 + 12 * (text.count("\n") + 1)))


def test_stacked_rows_split_line_by_line():
    cells = {"comune": _cell("CASTELVERDE\nPOZZAGLIO ED UNITI"), "unita": _cell("2\n3")}
    split = split_stacked(cells, "comune", lambda: False, lambda name: True)
    assert split is not None
    assert [(r["comune"].text, r["unita"].text) for r in split] == [("CASTELVERDE", "2"), ("POZZAGLIO ED UNITI", "3")]
    assert split[1]["comune"].bbox[1] == 112.0


def test_stacked_rows_kept_when_they_read_as_one():
    cells = {"comune": _cell("CASTELVERDE\nPOZZAGLIO ED UNITI"), "unita": _cell("2\n3")}
    assert split_stacked(cells, "comune", lambda: True, lambda name: True) is None  # one name on two lines
    assert split_stacked(cells, "comune", lambda: False, lambda name: name != "CASTELVERDE") is None
    uneven = {"comune": cells["comune"], "unita": _cell("5")}
    assert split_stacked(uneven, "comune", lambda: False, lambda name: True) is None


def test_record_continued_by_wrapped_text_or_a_cut_value():
    kinds = {"misura": "text", "finalita": "text", "fondo_eur": "euro"}
    assert continues_record({"finalita": "e DGR 2022"}, kinds, "misura", False, new_page=False)
    assert not continues_record({"misura": "Morosità", "finalita": "x"}, kinds, "misura", False, new_page=False)
    assert continues_record({"fondo_eur": "6491/2022)"}, kinds, "misura", False, new_page=True)
    assert not continues_record({"fondo_eur": "479.888,99 €"}, kinds, "misura", False, new_page=True)
    assert not continues_record({"fondo_eur": "6491/2022)"}, kinds, "misura", False, new_page=False)
