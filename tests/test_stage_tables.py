"""Regions, columns and cells on hand-made pages (a character is 5 pt wide, type is 10 pt)."""
from __future__ import annotations

from stage_words import hrule, line, vrule, word

from pdfplans.extractors.catalog import header_vocabulary
from pdfplans.extractors.cells import cell_from_words, join_cell_text
from pdfplans.extractors.columns import find_columns, text_columns
from pdfplans.extractors.grid import widen, words_by_column
from pdfplans.extractors.locate import build_table
from pdfplans.extractors.regions import find_regions
from pdfplans.extractors.rows import OCCUPANCY, RULES

PROSE = "Il piano prevede le seguenti unità abitative disponibili"
HEADER = ((50, "ENTE PROPRIETARIO"), (210, "COMUNE"), (310, "N. ALLOGGI"))


def _pages(ruled: bool = False):
    page1 = [
        line(50, (50, PROSE)),
        line(80, *HEADER),
        line(95, (50, "ALER"), (210, "CREMONA"), (310, "12")),
        line(107, (50, "COMUNE DI SOSPIRO"), (210, "SOSPIRO"), (310, "3")),
    ]
    page2 = [line(60, (50, "COMUNE DI PIEVE"), (210, "PIEVE"), (310, "4"), page=2), line(120, (50, PROSE), page=2)]
    rules: dict[int, list] = {1: [], 2: []}
    if ruled:
        rules[1] = [vrule(x, 77, 120) for x in (45, 205, 305, 370)] + [hrule(y, 45, 370) for y in (77, 93, 105, 120)]
    return [page1, page2], rules


def test_region_spans_two_pages_and_leaves_the_prose():
    pages, rules = _pages()
    regions, narrative = find_regions(pages, rules, header_vocabulary())
    assert len(regions) == 1
    region = regions[0]
    assert [ln.text for ln in region.header_lines] == ["ENTE PROPRIETARIO COMUNE N. ALLOGGI"]
    assert [(s.page, len(s.lines)) for s in region.segments] == [(1, 2), (2, 1)]
    assert [ln.text for ln in region.caption] == [PROSE]
    assert [(ln.page, ln.text) for ln in narrative] == [(1, PROSE), (2, PROSE)]


def test_no_rules_columns_from_the_gaps_and_rows_from_the_text():
    pages, rules = _pages()
    table = build_table(find_regions(pages, rules, header_vocabulary())[0][0])
    assert table.layout is not None and not table.layout.ruled
    assert len(table.columns) == 3
    assert table.header == ["ENTE PROPRIETARIO", "COMUNE", "N. ALLOGGI"]
    assert [[join_cell_text(c) for c in row] for row in table.rows] == [
        ["ALER", "CREMONA", "12"], ["COMUNE DI SOSPIRO", "SOSPIRO", "3"], ["COMUNE DI PIEVE", "PIEVE", "4"],
    ]
    assert [s.strategy for s in table.segmentations] == [OCCUPANCY, OCCUPANCY]
    assert table.layout.single_line == {2}
    assert table.joined_across_pages == 0


def test_rules_only_columns_and_rows_from_the_grid():
    pages, rules = _pages(ruled=True)
    region = find_regions(pages, rules, header_vocabulary())[0][0]
    layout = find_columns(region)
    assert layout.ruled and layout.columns == [(45, 205), (205, 305), (305, 370)]
    table = build_table(region)
    assert table.ruled and table.segmentations[0].strategy == RULES
    assert len(table.rows) == 3


def test_broken_word_joined_only_when_the_fragment_filled_the_line():
    # "CASALBUTTA" reaches the column's right edge (100): the cell broke the word "CASALBUTTANO"
    cell = cell_from_words([word("CASALBUTTA", 50, 100), word("NO", 50, 112)], right_edge=100)
    assert cell is not None and cell.joins == (0,)
    assert join_cell_text(cell) == "CASALBUTTANO"
    assert join_cell_text(cell, rejoin=False) == "CASALBUTTA NO"
    short = cell_from_words([word("PIEVE", 50, 100), word("SG", 50, 112)], right_edge=100)
    assert short is not None and short.joins == () and join_cell_text(short) == "PIEVE SG"


