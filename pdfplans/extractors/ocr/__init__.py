"""Pages without a text layer (scans) → the same ``Word``s and ``Rule``s a text PDF gives.

Each page is rendered at 300 dpi in grayscale, deskewed, its ruling lines are found by morphology
(and erased, so that tesseract reads neither "|" nor "—" from a table border), and the tesseract
CLI reads the rest with its Italian model, printing one TSV row per word with box and confidence.
Every coordinate refers to the *deskewed* page, in PDF points with the origin top-left: a scan
turned by a fraction of a degree is turned back about its centre, which puts the text where the
original page printed it.

Pages run in a thread pool: tesseract is a subprocess and OpenCV releases the GIL, so threads use
both cores; pdfium is not thread-safe, so rendering alone is serialised by a lock. Each worker
holds one page image at a time. See docs/ocr.md.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import cv2
import numpy as np

from ... import progress
from ...errors import PlanWarning
from .. import cancel
from ..page import LOW_CONFIDENCE, PageContent, Rule, Word
from . import orient
from .cleanup import clean_line
from .figures import doubtful_figures, read_figures, replace_figures
from .image import (
    DPI,
    POINTS,
    binarize,
    deskew,
    erase_lines,
    estimate_skew,
    glyph_height,
    line_masks,
    normalize_contrast,
    ocr_zoom,
    rules_from_mask,
)
from .orient import DOUBTFUL, reading_confidence, runs_vertically, turned
from .tesseract import LANGUAGE, lines_from_tsv, run_tesseract, tesseract_problem

PSM = 6  # one uniform block: with rules erased, best on table pages (measured against 4, 11, 3: docs/ocr.md)
__all__ = ["DPI", "LANGUAGE", "LOW_CONFIDENCE", "PSM", "PageImage", "clean_line", "estimate_skew",
           "lines_from_tsv", "orient", "read_image", "read_upright", "read_pages", "render_page", "tesseract_problem"]


@dataclass
class PageImage:
    """One page read by OCR: its words and rules (PDF points, deskewed page) and the skew found."""

    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    skew: float = 0.0  # degrees, counter-clockwise as printed (the angle the scan was turned by)
    turned: int = 0  # 0, 90, 180 or 270: quarter turns (counter-clockwise) the scan shows the page by


# -- entry point ---------------------------------------------------------------------------
def read_pages(
    document, pages: list[PageContent], file: str, warnings: list[PlanWarning], *,
    dpi: int = DPI, workers: int | None = None, binary: str = "tesseract",
) -> None:
    """OCR ``pages`` (none of which has a text layer) in place: words, rules and ``ocr = True``.

    A missing tesseract or language gives one warning for the file and leaves the pages empty;
    a page that fails gives a warning naming it.
    """
    if not pages:
        return
    problem = tesseract_problem(binary, LANGUAGE)
    if problem is not None:
        numbers = ", ".join(str(p.number) for p in pages)
        warnings.append(PlanWarning(file, f"{problem}: {len(pages)} page(s) without text not read ({numbers})",
                                    kind="unreadable"))
        return
    lock = threading.Lock()

    def work(page: PageContent) -> PageImage:
        with lock:  # pdfium is not thread-safe
            cancel.check()
            gray = render_page(document, page.number - 1, dpi)
        return read_image(gray, page.number, dpi, binary=binary)

    workers = workers or min(len(pages), max(1, os.cpu_count() or 1))
    cancel.start()
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        futures = [(page, pool.submit(work, page)) for page in pages]
        for done, (page, future) in enumerate(futures, 1):
            try:
                result = future.result()
            except Exception as error:  # one bad page must not cost the others
                warnings.append(PlanWarning(file, f"OCR failed ({error})", page.number, kind="unreadable"))
                continue
            finally:
                progress.report("OCR", done, len(pages))
            _store(page, result, file, warnings)
    except BaseException:  # Ctrl-C: stop now, not after every queued page
        cancel.stop(pool)
        # A render under way ends before the caller can close the document: pdfium aborts the
        # process if a page is closed under a thread still drawing it (no new one starts: stopped).
        with lock:
            pass
        raise
    pool.shutdown()


def _store(page: PageContent, result: PageImage, file: str, warnings: list[PlanWarning]) -> None:
    page.words, page.rules, page.ocr = result.words, result.rules, True
    if result.turned:
        if result.turned in (90, 270):  # the words are those of the page turned upright
            page.width, page.height = page.height, page.width
        warnings.append(PlanWarning(
            file, f"page scanned turned by {result.turned}°: read turned back upright", page.number))


def render_page(document, index: int, dpi: int = DPI) -> np.ndarray:
    """The page as an 8-bit grayscale array (a copy: pdfium's buffer is freed with the bitmap)."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / POINTS, grayscale=True)
        array = np.array(bitmap.to_numpy(), copy=True)
    finally:
        page.close()
    if array.ndim == 3:
        array = array[..., 0]
    return np.ascontiguousarray(array)


# -- one page ------------------------------------------------------------------------------
def read_image(
    gray: np.ndarray, number: int, dpi: int = DPI, *, psm: int | None = None, binary: str = "tesseract"
) -> PageImage:
    """The whole pipeline for one page image: upright, deskew, rules, OCR, word cleanup.

    A page whose text runs up the page is turned a quarter clockwise (a landscape page printed on
    portrait paper comes back that way); a reading that looks upside down is done again a half
    turn further, and the better one is kept (``orient``).
    """
    cancel.check()
    first = 270 if runs_vertically(gray, dpi) else 0
    page = read_upright(turned(gray, first), number, dpi, psm=psm, binary=binary)
    page.turned = (360 - first) % 360
    confidence = reading_confidence(page.words)
    if confidence is not None and confidence < DOUBTFUL:
        other = read_upright(turned(gray, first + 180), number, dpi, psm=psm, binary=binary)
        # a good reading the other way round, not one merely less bad: a contents page whose dot
        # leaders read as garbage stays as it is
        if (reading_confidence(other.words) or 0.0) >= DOUBTFUL:
            other.turned = (180 - first) % 360
            page = other
    return page


def read_upright(
    gray: np.ndarray, number: int, dpi: int = DPI, *, psm: int | None = None, binary: str = "tesseract"
) -> PageImage:
    """One page image the right way up (within a few degrees): deskew, rules, OCR, cleanup."""
    cancel.check()  # each stage below takes up to a second on a loaded machine: Ctrl-C waits for none
    angle = estimate_skew(gray)
    cancel.check()
    straight = deskew(gray, angle)
    del gray
    ink = binarize(straight)
    horizontal, vertical = line_masks(ink, dpi)
    cancel.check()
    scale = POINTS / dpi
    rules = rules_from_mask(horizontal, True, scale, ink) + rules_from_mask(vertical, False, scale, ink)
    cancel.check()
    glyph = glyph_height(ink, cv2.bitwise_or(horizontal, vertical), dpi)
    zoom = ocr_zoom(glyph, dpi)
    image = normalize_contrast(erase_lines(straight, horizontal, vertical, dpi))
    del straight
    cancel.check()
    # small type (Allegato A's 6 pt): tesseract reads digits far better larger
    large = cv2.resize(image, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC) if zoom > 1.0 else image
    tsv = run_tesseract(large, round(dpi * zoom), psm or PSM, binary)
    del large
    lines = lines_from_tsv(tsv, number, scale / zoom)
    words = [w for line in lines for w in clean_line(line, rules)]
    if glyph is not None and vertical.any():  # lone figures of ruled cells the page pass doubts: read again, digits only
        walls = cv2.dilate(cv2.bitwise_or(horizontal, vertical), cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
        figures = doubtful_figures(cv2.bitwise_and(ink, cv2.bitwise_not(walls)), walls, glyph, words, scale)
        if figures:
            words = replace_figures(words, figures, read_figures(image, figures, glyph, binary), scale, number)
    return PageImage(words, rules, angle)
