"""Stage characters → glyph runs (extractors/runs.py): glyphs that touch make a run; a glyph the
text layer misplaced (off the page, or a box three times its type size, as Chromium writes the
letters of a ligature) is put back where the text order puts it."""
from __future__ import annotations

from pdfplans.extractors.runs import RunBuilder
from pdfplans.extractors.settings import DEFAULT_SETTINGS

SIZE, CHAR, TOP = 10.0, 5.0, 100.0
OFF_PAGE = (1000.0, 1327.0, 1009.5, 1356.0)  # the coordinates before the page's transformation
TALL = (300.0, 500.0, 312.0, 532.0)  # on the page, but 32 pt tall in 10 pt type


def build(items: list[tuple[str, tuple[float, float, float, float] | None]]) -> list[str]:
    """Characters in text order: a space (None) or a glyph with its box."""
    builder = RunBuilder(1, 595.0, 842.0, DEFAULT_SETTINGS, lambda _i: SIZE, lambda _i: False)
    for index, (text, box) in enumerate(items):
        if box is None:
            builder.space()
        else:
            builder.glyph(text, box, index)
    return [w.text for w in builder.finish()]


def at(text: str, x: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    return [(c, (x + i * CHAR, TOP, x + (i + 1) * CHAR, TOP + SIZE)) for i, c in enumerate(text)]


def test_touching_glyphs_make_a_run_and_a_gap_ends_it():
    assert build(at("COMUNE", 10) + at("CREMONA", 10 + 6 * CHAR + 2.5)) == ["COMUNE", "CREMONA"]


def test_a_ligature_off_the_page_inside_a_word():
    """"bene" "fi" "ciari": the word goes on after the gap the ligature leaves."""
    items = at("bene", 10) + [("f", OFF_PAGE), ("i", OFF_PAGE)] + at("ciari", 10 + 4 * CHAR + 5.3)
    assert build(items) == ["beneficiari"]


def test_a_ligature_starting_or_ending_a_word():
    starts = at("percentuale", 10) + [(" ", None), ("f", OFF_PAGE), ("i", OFF_PAGE)] + at("no", 10 + 11 * CHAR + 8)
    assert build(starts) == ["percentuale", "fino"]
    ends = at("Ma", 10) + [("f", TALL), ("f", TALL), ("i", TALL), (" ", None)] + at("16", 10 + 2 * CHAR + 11)
    assert build(ends) == ["Maffi", "16"]


def test_bigger_type_is_not_misplaced():
    """A heading in 32 pt after 10 pt text: tall boxes, but as tall as their own size says."""
    builder = RunBuilder(1, 595.0, 842.0, DEFAULT_SETTINGS, lambda i: 32.0 if i >= 4 else SIZE, lambda _i: False)
    for index, (text, box) in enumerate(at("body", 10)):
        builder.glyph(text, box, index)
    for index, c in enumerate("TITOLO", start=4):
        builder.glyph(c, (10 + (index - 4) * 16.0, 150.0, 26 + (index - 4) * 16.0, 182.0), index)
    assert [w.text for w in builder.finish()] == ["body", "TITOLO"]


def test_text_laid_out_off_the_page_is_dropped():
    items = at("SAP", 10) + [(c, OFF_PAGE) for c in "hidden"] + at("SAS", 100)
    assert build(items) == ["SAP", "SAS"]
