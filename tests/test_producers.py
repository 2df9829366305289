"""Every text sample printed to PDF again by other producers gives the sample's expected tables.

The re-prints are made at test time by the project's own builder (samples/build/producers.py):
Ghostscript's pdfwrite (font size 1 nowhere, but its own font weights and ligatures written
byte-swapped), poppler's pdftocairo (font size 1 with the real size in the text matrix) and mupdf's
clean with sanitised content streams. Their tables are compared cell by cell with the original
sample's transcription (samples/expected/...).

Chromium prints every text sample too: ``html`` (the plan as a web page with real tables) draws
every cell border as its own short rectangle, moves a row that does not fit whole to the next page
under a repeated ``thead`` (a misure row of cremonese_2022; j's caption cut by a page break there),
puts Allegato A on a landscape page, sets names as wide as their column in its own column widths
(oglio_po_2023) and splits lodi_2023's tables of horizontal rules between rows;
``chromium`` (the PDF turned into HTML by pdftohtml, then printed) leaves the rules only as each
page's background picture and sets the text again in the browser's own type.
"""
from __future__ import annotations

import sys

import pytest
from expected import SAMPLES, differences, expected_name, expected_tables, load_expected

from pdfplans import read_plan

sys.path.insert(0, str(SAMPLES / "build"))
from producers import PRODUCERS, RENDERINGS, TEXT_SAMPLES  # noqa: E402

FAST = {"gs": "gs", "cairo": "pdftocairo", "mutool": "mutool"}  # producer -> its tool, which the plain setup installs: a missing one fails, never skips
# known misreadings, named so that they are seen (strict: a fix makes the test say so)
KNOWN: dict[tuple[str, str], str] = {
}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return tmp_path_factory.mktemp("producers")


@pytest.mark.parametrize("producer", list(FAST))
@pytest.mark.parametrize("sample", TEXT_SAMPLES + RENDERINGS)
def test_reprinted_sample_gives_its_tables(corpus, request, sample, producer):
    if (sample, producer) in KNOWN:
        request.applymarker(pytest.mark.xfail(reason=KNOWN[sample, producer], strict=True))
    _assert_expected_tables(PRODUCERS[producer](SAMPLES / f"{sample}.pdf", corpus / f"{sample}__{producer}.pdf"), sample)


@pytest.mark.parametrize("sample", TEXT_SAMPLES)
def test_plan_printed_by_the_browser_gives_its_tables(corpus, sample):
    _assert_expected_tables(PRODUCERS["html"](SAMPLES / f"{sample}.pdf", corpus / f"{sample}__html.pdf"), sample)


# what pdftohtml's page, printed again by the browser, puts to the test in some samples (every sample
# is printed so): each page one background picture of the rules under absolutely placed text in the
# browser's own type
REDRAWN = {
    "cremonese_2023": "ruled grid only as a picture; merged cells and Allegato A's grid read from its pixels",
    "lodi_2023": "horizontal rules only, as a picture; named sections; rows as single strings wider in the browser's type",
    "cremonese_2023_borderless": "no rules; a name and the value after it one string, the value moved across its column's start",
    "cremonese_2023_reportlab": "no rules; a date pulled back across its column's start; a cell's lines ending a few percent off the plan's",
    "oglio_po_2023": "grid as a picture; a row's cells one string, a value one word space after a wide text, in the column before its own",
    "vimercate_2023_borderless": "no rules, read down; a label and its figure one string, the figure short of its column",
}


@pytest.mark.parametrize("sample", TEXT_SAMPLES + RENDERINGS)
def test_page_redrawn_by_the_browser_gives_its_tables(corpus, sample):
    _assert_expected_tables(PRODUCERS["chromium"](SAMPLES / f"{sample}.pdf", corpus / f"{sample}__chromium.pdf"), sample)


def _planted(name):
    """(rule, ente, field) of the discrepancies planted in the plan, as its check tests pin them."""
    from test_checks_sample import EXPECTED_ERRORS
    from test_checks_synthetic import PLANTED

    return set(EXPECTED_ERRORS) if name == "cremonese_2023" else {key[:3] for key in PLANTED[name]}


def _assert_expected_tables(pdf, sample):
    """Every expected table cell by cell, and the checks report the planted discrepancies and no
    other error (one would come from a misread table)."""
    plan = read_plan(pdf)
    name = expected_name(sample)
    ids = expected_tables(name)
    assert [t for t in ids if t not in plan.tables] == []
    problems = [d for t in ids for d in differences(t, load_expected(name, t), plan[t].records)]
    assert problems == []
    assert {(f.rule, f.ente, f.field) for f in plan.check() if f.severity == "error"} == _planted(name)


def test_cairo_really_prints_size_one(corpus):
    """The premise of the fix: pdftocairo writes every glyph at font size 1 (the real size in the
    matrix), and the reader still measures the printed size."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from pdfplans.extractors.pdf import open_pdf, read_pages

    pdf = PRODUCERS["cairo"](SAMPLES / "cremonese_2023.pdf", corpus / "size_one.pdf")
    document = pdfium.PdfDocument(str(pdf))
    textpage = document[8].get_textpage()
    assert raw.FPDFText_GetFontSize(textpage.raw, 0) == pytest.approx(1.0)
    textpage.close()
    document.close()
    reopened, _ = open_pdf(pdf)
    words = next(p for p in read_pages(reopened, str(pdf), []) if p.number == 9).words
    reopened.close()
    assert 9.0 <= words[0].size <= 11.0  # the seed's tables are printed in 10 pt
