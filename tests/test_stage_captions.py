"""Captions on hand-made pages (a character is 5 pt wide, type is 10 pt): the narrative lines a
table takes as its caption are those above it on its own page (the page before only when the
table opens its page), and a title line of its own set apart from the prose outranks the
narrative above it."""
from __future__ import annotations

from stage_words import line
from test_stage_tables import HEADER

from pdfplans.extractors.catalog import SPECS_BY_ID, header_vocabulary
from pdfplans.extractors.classify import classify, score
from pdfplans.extractors.locate import build_table
from pdfplans.extractors.regions import find_regions

VOCABULARY = header_vocabulary()
NUOVA = "d) Unità di nuova edificazione"  # d's caption, as the end of a page of prose
PROSE = "Le unità abitative del piano sono le seguenti"  # names no table
TITLE = "ALLOGGI IN CARENZA MANUTENTIVA ASSEGNABILI NELLO STATO DI FATTO"  # b's words


def _plan(page1: list[str], above: list[str], title: str = ""):
    """Prose ``page1`` filling page 1; page 2: the prose lines ``above``, then ``title`` (a line
    of its own, a paragraph's white below the prose) if any, then a three-column table."""
    first = [line(50 + 12 * i, (50, text)) for i, text in enumerate(page1)]
    top = 50 + 12 * len(above)
    second = [line(50 + 12 * i, (50, text), page=2) for i, text in enumerate(above)]
    if title:
        second.append(line(top + 10, (50, title), page=2))
        top += 30
    second += [
        line(top, *HEADER, page=2),
        line(top + 15, (50, "ALER"), (210, "CREMONA"), (310, "12"), page=2),
        line(top + 27, (50, "COMUNE DI SOSPIRO"), (210, "SOSPIRO"), (310, "3"), page=2),
    ]
    regions, _ = find_regions([first, second], {1: [], 2: []}, VOCABULARY)
    assert len(regions) == 1
    return build_table(regions[0])


def test_the_end_of_the_page_before_is_no_caption_of_a_table_with_prose_above_it():
    table = _plan([PROSE, NUOVA], [PROSE])
    assert [(ln.page, ln.text) for ln in table.caption] == [(2, PROSE)]
    assert score(SPECS_BY_ID["d_nuova_edificazione"], table).caption == 0.0
    assert "d_nuova_edificazione" not in [m.spec.id for m in classify([table])]


def test_a_table_opening_its_page_takes_the_caption_the_break_parted_from_it():
    table = _plan([PROSE, NUOVA], [])
    assert [(ln.page, ln.text) for ln in table.caption] == [(1, PROSE), (1, NUOVA)]
    assert [m.spec.id for m in classify([table])] == ["d_nuova_edificazione"]


def test_a_caption_cut_by_the_break_is_read_across_it():
    """The caption's first line ends page 1 unfinished, its last line opens page 2 above the table:
    both are the caption (a browser's page break fell inside it)."""
    table = _plan([PROSE + ".", "d) Unità di nuova edificazione previste"], ["nel corso dell'anno"])
    assert [(ln.page, ln.text) for ln in table.caption] == [
        (1, PROSE + "."), (1, "d) Unità di nuova edificazione previste"), (2, "nel corso dell'anno")]
    assert [m.spec.id for m in classify([table])] == ["d_nuova_edificazione"]


def test_a_finished_sentence_ends_the_caption_at_the_break():
    """Page 2 opens with a sentence of its own (a capital after a full stop): page 1 is no caption."""
    table = _plan([PROSE, NUOVA + "."], ["Nel corso dell'anno"])
    assert [(ln.page, ln.text) for ln in table.caption] == [(2, "Nel corso dell'anno")]
    assert "d_nuova_edificazione" not in [m.spec.id for m in classify([table])]


def test_a_title_opening_the_page_is_the_caption_not_the_page_before():
    """Allegato A's case: its title line opens its page, the page before ends with prose that
    names another table."""
    table = _plan([PROSE, NUOVA], [], TITLE)
    assert [(ln.page, ln.text) for ln in table.caption] == [(2, TITLE)]
    assert score(SPECS_BY_ID["d_nuova_edificazione"], table).caption == 0.0
    assert [m.spec.id for m in classify([table])] == ["b_carenza_manutentiva"]


def test_a_title_set_apart_outranks_the_narrative_just_above():
    table = _plan([PROSE], [PROSE, NUOVA], TITLE)
    assert [ln.text for ln in table.caption] == [PROSE, NUOVA, TITLE]
    assert score(SPECS_BY_ID["d_nuova_edificazione"], table).caption == 0.0
    assert score(SPECS_BY_ID["b_carenza_manutentiva"], table).caption == 1.0
    assert [m.spec.id for m in classify([table])] == ["b_carenza_manutentiva"]


def test_a_caption_of_two_lines_is_read_whole():
    """The nearest line of a caption paragraph names no table: the line above it still counts."""
    table = _plan([PROSE], [PROSE, NUOVA, "previste nel piano"])
    assert score(SPECS_BY_ID["d_nuova_edificazione"], table).caption == 1.0 - 0.12
    assert [m.spec.id for m in classify([table])] == ["d_nuova_edificazione"]


G_HEADER = ((50, "ENTE"), (130, "COMUNE"), (210, "LIBERI"), (270, "RISTRUTTURAZIONE"), (370, "CARENZA MANUTENTIVA"),
            (480, "TOTALE"))


def test_a_caption_naming_the_parts_of_g_is_read_whole_however_it_wraps():
    """Mantova's case in a narrower type area: the sentence naming the parts of g wraps so that its
    last line, nearest the table, names f alone; its paragraph still names the parts of g."""
    above = ["Le unità complessivamente disponibili sono quelle in carenza manutentiva, da",
             "ristrutturazione, di nuova edificazione, libere e che si libereranno per turnover e",
             "conferite da privati, descritte ai punti seguenti:"]
    lines = [line(50 + 12 * i, (50, text)) for i, text in enumerate(above)]
    lines += [line(100, *G_HEADER), line(115, (50, "ALER"), (130, "CREMONA"), (210, "1"), (270, "2"), (370, "0"), (480, "3")),
              line(127, (50, "COMUNE"), (130, "SOSPIRO"), (210, "0"), (270, "1"), (370, "0"), (480, "1"))]
    regions, _ = find_regions([lines], {1: []}, VOCABULARY)
    table = build_table(regions[0])
    assert table.caption[-1].text == above[-1]
    assert score(SPECS_BY_ID["f_conferite_privati"], table).caption == 0.0
    assert score(SPECS_BY_ID["g_assegnabili"], table).caption == 1.0
    assert [m.spec.id for m in classify([table])] == ["g_assegnabili"]