def test_row_cut_by_the_page_break_joined_again():
    # "SOSPIRO" ends at 135, the farthest the first column reaches: "ED" could not have fitted after it
    pages, rules = _pages()
    pages[1].insert(0, line(48, (50, "ED UNITI"), page=2))
    pages[1][1] = line(62, (50, "COMUNE DI PIEVE"), (210, "PIEVE"), (310, "4"), page=2)
    table = build_table(find_regions(pages, rules, header_vocabulary())[0][0])
    assert [join_cell_text(row[0]) for row in table.rows] == ["ALER", "COMUNE DI SOSPIRO ED UNITI", "COMUNE DI PIEVE"]
    assert table.rows[1][0] is not None and table.rows[1][0].page == 1
    assert table.joined_across_pages == 1


def _headerless(above: str):
    """Prose, then ``above`` right over a group label "AT 1" and a headerless two-column table
    (lines 12 pt apart: 2 pt of white, less than a label's gap)."""
    page = [
        line(38, (50, PROSE)),
        line(50, (50, above)),
        line(62, (50, "AT 1")),
        line(74, (50, "BORDOLANO"), (210, "570")),
        line(86, (50, "CASTELVERDE"), (210, "5.583")),
    ]
    return find_regions([page], {1: []}, header_vocabulary())


def test_a_group_label_keeps_to_the_first_column_and_the_prose_over_it_stays_prose():
    regions, narrative = _headerless("della popolazione è così dislocata:")  # 50-225: over the figures at 210
    assert [ln.text for ln in regions[0].body_lines][:2] == ["AT 1", "BORDOLANO 570"]
    assert [ln.text for ln in regions[0].caption][-1] == "della popolazione è così dislocata:"
    assert "della popolazione è così dislocata:" in [ln.text for ln in narrative]



def _reset_rows():
    """Rows of names, dates (x 210) and counts (x 310); in the last a renderer set the name and the
    date as one string, one word space apart: the date starts at 190, across the dates' start."""
    names = ["COMUNE DI SOSPIRO", "COMUNE DI PIEVE", "ALER", "COMUNE DI VOLONGO", "COMUNE DI ANNICCO"]
    rows = [line(95 + 12 * i, (50, name), (210, "02-11-2022"), (310, str(i))) for i, name in enumerate(names)]
    return rows + [line(155, (50, "COMUNE DI PESSINA CREMONESE 02-11-2022"), (310, "7"))]


def test_a_value_moved_across_its_column_start_keeps_the_column():
    rows = _reset_rows()
    columns = text_columns([], rows)
    assert len(columns) == 3
    assert 185 < columns[1][0] < 210  # the dates' column starts just left of where five lines start it
    last = words_by_column(rows[-1], widen(columns, 50, 320))
    assert [[w.text for w in last[c]] for c in sorted(last)] == [["COMUNE", "DI", "PESSINA", "CREMONESE"], ["02-11-2022"], ["7"]]


def test_a_row_with_a_value_moved_across_its_column_start_stays_in_the_table():
    page = [line(50, (50, PROSE)), line(80, (50, "ENTE PROPRIETARIO"), (210, "DATA RICEZIONE"), (310, "N. ALLOGGI"))]
    regions, _ = find_regions([page + _reset_rows()], {1: []}, header_vocabulary())
    table = build_table(regions[0])
    assert [[join_cell_text(c) for c in row] for row in table.rows][-2:] == [
        ["COMUNE DI ANNICCO", "02-11-2022", "4"], ["COMUNE DI PESSINA CREMONESE", "02-11-2022", "7"],
    ]


def test_a_header_just_left_of_its_figures_starts_no_column_of_its_own():
    """A header a little wider than its column's figures, its first letters left of where every row
    starts the column (Allegato A's last header clipped by the page's edge: "Fu" over "0"), widens
    the column: no sliver of a column between the header's edge and the figures' start."""
    rows = [line(95 + 12 * i, (50, name), (310, str(i))) for i, name in enumerate(["SOSPIRO", "PIEVE", "ALER", "VOLONGO"])]
    header = [line(80, (50, "ENTE"), (306, "Fu"))]
    columns = text_columns(header, rows)
    assert len(columns) == 2, columns
    assert columns[1][0] == 306  # the header's edge
