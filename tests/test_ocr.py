"""OCR of pages without a text layer: deskew, ruling lines, words where they were drawn, cleanup,
and the ways it must fail politely (no tesseract, no language data, never on pages with text)."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from pdfplans.errors import PlanWarning
from pdfplans.extractors import ocr
from pdfplans.extractors.page import PageContent, Rule, Word
from pdfplans.extractors.pdf import read_pages

DPI = 300
PX = DPI / 72.0  # pixels per point
FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"

# a small ruled table: (text, column, row); cells 60 x 16 pt, starting at (36, 36) pt
CELLS = [("Comune", 0, 0), ("Alloggi", 1, 0), ("Totale", 2, 0),
         ("CREMONA", 0, 1), ("53", 1, 1), ("59", 2, 1),
         ("PESSINA", 0, 2), ("12", 1, 2), ("14", 2, 2)]
LEFT, TOP, COL_W, ROW_H, FONT_PT = 36.0, 36.0, 90.0, 20.0, 11.0


def _table_page() -> tuple[Image.Image, dict[str, tuple[float, float]]]:
    """A 4.6 x 1.6 inch page at 300 dpi with the table drawn; returns it and each word's centre (pt)."""
    page = Image.new("L", (int(4.6 * DPI), int(1.6 * DPI)), 250)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, int(FONT_PT * PX))
    centres = {}
    for text, col, row in CELLS:
        x, y = (LEFT + col * COL_W + 4) * PX, (TOP + row * ROW_H + 4) * PX
        draw.text((x, y), text, font=font, fill=20)
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font)
        centres[text] = ((x0 + x1) / 2 / PX, (y0 + y1) / 2 / PX)
    for row in range(4):
        y = (TOP + row * ROW_H) * PX
        draw.line([(LEFT * PX, y), ((LEFT + 3 * COL_W) * PX, y)], fill=30, width=3)
    for col in range(4):
        x = (LEFT + col * COL_W) * PX
        draw.line([(x, TOP * PX), (x, (TOP + 3 * ROW_H) * PX)], fill=30, width=3)
    return page, centres


@pytest.fixture(scope="module")
def turned_table() -> tuple[ocr.PageImage, dict[str, tuple[float, float]]]:
    page, centres = _table_page()
    turned = page.rotate(0.7, resample=Image.BICUBIC, fillcolor=250)  # as scan.py turns a page
    return ocr.read_image(np.asarray(turned), 1, DPI), centres


def test_deskew_angle_recovered(turned_table):
    result, _ = turned_table
    assert abs(result.skew - 0.7) <= 0.2


@pytest.mark.parametrize("angle", [-2.5, -0.4, 0.0, 1.3])
def test_estimate_skew_on_text_lines(angle):
    page = Image.new("L", (1400, 1000), 245)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 36)
    for row in range(12):
        draw.text((60, 60 + 70 * row), "Piano annuale dell'offerta abitativa 2023 n. %d" % row, font=font, fill=10)
    turned = np.asarray(page.rotate(angle, resample=Image.BICUBIC, fillcolor=245))
    assert abs(ocr.estimate_skew(turned) - angle) <= 0.2


def test_words_come_out_where_drawn(turned_table):
    result, centres = turned_table
    found = {w.text: w for w in result.words}
    for text, (cx, cy) in centres.items():
        assert text in found, f"{text!r} not read; read {sorted(found)}"
        word = found[text]
        assert abs((word.x0 + word.x1) / 2 - cx) < 3.0
        assert abs(word.center_y - cy) < 3.0
        assert 0 <= word.confidence <= 100 and word.bold is None
        assert 0.7 * FONT_PT <= word.size <= 1.4 * FONT_PT


def test_ruling_lines_come_out_where_drawn(turned_table):
    result, _ = turned_table
    horizontal = sorted(r.y0 for r in result.rules if r.horizontal)
    vertical = sorted(r.x0 for r in result.rules if not r.horizontal)
    assert len(horizontal) == 4 and len(vertical) == 4
    for found, drawn in zip(horizontal, [TOP + i * ROW_H for i in range(4)]):
        assert abs(found - drawn) < 1.5
    for found, drawn in zip(vertical, [LEFT + i * COL_W for i in range(4)]):
        assert abs(found - drawn) < 1.5
    for rule in result.rules:
        length = max(rule.x1 - rule.x0, rule.y1 - rule.y0)
        assert length > 0.9 * min(3 * COL_W, 3 * ROW_H)
    assert not any("|" in w.text for w in result.words)  # rules are erased before OCR


