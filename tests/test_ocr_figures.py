"""Lone figures of ruled cells read again, digits only (pdfplans/extractors/ocr/figures.py): which
cells are picked, how a reading is checked against the glyphs, and a 6 pt grid drawn at 150 dpi
read back."""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pdfplans.extractors.ocr import figures, image
from pdfplans.extractors.page import LOW_CONFIDENCE, Word

DPI = 300
PX = DPI / 72.0
SCALE = 72.0 / DPI  # points per pixel
FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
CELL_W, CELL_H, LEFT, TOP = 40.0, 12.0, 30.0, 30.0  # points: a grid of 6 pt type, like Allegato A's
TEXTS = ["0", "12", "COMUNE DI SOSPIRO", "-", "", "1", "5", "0", "11", "0", "3", "0"]
ROWS = [TEXTS[r:] + TEXTS[:r] for r in range(4)]  # each row the first one shifted


def _grid(dpi_drawn: int = 150) -> tuple[np.ndarray, dict[tuple[int, int], tuple[float, float]]]:
    """Four rows of ruled cells holding ``ROWS`` in 6 pt, drawn at ``dpi_drawn`` and enlarged to
    300 dpi as a scan at that resolution is rendered; each cell's centre in points."""
    px = dpi_drawn / 72.0
    columns = len(TEXTS)
    page = Image.new("L", (int((2 * LEFT + columns * CELL_W) * px), int((2 * TOP + len(ROWS) * CELL_H) * px)), 250)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, round(6 * px))
    centres = {}
    for row, texts in enumerate(ROWS):
        for column, text in enumerate(texts):
            x, y = LEFT + column * CELL_W, TOP + row * CELL_H
            draw.text(((x + 3) * px, (y + 3) * px), text, font=font, fill=20)
            centres[row, column] = (x + CELL_W / 2, y + CELL_H / 2)
    bottom = TOP + len(ROWS) * CELL_H
    for row in range(len(ROWS) + 1):
        y = (TOP + row * CELL_H) * px
        draw.line([(LEFT * px, y), ((LEFT + columns * CELL_W) * px, y)], fill=30, width=1)
    for column in range(columns + 1):
        x = (LEFT + column * CELL_W) * px
        draw.line([(x, TOP * px), (x, bottom * px)], fill=30, width=1)
    gray = np.asarray(page)
    return cv2.resize(gray, None, fx=DPI / dpi_drawn, fy=DPI / dpi_drawn, interpolation=cv2.INTER_CUBIC), centres


def _word(text: str, centre: tuple[float, float], confidence: float) -> Word:
    x, y = centre
    return Word(text, x - 3, y - 3, x + 3, y + 3, 6.0, 1, confidence=confidence)


def _figures(gray: np.ndarray, words: list[Word]) -> tuple[list[figures.Figure], np.ndarray, float]:
    ink = image.binarize(gray)
    horizontal, vertical = image.line_masks(ink, DPI)
    glyph = image.glyph_height(ink, cv2.bitwise_or(horizontal, vertical), DPI) or 0.0
    walls = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5), np.uint8))
    clean = image.normalize_contrast(image.erase_lines(gray, horizontal, vertical, DPI))
    found = figures.doubtful_figures(cv2.bitwise_and(ink, cv2.bitwise_not(walls)), walls, glyph, words, SCALE)
    return found, clean, glyph


