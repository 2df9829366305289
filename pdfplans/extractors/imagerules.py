"""Ruling lines drawn as a picture under the text layer.

Some producers print a page's text over one picture of everything else: pdftohtml's positioned
text over a background image (and a browser's print of it), a scan with a text layer. The page has
words but no drawn rules, and a table's grid, which groups its merged cells, is in the picture.
It is read there as on a scan: runs of ink longer than any of the page's glyphs and thinner than a
rule, in the picture's own pixels, placed on the page by the picture's matrix.
"""
from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING, Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .page import Rule, Word
from .settings import DEFAULT_SETTINGS, ReaderSettings

if TYPE_CHECKING:
    import numpy as np  # imported where a page's picture is decoded: most plans never need it

POOL_PER_POINT = 1.4  # pixels per point the picture is read at (100 dpi): a rule is placed to a point
Transform = Callable[[float, float], tuple[float, float]]


def image_rules(page: pdfium.PdfPage, transform: Transform, words: list[Word], view: tuple[float, float],
                settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Rule]:
    """The rules of every picture covering ``image_page_share`` of the page or more (view points)."""
    if not words:
        return []
    size = median(w.bottom - w.top for w in words)  # the glyphs' own height: what a rule must outrun
    rules: list[Rule] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM], max_depth=2):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        placed = _placement(obj)
        if placed is None:
            continue
        (x0, y0), (x1, y1) = (transform(*placed.on_point(0, 1)), transform(*placed.on_point(1, 0)))
        left, top, right, bottom = min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
        if (right - left) * (bottom - top) < settings.image_page_share * view[0] * view[1]:
            continue  # a logo or a photograph, not the page's drawing
        try:
            pixels = obj.get_bitmap(render=False).to_numpy()  # its own pixels: no page rendering
        except pdfium.PdfiumError:
            continue
        ink, corners = _pooled(_ink(pixels), (x0, y0, x1, y1))
        rules += _rules_in(ink, corners, size, settings)
    return rules


def _placement(obj: pdfium.PdfObject) -> pdfium.PdfMatrix | None:
    """The matrix from the picture's unit square to page space through every form holding it, or
    None when it is turned or skewed (a picture on its side holds no grid the reader could use)."""
    matrix = obj.get_matrix()
    container = getattr(obj, "container", None)
    while container is not None:
        matrix = matrix.multiply(container.get_matrix())
        container = getattr(container, "container", None)
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a == 0 or matrix.d == 0:
        return None
    return matrix


def _ink(pixels: np.ndarray) -> np.ndarray:
    """Ink (255 on 0) of a BGR(A) or gray picture: darker than halfway to its paper."""
    import cv2
    import numpy as np

    if pixels.ndim == 3 and pixels.shape[2] == 4:
        gray = cv2.cvtColor(pixels, cv2.COLOR_BGRA2GRAY)
        gray[pixels[..., 3] < 128] = 255  # transparent: the paper shows through
    elif pixels.ndim == 3 and pixels.shape[2] == 3:
        gray = cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY)
    else:
        gray = np.ascontiguousarray(pixels.reshape(pixels.shape[:2]), dtype=np.uint8)
    paper = int(np.percentile(gray[::7, ::7], 90))
    return cv2.threshold(gray, paper // 2, 255, cv2.THRESH_BINARY_INV)[1]


def _pooled(ink: np.ndarray, corners: tuple[float, float, float, float]) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """The ink at about ``POOL_PER_POINT`` pixels a point, and where its corners now land: a block
    keeps any ink in it, so a hairline stays."""
    x0, y0, x1, y1 = corners
    rows, cols = ink.shape
    step = int(cols / max(abs(x1 - x0), 1.0) / POOL_PER_POINT)
    if step <= 1:
        return ink, corners
    import cv2

    # an area average is above zero wherever the block held any ink: a maximum over the block
    kept = cv2.resize(ink, (cols // step, rows // step), interpolation=cv2.INTER_AREA)
    return cv2.threshold(kept, 0, 255, cv2.THRESH_BINARY)[1], corners


def _rules_in(ink: np.ndarray, corners: tuple[float, float, float, float], size: float,
              settings: ReaderSettings) -> list[Rule]:
    """Rules of one picture's ink, in page points: ``corners`` are where its top-left and bottom-right
    pixels' corners land (x0, y0, x1, y1, either way round)."""
    import cv2  # only pages drawn as a picture need it

    rows, cols = ink.shape
    x0, y0, x1, y1 = corners
    sx, sy = (x1 - x0) / cols, (y1 - y0) / rows  # points per pixel, signed
    per_point = 1 / max(abs(sx), abs(sy))
    mask = ink
    length = max(settings.rule_length_pt, settings.image_rule_sizes * size) * per_point
    out: list[Rule] = []
    for horizontal in (True, False):
        span = 2 * round(length / 2) + 1  # odd: the opening keeps a run where it is
        shape = (span, 1) if horizontal else (1, span)
        kept = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
        count, _labels, stats, _ = cv2.connectedComponentsWithStats(kept, connectivity=8)
        for left, top, width, height, _area in stats[1:count]:
            thickness = (height if horizontal else width) / per_point
            if thickness > settings.rule_thickness_pt:
                continue  # a filled box or a block of dark picture
            if horizontal:
                y = float(y0 + (top + height / 2) * sy)
                a, b = float(x0 + left * sx), float(x0 + (left + width) * sx)
                out.append(Rule(min(a, b), y, max(a, b), y))
            else:
                x = float(x0 + (left + width / 2) * sx)
                a, b = float(y0 + top * sy), float(y0 + (top + height) * sy)
                out.append(Rule(x, min(a, b), x, max(a, b)))
    return out
