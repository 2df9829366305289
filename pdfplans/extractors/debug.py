"""``--debug``: one PNG per page with what the reader saw, drawn as pdfplumber's visual debugging does.

Table regions in blue, labelled with the canonical id they were read as, its score and the
runner-up's (``pdfplans.explain`` says why in full), column boundaries in red, row tops in green,
cells OCR read with low confidence filled orange, so a user who gets a wrong cell sees where the
reader went wrong, or where OCR doubted.
"""
from __future__ import annotations

from pathlib import Path

from .classify import Match
from .explain import label
from .locate import PrintedTable
from .page import LOW_CONFIDENCE

RESOLUTION = 100
ORANGE = (240, 130, 0)  # an OCR-doubtful cell, as the HTML report outlines it


def write_debug_images(file: str, tables: list[PrintedTable], scored: list[Match], matches: list[Match],
                       out_dir: str | Path) -> list[Path]:
    """One PNG per page; ``scored``: every candidate (``classify.candidates``), ``matches`` the chosen."""
    import pdfplumber  # only here: it parses the whole page with pdfminer, slow but faithful for drawing

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = {id(table): label(table, scored, matches) for table in tables}
    written = []
    with pdfplumber.open(file) as pdf:
        for index, page in enumerate(pdf.pages):
            number = index + 1
            image = page.to_image(resolution=RESOLUTION)
            for table in tables:
                _draw_table(image, table, number, names.get(id(table), "unrecognized"))
            path = out / f"page-{number:03d}.png"
            image.save(path, format="PNG")
            written.append(path)
    return written


def _draw_table(image, table: PrintedTable, page: int, name: str) -> None:
    lines = [l for l in table.lines if l.page == page]
    if not lines:
        return
    top = min(l.top for l in lines) - 2
    bottom = max(l.bottom for l in lines) + 2
    left = min(table.columns[0][0], min(l.x0 for l in lines)) - 2
    right = max(table.columns[-1][1], max(l.x1 for l in lines)) + 2
    image.draw_rect((left, top, right, bottom), fill=(0, 0, 255, 18), stroke=(0, 0, 255), stroke_width=2)
    for x0, _x1 in table.columns[1:]:
        image.draw_line([(x0, top), (x0, bottom)], stroke=(220, 0, 0), stroke_width=1)
    for row in table.rows:
        tops = [c.bbox[1] for c in row if c is not None and c.page == page]
        if tops:
            y = min(tops) - 1
            image.draw_line([(left, y), (right, y)], stroke=(0, 160, 0), stroke_width=1)
        for cell in row:
            if cell is not None and cell.page == page and cell.confidence is not None and cell.confidence < LOW_CONFIDENCE:
                image.draw_rect(cell.bbox, fill=(255, 140, 0, 70), stroke=ORANGE, stroke_width=2)
    try:
        from PIL import ImageDraw

        draw = ImageDraw.Draw(image.annotated)
        scale = image.scale
        draw.text((left * scale + 3, max(0, top * scale - 12)), name, fill=(0, 0, 255))
    except Exception:  # the label is a convenience; never fail the debug output on it
        pass