def _cell_of(figure: figures.Figure) -> tuple[int, int]:
    x, y = (figure.box[0] + figure.box[2]) / 2 * SCALE, (figure.box[1] + figure.box[3]) / 2 * SCALE
    return int((y - TOP) // CELL_H), int((x - LEFT) // CELL_W)


def test_doubtful_readings():
    assert figures.doubtful([])  # nothing read where ink is
    assert figures.doubtful([_word("(+)", (0, 0), 50)]) and figures.doubtful([_word("16)", (0, 0), 62)])
    assert figures.doubtful([_word("DI", (0, 0), 3)])  # garbage, whatever its letters
    assert not figures.doubtful([_word("0", (0, 0), 95)])  # read with confidence
    assert not figures.doubtful([_word("SI", (0, 0), 60)])  # a word, not a digit's lookalike
    assert not figures.doubtful([_word("-", (0, 0), 50)])  # a dash stays a dash
    assert not figures.doubtful([_word("1", (0, 0), 50), _word("2", (0, 0), 50)])


def test_cells_picked_are_short_figures_read_doubtfully():
    gray, centres = _grid()
    first = [_word("(+)", centres[0, 0], 45), _word("12", centres[0, 1], 92), _word("COMUNE", centres[0, 2], 40),
             _word("-", centres[0, 3], 50), _word("1", centres[0, 5], 91)]
    found, _clean, _glyph = _figures(gray, first)
    # the doubtful "(+)", and every short figure that the page pass did not read at all; not the
    # confident "12" and "1", the name, the dash or the empty cell
    by_cell = {_cell_of(f): f for f in found}
    assert sorted(c for r, c in by_cell if r == 0) == [0, 6, 7, 8, 9, 10, 11]
    assert by_cell[0, 0].digits == (1, 1) and [w.text for w in by_cell[0, 0].words] == ["(+)"]
    assert by_cell[0, 8].digits[0] <= 2 <= by_cell[0, 8].digits[1] and by_cell[0, 6].words == []
    # rows read by nobody: every short figure, the name and the dash never
    assert len(by_cell) == 7 + 3 * sum(t.isdigit() for t in TEXTS)


def test_lone_small_figures_are_read_again_as_printed():
    gray, centres = _grid()
    found, clean, glyph = _figures(gray, [])
    readings = figures.read_figures(clean, found, glyph)
    read = {_cell_of(f): r[0] for f, r in zip(found, readings) if r is not None}
    expected = {(r, c): t for r, texts in enumerate(ROWS) for c, t in enumerate(texts) if t.isdigit()}
    assert read == expected


def test_a_reading_must_have_as_many_digits_as_the_cell_has_glyphs():
    one = figures.Figure((0, 0, 10, 20), (1, 1), [])
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    slot = 150
    tsv = header + "5\t1\t1\t1\t1\t1\t75\t80\t30\t60\t91.0\t11\n" + "5\t1\t1\t1\t2\t1\t75\t230\t30\t60\t5.0\t0\n"
    tsv += "5\t1\t1\t1\t3\t1\t75\t380\t30\t60\t88.0\t0\n"
    assert figures._by_slot(tsv, [one, one, one, one], slot) == [None, None, ("0", 88.0), None]


def test_a_figure_read_again_takes_the_place_of_the_page_pass_word():
    old = _word("(+)", (50.0, 36.0), 45)
    kept = _word("ALER", (100.0, 36.0), 96)
    misread = figures.Figure((200, 140, 210, 158), (1, 1), [old])
    lost = figures.Figure((400, 140, 410, 158), (1, 1), [])
    words = figures.replace_figures([old, kept], [misread, lost], [("0", 93.0), ("7", 40.0)], SCALE, 1)
    assert [w.text for w in words] == ["ALER", "0", "7"]
    zero, seven = words[1], words[2]
    assert (zero.x0, zero.top, zero.x1, zero.bottom) == (old.x0, old.top, old.x1, old.bottom)
    assert zero.confidence == LOW_CONFIDENCE - 1 and seven.confidence == 40.0  # warned about, both
    # a figure nobody read: boxed like a text layer's word around its ink (19 px = 0.7 of the size)
    assert seven.x0 < 400 * SCALE and seven.x1 > 410 * SCALE and seven.top < 140 * SCALE and seven.bottom > 158 * SCALE
    assert abs(seven.size - 19 / 0.7 * SCALE) < 0.01
