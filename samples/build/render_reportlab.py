"""Document model -> PDF with reportlab platypus: another producer, as some offices use.

Tables are LongTables with horizontal rules only (LINEABOVE/LINEBELOW, never a vertical line),
body text in Times, tables in Helvetica, and the annex in a landscape page template. Characters the
standard Type 1 fonts cannot encode (✓ ❖ ▪) are drawn with DejaVu Sans, as a word processor's font
fallback would. ``invariant=1`` makes the output byte-for-byte reproducible.
"""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Frame, LongTable, NextPageTemplate, PageBreak as RLPageBreak,
                                PageTemplate, Paragraph as RLParagraph, Spacer, TableStyle)

from plan_doc import Document, Heading, PageBreak, Paragraph, TableBlock, Title

SYMBOL_FONT = "DejaVuSans"
_SYMBOL_TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TABLE_FONT, TABLE_FONT_BOLD = "Helvetica", "Helvetica-Bold"


def _register_fonts() -> None:
    if SYMBOL_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(SYMBOL_FONT, _SYMBOL_TTF))


def _markup(text: str) -> str:
    """Escape for reportlab's mini-HTML; wrap characters outside cp1252 in the symbol font."""
    out = []
    for ch in text:
        # "–" and "€" extract fine from the standard fonts; "•" would be written as code 127,
        # which readers cannot map back, so it goes to the symbol font with the others.
        if ord(ch) < 256 or ch in "–€’":
            out.append(escape(ch))
        else:
            out.append(f'<font name="{SYMBOL_FONT}">{escape(ch)}</font>')
    return "".join(out)


def _styles(doc: Document) -> dict[str, ParagraphStyle]:
    base = doc.font_name  # a standard Type 1 family: Times-Roman
    bold = {"Times-Roman": "Times-Bold", "Helvetica": "Helvetica-Bold"}.get(base, base)
    body = ParagraphStyle("body", fontName=base, fontSize=doc.font_pt, leading=doc.font_pt * 1.25,
                          alignment=TA_JUSTIFY, spaceAfter=5)
    return {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=0.9 * cm, bulletIndent=0.35 * cm, spaceAfter=2),
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=doc.font_pt + 3,
                                leading=(doc.font_pt + 3) * 1.3, alignment=TA_CENTER, spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=body, fontName=bold, fontSize=doc.font_pt + 2, spaceBefore=12,
                             spaceAfter=6, leading=(doc.font_pt + 2) * 1.25),
        "h2": ParagraphStyle("h2", parent=body, fontName="Times-BoldItalic", fontSize=doc.font_pt + 1,
                             spaceBefore=8, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=body, fontName=bold, spaceBefore=8, spaceAfter=4),
        "toc": ParagraphStyle("toc", parent=body, alignment=0, spaceAfter=2),
    }


def _toc_line(text: str, page: str, style: ParagraphStyle, width: float) -> RLParagraph:
    """Dot leaders to the right margin, measured with the font's real widths."""
    dot = pdfmetrics.stringWidth(".", style.fontName, style.fontSize)
    used = pdfmetrics.stringWidth(f"{text} {page}", style.fontName, style.fontSize)
    last_line = used % width  # long entries wrap: fill the last line only
    dots = max(3, int((width - last_line - 6) / dot))
    return RLParagraph(f"{_markup(text)} {'.' * dots} {page}", style)


def _check_words_fit(t: TableBlock) -> None:
    """With splitLongWords=0 a word wider than its column would overflow into the next one."""
    pad = 2 * t.cell_pad_cm * cm
    bad: list[str] = []
    for rows, font in ((t.header_rows, TABLE_FONT_BOLD), (t.rows, TABLE_FONT)):
        for row in rows:
            for c, text in enumerate(row):
                room = t.col_widths_cm[c] * cm - pad
                for word in text.split():
                    need = pdfmetrics.stringWidth(word, font, t.font_pt)
                    if need > room:
                        bad.append(f"{word!r} in column {c} ({t.col_widths_cm[c]} cm, needs {(need + pad) / cm:.2f})")
    if bad:
        raise ValueError(f"{t.key}: words wider than their column: " + "; ".join(sorted(set(bad))))


