"""Rules drawn as a picture under the text (pdftohtml's background, a browser's print of it, a scan
with a text layer): read from the picture's ink, placed on the page by its matrix; glyph-sized ink
and filled boxes are no rules; small pictures and pages that draw their own rules are left alone."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pdfplans.extractors.imagerules import _ink, _rules_in
from pdfplans.extractors.pdf import open_pdf, read_pages
from pdfplans.extractors.settings import DEFAULT_SETTINGS

A4 = (595.0, 842.0)
DPI = 200.0
# the grid of the picture, in points from the page's top-left corner
ROWS = (100.0, 120.0, 140.0, 160.0)
COLS = (60.0, 200.0, 300.0)


def _grid(width: float, height: float, dpi: float = DPI) -> Image.Image:
    """A white picture of ``width`` x ``height`` points with the grid drawn in 1 pt lines, a
    letter-sized blot and a filled box (a shaded cell) that are no rules."""
    px = dpi / 72
    image = Image.new("RGB", (round(width * px), round(height * px)), "white")
    draw = ImageDraw.Draw(image)
    for y in ROWS:
        draw.rectangle([COLS[0] * px, y * px, COLS[-1] * px, (y + 1) * px], fill="black")
    for x in COLS:
        draw.rectangle([x * px, ROWS[0] * px, (x + 1) * px, ROWS[-1] * px], fill="black")
    draw.rectangle([350 * px, 100 * px, 351 * px, 108 * px], fill="black")  # an "l" 8 pt tall
    draw.rectangle([350 * px, 130 * px, 450 * px, 150 * px], fill="gray")  # a shaded box
    return image


def _pdf(path, picture: Image.Image, box: tuple[float, float, float, float], vector_rule: bool = False):
    """One A4 page: ``picture`` drawn at ``box`` (x, y from the top, width, height in points), a
    word in the first cell, and a drawn rule when asked."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    x, top, width, height = box
    pdf.drawImage(ImageReader(picture), x, A4[1] - top - height, width, height)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(65, A4[1] - 113, "COMUNE")
    if vector_rule:
        pdf.line(60, A4[1] - 300, 300, A4[1] - 300)
    pdf.save()
    document, _ = open_pdf(path)
    page = next(iter(read_pages(document, str(path), [])))
    document.close()
    return page


def _near(values, expected, tolerance=1.0):
    return len(values) == len(expected) and all(abs(v - e) <= tolerance for v, e in zip(sorted(values), sorted(expected)))


def test_a_page_sized_picture_gives_its_grid(tmp_path):
    page = _pdf(tmp_path / "page.pdf", _grid(*A4), (0, 0, *A4))
    horizontal = [r for r in page.rules if r.horizontal]
    vertical = [r for r in page.rules if not r.horizontal]
    assert _near([r.y0 - 0.5 for r in horizontal], ROWS)  # a 1 pt line: its middle half a point down
    assert _near([r.x0 - 0.5 for r in vertical], COLS)
    assert all(_near([r.x0, r.x1], [COLS[0], COLS[-1] + 1]) for r in horizontal)
    assert all(_near([r.y0, r.y1], [ROWS[0], ROWS[-1] + 1]) for r in vertical)


def test_the_picture_is_placed_by_its_matrix(tmp_path):
    """The page's picture drawn shifted (20 pt right, 10 pt down) and at 0.9 of its size."""
    wide = _pdf(tmp_path / "wide.pdf", _grid(*A4), (20, 10, A4[0] * 0.9, A4[1] * 0.9))
    xs = [r.x0 - 0.45 for r in wide.rules if not r.horizontal]
    ys = [r.y0 - 0.45 for r in wide.rules if r.horizontal]
    assert _near(xs, [20 + 0.9 * x for x in COLS])
    assert _near(ys, [10 + 0.9 * y for y in ROWS])


def test_a_small_picture_is_no_drawing_of_the_page(tmp_path):
    """A quarter of the page: a logo or a photograph."""
    page = _pdf(tmp_path / "logo.pdf", _grid(*A4), (20, 10, A4[0] / 2, A4[1] / 2))
    assert page.rules == []


def test_a_page_with_rules_of_its_own_reads_no_picture(tmp_path):
    page = _pdf(tmp_path / "ruled.pdf", _grid(*A4), (0, 0, *A4), vector_rule=True)
    assert len(page.rules) == 1 and _near([page.rules[0].x0, page.rules[0].x1, page.rules[0].y0], [60, 300, 300])


def test_glyph_sized_ink_and_filled_boxes_are_no_rules():
    """The ink of a hand-made picture 2 pixels a point: a rule 40 pt long, a stroke as tall as a
    capital, a filled box."""
    ink = np.zeros((200, 200), dtype=np.uint8)
    ink[20, 10:90] = 255  # a hairline 40 pt long
    ink[50:70, 100] = 255  # 10 pt tall: a letter's stem
    ink[100:140, 10:150] = 255  # a filled box
    rules = _rules_in(ink, (0.0, 0.0, 100.0, 100.0), 10.0, DEFAULT_SETTINGS)
    assert [(r.x0, r.y0, r.x1, r.y1) for r in rules] == [(5.0, 10.25, 45.0, 10.25)]


def test_ink_is_what_is_darker_than_halfway_to_the_paper():
    picture = np.full((20, 20, 3), 240, dtype=np.uint8)
    picture[5, :] = 100  # a gray rule on off-white paper
    picture[10, :] = 150  # lighter than halfway: a tint, not a line
    ink = _ink(picture)
    assert ink[5].all() and not ink[10].any() and not ink[0].any()
