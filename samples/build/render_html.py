"""Document model -> HTML -> PDF printed by headless Chromium: a plan published as a web page.

The browser does its own table layout (column widths as given, text wrapped at spaces only), repeats
``thead`` on every page a table continues onto, splits tables between rows, and draws the borders
as CSS borders; the annex goes on a landscape page (a CSS named page).
"""
from __future__ import annotations

import subprocess
import tempfile
from html import escape
from pathlib import Path

from plan_doc import Document, Heading, PageBreak, Paragraph, TableBlock, Title

# the standard PDF fonts of the reportlab layout, as a browser would substitute them
_FAMILIES = {"Times-Roman": "Liberation Serif", "Helvetica": "Liberation Sans", "Courier": "Liberation Mono"}
_BORDER = "0.5pt solid #000"


def _css(doc: Document) -> str:
    top, right, bottom, left = doc.margins_cm
    family = _FAMILIES.get(doc.font_name, doc.font_name)
    return f"""
@page {{ size: A4; margin: {top}cm {right}cm {bottom}cm {left}cm; }}
@page land {{ size: A4 landscape; margin: 1.5cm; }}
body {{ font-family: "{family}", sans-serif; font-size: {doc.font_pt}pt; line-height: 1.15; margin: 0; }}
p {{ margin: 0 0 6pt 0; text-align: justify; }}
h1 {{ font-size: {doc.font_pt + 3}pt; text-align: center; margin: 0 0 10pt 0; }}
h2 {{ font-size: {doc.font_pt + 2}pt; margin: 12pt 0 6pt 0; }}
h3 {{ font-size: {doc.font_pt + 1}pt; margin: 8pt 0 4pt 0; }}
h4 {{ font-size: {doc.font_pt}pt; margin: 8pt 0 4pt 0; }}
p.bullet {{ margin-left: 0.9cm; text-indent: -0.5cm; margin-bottom: 2pt; }}
p.toc {{ text-align: left; margin-bottom: 2pt; }}
table {{ border-collapse: collapse; margin: 4pt 0 10pt 0; }}
td, th {{ vertical-align: top; text-align: left; font-weight: normal; overflow-wrap: normal; }}
th {{ font-weight: bold; }}
tr {{ break-inside: avoid; }}
td div, th div {{ margin: 0; }}
.landscape {{ page: land; }}
.break {{ break-after: page; }}
"""


def _paragraph(block: Paragraph) -> str:
    text = escape(block.text)
    if block.toc_page is not None:
        return f'<p class="toc">{text} {"." * 40} {escape(block.toc_page)}</p>'
    if block.bold:
        text = f"<b>{text}</b>"
    if block.bullet:
        marker = "" if block.text[:1] in "✓❖▪-•" or block.text[1:2] == ")" else "- "
        return f'<p class="bullet">{marker}{text}</p>'
    return f"<p>{text}</p>"


def _cell(tag: str, text: str, t: TableBlock, bold: bool, span: int = 1, cols: int = 1) -> str:
    pad = f"{t.cell_pad_cm}cm"
    if t.borders == "grid":
        border = f"border: {_BORDER};"
    elif t.borders == "horizontal":
        border = f"border-top: {_BORDER}; border-bottom: {_BORDER};"
    else:
        border = ""
    weight = "font-weight: bold;" if bold else ""
    attrs = (f' rowspan="{span}"' if span > 1 else "") + (f' colspan="{cols}"' if cols > 1 else "")
    body = "".join(f"<div>{escape(part)}</div>" for part in text.split("\n")) if text else ""
    return f'<{tag}{attrs} style="padding: 1pt {pad}; {border} {weight}">{body}</{tag}>'


def _table(t: TableBlock) -> str:
    t.validate()
    cols = "".join(f'<col style="width: {w}cm">' for w in t.col_widths_cm)
    head_rows = []
    if t.title_row:
        head_rows.append(f"<tr>{_cell('th', t.title_row, t, True, cols=t.ncols)}</tr>")
    head_rows += ["<tr>" + "".join(_cell("th", c, t, True) for c in row) + "</tr>" for row in t.header_rows]
    spans = {(r, c): s for r, c, s in t.merges}
    hidden = {(r + k, c) for r, c, s in t.merges for k in range(1, s)}
    body_rows = []
    for r, row in enumerate(t.rows):
        cells = [_cell("td", text, t, r in t.bold_rows, spans.get((r, c), 1))
                 for c, text in enumerate(row) if (r, c) not in hidden]
        body_rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(head_rows)
    # a header that is not repeated is simply the first rows of the body
    head_html = f"<thead>{head}</thead><tbody>" if t.repeat_header else f"<tbody>{head}"
    style = f"font-size: {t.font_pt}pt; width: {sum(t.col_widths_cm)}cm;"
    table = f'<table style="{style}"><colgroup>{cols}</colgroup>{head_html}{"".join(body_rows)}</tbody></table>'
    return f'<div class="landscape">{table}</div>' if t.landscape else table


def to_html(doc: Document, title: str = "Piano annuale") -> str:
    parts = []
    for block in doc.blocks:
        if isinstance(block, Title):
            parts.append(f"<h1>{escape(block.text)}</h1>")
        elif isinstance(block, Heading):
            parts.append(f"<h{min(block.level + 1, 4)}>{escape(block.text)}</h{min(block.level + 1, 4)}>")
        elif isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, TableBlock):
            parts.append(_table(block))
        elif isinstance(block, PageBreak):
            parts.append('<div class="break"></div>')
    return (f'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_css(doc)}</style></head><body>{''.join(parts)}</body></html>")


def print_html(html: str, out: Path, chromium: str = "chromium") -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "plan.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=180)
    return out


def build_pdf(doc: Document, out: Path, chromium: str = "chromium") -> Path:
    return print_html(to_html(doc), out, chromium)