def _table(t: TableBlock) -> LongTable:
    _check_words_fit(t)
    size = t.font_pt
    # splitLongWords=0: reportlab would otherwise cut a word that fits its own line just to fill
    # the current one ("da ri / strutturazioni"); the widths are chosen so that every word fits.
    cell = ParagraphStyle("cell", fontName=TABLE_FONT, fontSize=size, leading=size * 1.18, splitLongWords=0)
    head = ParagraphStyle("head", parent=cell, fontName=TABLE_FONT_BOLD)
    title = ParagraphStyle("ttl", parent=head, alignment=TA_CENTER, fontSize=size + 1, leading=(size + 1) * 1.2)
    data: list[list[object]] = []
    if t.title_row:
        data.append([RLParagraph(_markup(t.title_row), title)] + [""] * (t.ncols - 1))
    for hrow in t.header_rows:
        data.append([RLParagraph(_markup(c), head) for c in hrow])
    n_top = len(data)
    for r, row in enumerate(t.rows):
        st = head if r in t.bold_rows else cell
        data.append([RLParagraph("<br/>".join(_markup(x) for x in c.split("\n")), st) if c else "" for c in row])
    pad = t.cell_pad_cm * cm
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
        ("LINEBELOW", (0, n_top - 1), (-1, n_top - 1), 0.8, colors.black),
        ("LINEBELOW", (0, n_top), (-1, -1), 0.25, colors.black),
    ]
    if t.title_row:
        cmds.append(("SPAN", (0, 0), (-1, 0)))
        cmds.append(("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black))
    for row, col, span in t.merges:
        cmds.append(("SPAN", (col, n_top + row), (col, n_top + row + span - 1)))
    return LongTable(data, colWidths=[w * cm for w in t.col_widths_cm],
                     repeatRows=n_top if t.repeat_header else 0, style=TableStyle(cmds), hAlign="LEFT")


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Times-Roman", 9)
    w, _ = canvas._pagesize
    canvas.drawCentredString(w / 2, 1.0 * cm, f"- {doc.page} -")
    canvas.restoreState()


def build_pdf(doc: Document, out: Path) -> Path:
    _register_fonts()
    top, right, bottom, left = (m * cm for m in doc.margins_cm)
    pw, ph = A4
    lw, lh = landscape(A4)
    rl = BaseDocTemplate(str(out), pagesize=A4, invariant=1, title="Piano annuale dell'offerta abitativa 2023",
                         author="Ambito Territoriale Cremonese", creator="pdfplans samples (reportlab)",
                         leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom)
    rl.addPageTemplates([
        PageTemplate("portrait", [Frame(left, bottom, pw - left - right, ph - top - bottom, id="p")],
                     onPage=_footer, pagesize=A4),
        PageTemplate("landscape", [Frame(left, bottom, lw - left - right, lh - top - bottom, id="l")],
                     onPage=_footer, pagesize=landscape(A4)),
    ])
    st = _styles(doc)
    width = pw - left - right
    story: list[object] = []
    landscape_now = False
    for block in doc.blocks:
        if isinstance(block, TableBlock):
            if block.landscape != landscape_now or block.key == "allegato_b":
                story += [NextPageTemplate("landscape" if block.landscape else "portrait"), RLPageBreak()]
                landscape_now = block.landscape
            story += [_table(block), Spacer(1, 8)]
            continue
        if landscape_now:
            story += [NextPageTemplate("portrait"), RLPageBreak()]
            landscape_now = False
        if isinstance(block, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(block, Title):
            story.append(RLParagraph(_markup(block.text), st["title"]))
        elif isinstance(block, Heading):
            story.append(RLParagraph(_markup(block.text), st[f"h{block.level}"]))
        elif isinstance(block, Paragraph):
            if block.toc_page is not None:
                story.append(_toc_line(block.text, block.toc_page, st["toc"], width))
            elif block.bullet:
                marked = block.text[:1] in "✓❖▪•" or block.text[:2] in {"a)", "b)", "c)"}
                story.append(RLParagraph(_markup(block.text), st["bullet"],
                                         bulletText=None if marked else "-"))
            else:
                story.append(RLParagraph(_markup(block.text), st["bold" if block.bold else "body"]))
    rl.build(story)
    return out
