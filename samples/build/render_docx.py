"""Document model -> .docx (python-docx, real Word tables) -> PDF (LibreOffice headless).

Word features used as the original plans use them: fixed-width tables with per-cell widths, cell
borders (grid, none or horizontal rules), vertically merged cells (w:vMerge), header rows repeated
on every page (w:tblHeader), landscape sections for wide annexes, a PAGE field in the footer.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from plan_doc import Document, Heading, PageBreak, Paragraph, TableBlock, Title

A4_W, A4_H = Cm(21.0), Cm(29.7)
_TWIPS_PER_CM = 1440 / 2.54


def _style_document(docx: DocxDocument, doc: Document, author: str = "Ambito Territoriale Cremonese",
                    title: str = "Piano annuale dell'offerta abitativa 2023") -> None:
    normal = docx.styles["Normal"]
    normal.font.name = doc.font_name
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), doc.font_name)
    normal.font.size = Pt(doc.font_pt)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(6), 1.1
    top, right, bottom, left = doc.margins_cm
    sec = docx.sections[0]
    sec.page_width, sec.page_height = A4_W, A4_H
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = Cm(top), Cm(right), Cm(bottom), Cm(left)
    _page_number_footer(sec.footer.paragraphs[0])
    cp = docx.core_properties  # fixed metadata: the .docx does not change between builds
    cp.author, cp.title = author, title
    cp.created = cp.modified = datetime(2022, 12, 15, tzinfo=timezone.utc)
    cp.last_modified_by, cp.revision = author, 1


def _page_number_footer(p: DocxParagraph) -> None:
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
            run._r.append(el)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
            run._r.append(el)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _content_width_cm(docx: DocxDocument) -> float:
    sec = docx.sections[-1]
    return (sec.page_width - sec.left_margin - sec.right_margin) / 360000


def _new_section(docx: DocxDocument, doc: Document, landscape: bool) -> None:
    sec = docx.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (A4_H, A4_W) if landscape else (A4_W, A4_H)
    top, right, bottom, left = doc.margins_cm
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = Cm(top), Cm(right), Cm(bottom), Cm(left)


def _add_text(docx: DocxDocument, block: Title | Heading | Paragraph, doc: Document) -> DocxParagraph:
    if isinstance(block, Title):
        p = docx.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(12)
        r = p.add_run(block.text)
        r.bold, r.font.size = True, Pt(doc.font_pt + 3)
        return p
    if isinstance(block, Heading):
        p = docx.add_paragraph()
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt({1: 14, 2: 10, 3: 8}[block.level])
        r = p.add_run(block.text)
        r.bold = True
        r.font.size = Pt(doc.font_pt + {1: 2, 2: 1, 3: 0}[block.level])
        if block.level == 2:
            r.underline = True
        return p
    p = docx.add_paragraph()
    if block.toc_page is not None:
        width = _content_width_cm(docx)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        p.paragraph_format.space_after = Pt(3)
        p.paragraph_format.right_indent = Cm(0)
        p.add_run(f"{block.text}\t{block.toc_page}")
        return p
    if block.bullet:
        p.paragraph_format.left_indent = Cm(1.0)
        p.paragraph_format.first_line_indent = Cm(-0.5)
        p.paragraph_format.space_after = Pt(3)
        marked = block.text[:1] in "✓❖▪•" or block.text[:2] in {"a)", "b)", "c)"}
        text = block.text if marked else f"-\t{block.text}"
        p.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        text = block.text
    r = p.add_run(text)
    r.bold = block.bold
    return p


def _tbl_pr_insert(tbl_pr, el) -> None:
    """Insert into w:tblPr before w:tblLook, keeping the schema order Word expects."""
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(el)
    else:
        tbl_pr.append(el)


def _borders(tbl_pr, kind: str) -> None:
    el = OxmlElement("w:tblBorders")
    drawn = {"grid": {"top", "left", "bottom", "right", "insideH", "insideV"},
             "horizontal": {"top", "bottom", "insideH"}, "none": set()}[kind]
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        if edge in drawn:
            b.set(qn("w:val"), "single"), b.set(qn("w:sz"), "4"), b.set(qn("w:space"), "0")
            b.set(qn("w:color"), "000000")
        else:
            b.set(qn("w:val"), "nil")
        el.append(b)
    _tbl_pr_insert(tbl_pr, el)


def _fixed_layout(tbl_pr, pad_cm: float, total_cm: float) -> None:
    w = tbl_pr.find(qn("w:tblW"))
    if w is None:
        w = OxmlElement("w:tblW")
        _tbl_pr_insert(tbl_pr, w)
    w.set(qn("w:type"), "dxa"), w.set(qn("w:w"), str(round(total_cm * _TWIPS_PER_CM)))
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    _tbl_pr_insert(tbl_pr, lay)
    mar = OxmlElement("w:tblCellMar")
    for side, val in (("top", 0), ("left", pad_cm), ("bottom", 0), ("right", pad_cm)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(round(val * _TWIPS_PER_CM))), m.set(qn("w:type"), "dxa")
        mar.append(m)
    _tbl_pr_insert(tbl_pr, mar)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _fill(cell: _Cell, text: str, size: float, bold: bool, center: bool = False) -> None:
    paras = text.split("\n") if text else [""]
    for k, line in enumerate(paras):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        pf = p.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            r = p.add_run(line)
            r.font.size, r.bold = Pt(size), bold
        else:
            # an empty cell keeps the table's size, not Normal's, so rows are as tall as the text
            p.paragraph_format.line_spacing = Pt(size * 1.15)


def _add_table(docx: DocxDocument, t: TableBlock) -> Table:
    n_title = 1 if t.title_row else 0
    n_head = len(t.header_rows)
    table = docx.add_table(rows=n_title + n_head + len(t.rows), cols=t.ncols)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tbl_pr = table._tbl.tblPr
    _fixed_layout(tbl_pr, t.cell_pad_cm, sum(t.col_widths_cm))
    _borders(tbl_pr, t.borders)
    for c, w in enumerate(t.col_widths_cm):
        table.columns[c].width = Cm(w)
        for cell in table.columns[c].cells:
            cell.width = Cm(w)
    for row, col, span in t.merges:
        base = n_title + n_head
        table.cell(base + row, col).merge(table.cell(base + row + span - 1, col))
    if t.title_row:
        merged = table.cell(0, 0).merge(table.cell(0, t.ncols - 1))
        _fill(merged, t.title_row, t.font_pt + 1, True, center=True)
    for h, hrow in enumerate(t.header_rows):
        for c, text in enumerate(hrow):
            _fill(table.cell(n_title + h, c), text, t.font_pt, True)
    covered = {(row + k, col) for row, col, span in t.merges for k in range(1, span)}
    for r, brow in enumerate(t.rows):
        for c, text in enumerate(brow):
            if (r, c) in covered:
                continue
            _fill(table.cell(n_title + n_head + r, c), text, t.font_pt, r in t.bold_rows)
    if t.repeat_header:
        for k in range(n_title + n_head):
            _repeat_header(table.rows[k])
    docx.add_paragraph()  # Word needs a paragraph between consecutive tables
    return table


def _header_stamp(sec, text: str, size: float) -> None:
    """A line repeated at the top of every page, as a protocol office stamps received documents."""
    p = sec.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run(text)
    r.font.size, r.italic = Pt(size), True


def build_docx(doc: Document, out: Path, *, header_text: str | None = None, header_pt: float = 8.0,
               author: str = "Ambito Territoriale Cremonese",
               title: str = "Piano annuale dell'offerta abitativa 2023") -> Path:
    """Options (used by the synthetic plans; the defaults print the 2023 samples unchanged):
    ``header_text`` a stamp in the page header of every page; ``author``/``title`` the metadata."""
    docx = new_docx()
    _style_document(docx, doc, author, title)
    if header_text:
        _header_stamp(docx.sections[0], header_text, header_pt)
    landscape = False
    pending_break = False
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            pending_break = True
            continue
        if isinstance(block, TableBlock) and block.landscape != landscape:
            _new_section(docx, doc, block.landscape)
            landscape, pending_break = block.landscape, False
        elif isinstance(block, TableBlock) and landscape is False and block.key == "allegato_b":
            _new_section(docx, doc, False)  # each annex starts on its own page
            pending_break = False
        elif not isinstance(block, TableBlock) and landscape:
            _new_section(docx, doc, False)
            landscape, pending_break = False, False
        if isinstance(block, TableBlock):
            if pending_break:
                docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                pending_break = False
            _add_table(docx, block)
        else:
            # "page break before" on the paragraph itself: a break in a paragraph of its own would
            # leave a blank page whenever the previous page is already full
            _add_text(docx, block, doc).paragraph_format.page_break_before = pending_break
            pending_break = False
    docx.save(str(out))
    return out


def docx_to_pdf(docx_path: Path, pdf_path: Path, profile: str = "/tmp/lo_profile_pdfplans_samples") -> Path:
    """Convert with LibreOffice headless, using a private profile so parallel/user instances don't clash."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is required: install it with the project's setup script")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        produced = Path(tmp) / (docx_path.stem + ".pdf")
        if not produced.exists():
            raise RuntimeError(f"LibreOffice produced no PDF for {docx_path}")
        shutil.move(str(produced), pdf_path)
    return pdf_path
