"""pdf.py + lines.py on real PDF text layers: one line of cells written in the ways producers write
it (space glyphs, no space glyph, space glyphs of zero width, a text object per glyph, font size 1
with the size in the text matrix, letter-spacing) reads as the same words and phrases."""
from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from pdfplans.extractors.lines import group_lines
from pdfplans.extractors.pdf import open_pdf, read_pages

FONT, SIZE, Y = "Helvetica", 10.0, 700.0
CELLS = ((60.0, "PIEVE SAN GIACOMO"), (260.0, "11"), (330.0, "11"), (400.0, "0"))
PROSE = (60.0, "La programmazione dell'offerta abitativa pubblica e sociale")
SPACE = stringWidth(" ", FONT, SIZE)


def _spaces(pdf: canvas.Canvas, x: float, y: float, text: str, tracking: float) -> None:
    pdf.drawString(x, y, text, charSpace=tracking)


def _word_by_word(pdf: canvas.Canvas, x: float, y: float, text: str, tracking: float) -> None:
    """No space glyph: each word placed on its own, ``tracking`` added to (or taken from) the space."""
    for word in text.split():
        pdf.drawString(x, y, word)
        x += stringWidth(word + " ", FONT, SIZE) + tracking


def _times_word_by_word(pdf: canvas.Canvas, x: float, y: float, text: str, tracking: float) -> None:
    """Times' space is a quarter of an em: with no space glyph, a gap of exactly 0.25 sizes."""
    for word in text.split():
        pdf.setFont("Times-Roman", SIZE)
        pdf.drawString(x, y, word)
        x += stringWidth(word + " ", "Times-Roman", SIZE)


def _zero_width_spaces(pdf: canvas.Canvas, x: float, y: float, text: str, tracking: float) -> None:
    """Each word followed by a space glyph whose advance is cancelled (Tw = -space), the next word
    placed on its own: the space is a character of no width, the gap only a position."""
    for word in text.split():
        obj = pdf.beginText(x, y)
        obj.setFont(FONT, SIZE)
        obj.setWordSpace(-SPACE)
        obj.textOut(word + " ")
        pdf.drawText(obj)
        x += stringWidth(word + " ", FONT, SIZE)


def _glyph_by_glyph(pdf: canvas.Canvas, x: float, y: float, text: str, tracking: float) -> None:
    for char in text:
        if char != " ":
            pdf.drawString(x, y, char)
        x += stringWidth(char, FONT, SIZE) + tracking


def _size_one(pdf: canvas.Canvas, x: float, y: float, text: str, tracking: float) -> None:
    obj = pdf.beginText()
    obj.setTextTransform(SIZE, 0, 0, SIZE, x, y)
    obj.setFont(FONT, 1)
    obj.textOut(text)
    pdf.drawText(obj)


WRITERS = {
    "space glyphs": (_spaces, 0.0),
    "no space glyph": (_word_by_word, 0.0),
    "no space glyph, Times": (_times_word_by_word, 0.0),
    "no space glyph, condensed spaces (1.8 pt)": (_word_by_word, -1.0),
    "space glyphs of zero width": (_zero_width_spaces, 0.0),
    "a text object per glyph": (_glyph_by_glyph, 0.0),
    "font size 1, size in the matrix": (_size_one, 0.0),
    "letter-spaced 1.5 pt": (_spaces, 1.5),
    "letter-spaced per glyph 2 pt": (_glyph_by_glyph, 2.0),
    "letter-spaced 4 pt (0.4 sizes)": (_spaces, 4.0),
    "tight letter-spacing -0.5 pt": (_spaces, -0.5),
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_text_layer_reads_the_same(tmp_path, writer):
    write, tracking = WRITERS[writer]
    path = tmp_path / "line.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    for x, text in CELLS:
        write(pdf, x, Y, text, tracking)
    write(pdf, PROSE[0], Y - 40, PROSE[1], tracking)
    pdf.showPage()
    pdf.save()
    document, _ = open_pdf(path)
    page = next(read_pages(document, str(path), []))
    document.close()
    row, prose = group_lines(page.words)
    assert [p.text for p in row.phrases()] == [text for _x, text in CELLS]
    assert [p.text for p in prose.phrases()] == [PROSE[1]]
    assert 9.0 <= row.size <= 11.0