# -- cleanup ---------------------------------------------------------------------------------
def _line(*specs: tuple[str, float, float]) -> list[Word]:
    return [Word(text, x0, 100.0, x1, 111.0, 10.0, 3, confidence=90.0) for text, x0, x1 in specs]


def test_pipe_is_a_letter():
    words = ocr.clean_line(_line(("|", 50, 52), ("contributi", 55, 95), ("|.r.", 98, 110)), [])
    assert [w.text for w in words] == ["I", "contributi", "l.r."]
    assert all(w.confidence < ocr.LOW_CONFIDENCE for w in (words[0], words[2]))
    assert words[1].confidence == 90.0


def test_dollar_inside_a_code_is_an_s():
    assert ocr.clean_line(_line(("BS$165714", 50, 100)), [])[0].text == "BS165714"


def test_lone_zero_lookalike_in_a_cell_is_a_digit():
    row = _line(("COMUNE", 40, 80), ("(o)", 150, 156), ("9", 200, 205), ("o", 260, 265))
    texts = [w.text for w in ocr.clean_line(row, [])]
    assert texts == ["COMUNE", "0", "9", "0"]


def test_prose_words_are_left_alone():
    row = _line(("uno", 40, 55), ("o", 57, 61), ("due", 63, 78), ("(AT)", 80, 98))
    assert [w.text for w in ocr.clean_line(row, [])] == ["uno", "o", "due", "(AT)"]


def test_a_rule_sets_a_word_apart():
    row = _line(("A", 40, 47), ("o", 49, 54), ("B", 56, 62))
    rules = [Rule(48.0, 90.0, 48.0, 120.0), Rule(55.0, 90.0, 55.0, 120.0)]
    assert [w.text for w in ocr.clean_line(row, rules)] == ["A", "0", "B"]


def test_glued_group_label_is_split():
    words = ocr.clean_line(_line(("AT1", 40, 58)), [])
    assert [w.text for w in words] == ["AT", "1"] and words[0].x1 < words[1].x0
    assert [w.text for w in ocr.clean_line(_line(("ATS", 40, 58)), [])] == ["AT", "5"]
    # "ATS" in a sentence is the health agency
    assert [w.text for w in ocr.clean_line(_line(("ATS", 40, 58), ("Val", 61, 75)), [])] == ["ATS", "Val"]


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def test_tsv_words_get_line_boxes_and_dash_length():
    rows = [  # one line: "Comuni" (caps ascend), "-" (a sliver), "anno" (x-height only), "–"
        (1, 1, 1, 1, 1, 100, 200, 120, 30, 96.5, "Comuni"),
        (1, 1, 1, 1, 2, 230, 212, 12, 3, 91.0, "-"),
        (1, 1, 1, 1, 3, 250, 208, 80, 22, 95.0, "anno"),
        (1, 1, 1, 1, 4, 340, 212, 24, 3, 90.0, "-"),
        (1, 1, 1, 1, 5, 380, 200, 0, 0, -1, ""),
    ]
    tsv = TSV_HEADER + "".join("5\t" + "\t".join(str(v) for v in row) + "\n" for row in rows)
    [line] = ocr.lines_from_tsv(tsv, 4, 72 / 300)
    assert [w.text for w in line] == ["Comuni", "-", "anno", "–"]
    tops = {round(w.top, 1) for w in line}
    bottoms = {round(w.bottom, 1) for w in line}
    assert max(tops) - min(tops) < 1.0 and max(bottoms) - min(bottoms) < 1.0  # one line, one band
    assert all(w.page == 4 and w.bold is None for w in line)
    assert line[0].confidence == 96.5
    assert 9.0 < line[0].size < 12.0  # 30 px caps at 300 dpi: about 10 pt type


# -- failures and the caller's guarantees ----------------------------------------------------
def _image_pdf(tmp_path: Path) -> Path:
    page, _ = _table_page()
    path = tmp_path / "scan.pdf"
    page.save(path, format="PDF", resolution=DPI)
    return path


def test_missing_tesseract_gives_one_warning(tmp_path):
    document = pdfium.PdfDocument(str(_image_pdf(tmp_path)))
    try:
        pages = [PageContent(1, 331.2, 115.2), PageContent(2, 331.2, 115.2)]
        warnings: list[PlanWarning] = []
        ocr.read_pages(document, pages, "scan.pdf", warnings, binary=str(tmp_path / "no-tesseract"))
    finally:
        document.close()
    assert len(warnings) == 1
    assert warnings[0].kind == "unreadable" and "tesseract" in warnings[0].message
    assert all(not p.words and not p.rules and not p.ocr for p in pages)


