"""Layouts of other offices' templates, on hand-made lines: a borderless header whose words wrap over
narrow columns of figures, and a caption at the top of a page that opens the next table."""
from __future__ import annotations

from stage_words import hrule, line, vrule

from pdfplans.extractors.catalog import header_vocabulary
from pdfplans.extractors.locate import build_table
from pdfplans.extractors.regions import find_regions

VOCABULARY = header_vocabulary()


def test_a_wrapped_heading_over_a_narrow_column_stays_in_its_column():
    # no rules: the columns come from the figures ("1" at 230, "2" at 290); the middle of their gap
    # (262) would cut "Comune di" (230-275) and give "di" to the next column
    x = (50, 230, 290, 350)
    page = [line(50, (50, "Numero complessivo delle unità abitative assegnabili:")),
            line(80, *zip(x, ("Ente proprietario", "Comune di", "ALER", "TOTALE"))),
            line(106, *zip(x, ("Alloggi liberi", "1", "2", "3"))),
            line(120, *zip(x, ("Totale", "1", "2", "3")))]
    table = build_table(find_regions([page], {1: []}, VOCABULARY)[0][0])
    assert table.header == ["Ente proprietario", "Comune di", "ALER", "TOTALE"]


def test_a_caption_at_the_top_of_a_page_opens_the_next_table():
    header = ((50, "Ente proprietario"), (210, "Comune"), (330, "N. alloggi"))
    page1 = [line(50, (50, "Tabella 5 – Unità oggetto di ristrutturazione e recupero")), line(80, *header),
             line(95, (50, "Comune"), (210, "VOGHERA"), (330, "2")),
             line(107, (50, "ALER Pavia Lodi"), (210, "CASEI GEROLA"), (330, "1"))]
    page2 = [line(60, (50, "Tabella 6 – Unità già libere"), page=2),
             line(80, (50, "Ente proprietario"), (210, "Comune"), (330, "Codice alloggio"), page=2),
             line(95, (50, "Comune"), (210, "VOGHERA"), (330, "18201177"), page=2)]
    regions, _narrative = find_regions([page1, page2], {1: [], 2: []}, VOCABULARY)
    assert len(regions) == 2
    first, second = regions
    assert [s.page for s in first.segments if s.lines] == [1]  # the caption is no row of table 5
    assert [ln.text for ln in second.caption] == ["Tabella 6 – Unità già libere"]


def _cell_by_cell_grid(xs: tuple[float, ...], ys: tuple[float, ...]):
    """A grid drawn the browser's way: every border a segment of one cell."""
    rules = [hrule(y, a, b) for y in ys for a, b in zip(xs, xs[1:])]
    rules += [vrule(x, a, b) for x in xs for a, b in zip(ys, ys[1:])]
    return rules


def test_a_grid_drawn_cell_by_cell_closes_its_header_and_ends_with_its_last_rule():
    # a header row whose rule is drawn in two pieces, and a dated line right below the grid
    page = [line(50, (50, "Unità abitative assegnate nell'anno precedente:")),
            line(80, (52, "Ente proprietario"), (212, "N. unità assegnate")),
            line(95, (52, "Comune di Vimercate"), (212, "5")),
            line(107, (52, "ALER VA-CO-MB-BA"), (212, "14")),
            line(121, (52, "Vimercate, 15 dicembre 2022"))]
    rules = {1: _cell_by_cell_grid((48, 205, 330), (77, 92, 104, 117))}
    regions, narrative = find_regions([page], rules, VOCABULARY)
    [region] = regions
    assert [ln.text for ln in region.header_lines] == ["Ente proprietario N. unità assegnate"]
    assert [ln.text for s in region.segments for ln in s.lines] == ["Comune di Vimercate 5", "ALER VA-CO-MB-BA 14"]
    assert narrative[-1].text == "Vimercate, 15 dicembre 2022"


def test_a_figure_with_a_note_still_opens_a_row():
    # k without rules: "6 (di cui 2 per mobilità)" makes the units column no single-line one, and no
    # name would have fitted after the longest; a figure at the start of every cell still opens a row
    from pdfplans.extractors.rows import rows_by_occupancy

    lines = [line(100, (50, "Comune di Sondrio"), (210, "6 (di cui 2 per mobilità)")),
             line(112, (50, "Comune di Chiuro"), (210, "1")),
             line(124, (50, "ALER BG-LC-SO"), (210, "11"))]
    bands = rows_by_occupancy(lines, [(40.0, 200.0), (200.0, 400.0)], set(), gap_limit=30.0)
    assert [[ln.text for ln in band.lines] for band in bands] == [
        ["Comune di Sondrio 6 (di cui 2 per mobilità)"], ["Comune di Chiuro 1"], ["ALER BG-LC-SO 11"]]
