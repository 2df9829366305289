"""What a browser's print does to a table, on hand-made pages (a character is 5 pt wide, type 10 pt):
borders drawn cell by cell, rows moved whole to the next page."""
from __future__ import annotations

from stage_words import hrule, line, vrule

from pdfplans.extractors.catalog import header_vocabulary
from pdfplans.extractors.cells import join_cell_text
from pdfplans.extractors.locate import build_table, page_feet
from pdfplans.extractors.page import PageContent, Rule
from pdfplans.extractors.regions import find_regions
from pdfplans.extractors.rulings import join_rules

XS = (45, 105, 165, 225, 285, 345, 405)  # six columns of 60 pt: each cell's border is 1/6 of the row
HEADER = ((50, "ENTE"), (110, "COMUNE"), (170, "LIBERI"), (230, "CARENZA"), (290, "NUOVE"), (350, "TOTALE"))
ROWS = (("ALER", "CREMONA", "1", "2", "3", "6"), ("COMUNE", "SOSPIRO", "0", "1", "0", "1"),
        ("COMUNE", "PIEVE", "2", "0", "0", "2"))
TOPS = (80, 95, 110, 125)  # the header's top and each row's


def _pieces(y: float) -> list[Rule]:
    """One row border the way Chromium draws it: a rectangle per cell, each a hair longer."""
    return [Rule(a - 0.4, y, b + 0.4, y) for a, b in zip(XS, XS[1:])]


def test_touching_pieces_on_one_line_are_one_rule():
    joined = join_rules([*_pieces(93.0), Rule(45, 93.3, 60, 93.3), vrule(45, 80, 93), vrule(45, 93, 108)])
    assert joined == [hrule(93.0, 44.6, 405.4), vrule(45, 80, 108)]


def test_pieces_apart_or_on_other_lines_stay_apart():
    # a merged cell leaves its column's border out: the two sides are two rules, not one
    gap = [Rule(45, 93, 105, 93), Rule(165, 93, 405, 93), Rule(45, 108, 405, 108)]
    assert join_rules(gap) == gap


def _grid(rules: list[Rule]):
    pages = [[line(80, *HEADER)] + [line(top + 3, *zip((x + 5 for x in XS), row)) for top, row in zip(TOPS[1:], ROWS)]]
    return build_table(find_regions(pages, {1: rules}, header_vocabulary())[0][0])


def test_grid_drawn_cell_by_cell_gives_its_rows():
    verticals = [vrule(x, 78, 140) for x in XS]
    rules = join_rules(verticals + [r for y in (*(t - 2 for t in TOPS), 140) for r in _pieces(y)])
    table = _grid(rules)
    assert [[join_cell_text(c) for c in row] for row in table.rows] == [list(r) for r in ROWS]


def _split_pages():
    page1 = [
        line(80, (50, "ENTE PROPRIETARIO"), (210, "COMUNE"), (310, "N. ALLOGGI")),
        line(95, (50, "ALER"), (210, "CREMONA"), (310, "12")),
        line(107, (50, "COMUNE DI SOSPIRO"), (210, "SOSPIRO"), (310, "3")),
    ]
    # "ED UNITI" could not have fitted after "SOSPIRO": by the text alone, the rest of the row above
    page2 = [line(48, (50, "ED UNITI"), page=2), line(62, (50, "COMUNE DI PIEVE"), (210, "PIEVE"), (310, "4"), page=2)]
    return [page1, page2]


def _first_column(feet):
    table = build_table(find_regions(_split_pages(), {1: [], 2: []}, header_vocabulary())[0][0], feet=feet)
    return [join_cell_text(row[0]) for row in table.rows], table.joined_across_pages


def test_row_ending_at_the_foot_of_its_page_continues_on_the_next():
    assert _first_column({1: 120.0, 2: 120.0}) == (["ALER", "COMUNE DI SOSPIRO ED UNITI", "COMUNE DI PIEVE"], 1)


def test_row_ending_high_on_its_page_was_moved_whole_and_the_next_row_is_new():
    # the plan's text runs down to 780 on pages of this size: page 1 had room for many more lines
    assert _first_column({1: 780.0, 2: 780.0}) == (["ALER", "COMUNE DI SOSPIRO", "ED UNITI", "COMUNE DI PIEVE"], 0)


def test_the_foot_of_a_page_is_the_lowest_text_of_pages_of_its_size():
    portrait = [PageContent(n, 595, 842) for n in (1, 2)]
    landscape = PageContent(3, 842, 595)
    lines = [[line(700, (50, "testo"))], [line(770, (50, "testo"), page=2)], [line(500, (50, "testo"), page=3)]]
    assert page_feet([*portrait, landscape], lines) == {1: 780.0, 2: 780.0, 3: 510.0}


def test_a_title_line_right_above_the_next_tables_header_is_no_row_of_the_table_above():
    """reportlab's title row: centred over the next table, it starts in the gap between this
    table's columns and covers the last one whole, so it keeps to the columns; the header below
    it says whose it is."""
    title = "Tabella 10 - Servizi abitativi transitori (SAT)"
    lines = [line(80, (50, "Comune"), (250, "Quota %")), line(95, (50, "VOGHERA"), (255, "10%")),
             line(107, (50, "CASTEGGIO"), (255, "5%")), line(122, (150, title)),
             line(137, (50, "Ente proprietario"), (170, "Comune"), (300, "N. alloggi")),
             line(152, (50, "ALER"), (170, "VOGHERA"), (300, "1"))]
    regions, _ = find_regions([lines], {1: []}, header_vocabulary())
    assert [[ln.text for ln in r.body_lines] for r in regions] == [["VOGHERA 10%", "CASTEGGIO 5%"], ["ALER VOGHERA 1"]]
    assert regions[1].caption[-1].text == title
