"""Pictures of printed regions for the HTML report, rendered from the plans' PDFs.

Each region is rendered once (a finding repeating another's cells reuses the picture), at a
modest scale, downscaled to the report's width and stored as a small palette PNG for a text
layer or a grey JPEG for a scan (a scan's noise makes PNGs large). The cells a finding is about
are outlined in red, those OCR read with low confidence in orange.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extractors.page import LOW_CONFIDENCE
from ..model import BBox, Cell

SCALE = 2.0  # 144 dpi: a printed figure stays legible, the pictures stay small
MAX_WIDTH = 860  # pixels: the width of the report's column
MAX_HEIGHT = 420.0  # points of a region at most: a longer list is cut, the caption says which rows
PAD = 4.0  # points around the region (OCR boxes hug the ink)
RED, ORANGE, GREY = (210, 0, 0), (240, 130, 0), (150, 150, 160)


@dataclass(frozen=True)
class Strip:
    """One rectangle of one page to show, with the boxes to outline in it."""

    page: int
    box: BBox
    marks: tuple[tuple[BBox, bool], ...] = ()  # (box, OCR-doubtful)


def is_doubtful(cell: Cell) -> bool:
    return cell.confidence is not None and cell.confidence < LOW_CONFIDENCE


def union(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


class Pictures:
    """Opened PDFs and the pictures already made from them."""

    def __init__(self) -> None:
        self._docs: dict[str, Any] = {}
        self._made: dict[tuple[str, tuple[Strip, ...], bool], str | None] = {}

    def document(self, file: str) -> Any:
        if file not in self._docs:
            self._docs[file] = None
            if Path(file).is_file():
                try:
                    import pypdfium2

                    self._docs[file] = pypdfium2.PdfDocument(file)
                except Exception:  # a damaged PDF only loses its pictures, not the report
                    self._docs[file] = None
        return self._docs[file]

    def picture(self, file: str, strips: tuple[Strip, ...], scan: bool) -> str | None:
        """A data URI of the strips stacked top to bottom (None when the PDF or a page is missing)."""
        key = (file, strips, scan)
        if key not in self._made:
            self._made[key] = self._make(file, strips, scan)
        return self._made[key]

    def _make(self, file: str, strips: tuple[Strip, ...], scan: bool) -> str | None:
        from PIL import Image

        images = [image for strip in strips if (image := self._render(file, strip)) is not None]
        if not images:
            return None
        gap = 8
        width = max(i.width for i in images)
        sheet = Image.new("RGB", (width, sum(i.height for i in images) + gap * (len(images) - 1)), (225, 226, 232))
        y = 0
        for image in images:
            sheet.paste(image, (0, y))
            y += image.height + gap
        if sheet.width > MAX_WIDTH:
            sheet = sheet.resize((MAX_WIDTH, max(1, round(sheet.height * MAX_WIDTH / sheet.width))), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if scan:
            sheet.save(out, format="JPEG", quality=62, optimize=True)
            kind = "jpeg"
        else:
            sheet.quantize(colors=16).save(out, format="PNG", optimize=True)
            kind = "png"
        return f"data:image/{kind};base64," + base64.b64encode(out.getvalue()).decode("ascii")

    def _render(self, file: str, strip: Strip) -> Any:
        pdf = self.document(file)
        if pdf is None or not 1 <= strip.page <= len(pdf):
            return None
        try:
            page = pdf[strip.page - 1]
            width, height = page.get_size()
            x0, top, x1, bottom = strip.box
            x0, top = max(0.0, x0 - PAD), max(0.0, top - PAD)
            x1, bottom = min(width, x1 + PAD), min(height, min(bottom, top + MAX_HEIGHT) + PAD)
            if not (x1 > x0 and bottom > top):
                return None  # the box lies outside the page
            crop = (x0, height - bottom, width - x1, top)  # pdfium: left, bottom, right, top margins
            image = page.render(scale=SCALE, crop=crop).to_pil().convert("RGB")
        except Exception:
            return None
        from PIL import ImageDraw

        draw = ImageDraw.Draw(image)
        for (b0, btop, b1, bbottom), doubtful in strip.marks:
            draw.rectangle(((b0 - x0 - 1.5) * SCALE, (btop - top - 1.5) * SCALE,
                            (b1 - x0 + 1.5) * SCALE, (bbottom - top + 1.5) * SCALE),
                           outline=ORANGE if doubtful else RED, width=4 if doubtful else 2)
        return image

    def locate(self, file: str, page: int, sentence: str) -> BBox | None:
        """Where ``sentence`` is printed on ``page`` (text layer only), from its first words to its last."""
        pdf = self.document(file)
        if pdf is None or not 1 <= page <= len(pdf):
            return None
        try:
            pdf_page = pdf[page - 1]
            height = pdf_page.get_size()[1]
            text = pdf_page.get_textpage()
            words = sentence.rstrip(".").split()
            first = _find(text, words, from_end=False)
            last = _find(text, words, from_end=True)
        except Exception:
            return None
        found = [r for r in (first, last) if r is not None]
        if not found:
            return None
        left, bottom, top = min(r[0] for r in found), min(r[1] for r in found), max(r[3] for r in found)
        if top - bottom > MAX_HEIGHT or (first and last and first[3] < last[3] - 2):
            found = found[:1]  # the last words printed above the first: another occurrence, keep the first
            left, bottom, top = found[0][0], found[0][1], found[0][3]
        width = pdf_page.get_size()[0]
        right = max(max(r[2] for r in found), width - left)  # the lines between run to the right margin
        return (left, height - top, right, height - bottom)

    def close(self) -> None:
        for pdf in self._docs.values():
            if pdf is not None:
                pdf.close()


def _find(text: Any, words: list[str], from_end: bool) -> tuple[float, float, float, float] | None:
    """The PDF rectangle (left, bottom, right, top) of a few of ``words`` found on one printed line."""
    for n in (6, 4, 2):
        if len(words) < n:
            continue
        phrase = " ".join(words[-n:] if from_end else words[:n])
        hit = text.search(phrase, match_case=False).get_next()
        if hit:
            rects = [text.get_rect(i) for i in range(text.count_rects(*hit))]
            return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))
    return None