def test_missing_language_is_named(tmp_path):
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages in \"/x\" (1):'\necho eng\n")
    fake.chmod(0o755)
    problem = ocr.tesseract_problem(str(fake), "ita")
    assert problem is not None and "'ita'" in problem
    assert ocr.tesseract_problem("tesseract", "ita") is None  # the project's setup installs it


def test_only_pages_without_text_are_ocred(tmp_path, monkeypatch):
    """A PDF with a text page and a scanned page: the reader hands OCR the scanned one only."""
    from reportlab.pdfgen import canvas

    from pdfplans import reader

    text_pdf = tmp_path / "text.pdf"
    drawing = canvas.Canvas(str(text_pdf), pagesize=(331.2, 115.2))
    drawing.drawString(40, 60, "Piano annuale 2023: pagina con testo")
    drawing.save()
    mixed = pdfium.PdfDocument.new()
    for source in (text_pdf, _image_pdf(tmp_path)):
        part = pdfium.PdfDocument(str(source))
        mixed.import_pages(part)
        part.close()
    buffer = io.BytesIO()
    mixed.save(buffer)
    mixed.close()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(buffer.getvalue())

    seen: list[int] = []
    real = ocr.read_image
    def spy(gray, number, *args, **kwargs):
        seen.append(number)
        return real(gray, number, *args, **kwargs)

    monkeypatch.setattr(ocr, "read_image", spy)
    document = pdfium.PdfDocument(str(path))
    warnings: list[PlanWarning] = []
    try:
        pages = list(read_pages(document, str(path), warnings))
        text_words = [w.text for w in pages[0].words]
        reader._ocr_pages_without_text(document, pages, str(path), warnings)
    finally:
        document.close()
    assert seen == [2]
    assert [w.text for w in pages[0].words] == text_words and not pages[0].ocr
    assert pages[1].ocr and {"CREMONA", "PESSINA"} <= {w.text for w in pages[1].words}
    assert all(w.confidence is not None for w in pages[1].words)
    assert len([r for r in pages[1].rules if r.horizontal]) == 4


# -- pages scanned sideways or upside down ----------------------------------------------------
@pytest.mark.parametrize("quarter", [90, 180, 270])
def test_a_turned_page_is_read_like_the_upright_one(turned_table, quarter):
    """The table page fed turned by a quarter, a half, three quarters: same words, same places."""
    upright, centres = turned_table
    page, _ = _table_page()
    fed = page.rotate(quarter, expand=True, fillcolor=250).rotate(0.7, resample=Image.BICUBIC, fillcolor=250)
    result = ocr.read_image(np.asarray(fed), 1, DPI)
    assert result.turned == quarter
    found = {w.text: w for w in result.words}
    for text, (cx, cy) in centres.items():  # in the points of the page turned upright
        assert text in found, f"{text!r} not read; read {sorted(found)}"
        assert abs((found[text].x0 + found[text].x1) / 2 - cx) < 3.0 and abs(found[text].center_y - cy) < 3.0
    assert len([r for r in result.rules if r.horizontal]) == len([r for r in upright.rules if r.horizontal]) == 4


@pytest.mark.parametrize("quarter, sideways", [(0, False), (90, True), (180, False), (270, True)])
def test_direction_of_text_lines(quarter, sideways):
    page = Image.new("L", (1400, 1000), 245)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    for row in range(12):
        draw.text((60, 60 + 70 * row), "COMUNE DI PESSINA 12 0 3 alloggi sfitti %d" % row, font=font, fill=10)
    turned = np.asarray(page.rotate(quarter, expand=True, fillcolor=245))
    assert ocr.orient.runs_vertically(turned, DPI) is sideways


def test_upright_pages_are_read_once(monkeypatch):
    """An upright page pays no second reading: only a doubtful one is read again turned."""
    page, _ = _table_page()
    calls: list[int] = []
    real = ocr.read_upright

    def spy(gray, *args, **kwargs):
        calls.append(gray.shape[0])
        return real(gray, *args, **kwargs)

    monkeypatch.setattr(ocr, "read_upright", spy)
    assert ocr.read_image(np.asarray(page), 1, DPI).turned == 0
    assert len(calls) == 1


def test_a_ringed_zero_read_with_a_one_is_a_zero():
    row = _line(("COMUNE", 40, 80), ("10)", 150, 157), ("0)", 200, 205), ("10", 260, 268), ("12)", 300, 310))
    texts = [w.text for w in ocr.clean_line(row, [])]
    assert texts == ["COMUNE", "0", "0", "10", "12)"]
