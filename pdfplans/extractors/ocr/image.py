"""Image work on a page before OCR: deskew, ruling lines (found, turned into ``Rule``s, erased),
contrast, and how much small type is enlarged for tesseract. Pixels of a grayscale page; see
docs/ocr.md for the measures behind each constant."""
from __future__ import annotations

import cv2
import numpy as np

from .. import cancel
from ..page import Rule

DPI = 300
POINTS = 72.0
MAX_SKEW = 5.0  # degrees: beyond this a page is not "slightly turned" and is left as it is
SKEW_SAMPLE = 120_000  # ink pixels the skew search looks at: as sharp as all of them, a fraction of the time
ERASE_REACH = 0.8  # points beyond a rule's dark core that its blur reaches
PAPER_MARGIN = 20  # gray levels below the paper's own that still count as paper
SMALL_GLYPH = 5.3  # points: capitals and digits under this (type under about 7.5 pt) are small type
GLYPH_TARGET = 12.0  # points (50 px at 300 dpi): the height small type is enlarged to for tesseract
MAX_ZOOM = 4.0


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0 (Otsu: a scan's paper and ink are two well separated grays)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def estimate_skew(gray: np.ndarray, max_angle: float = MAX_SKEW) -> float:
    """Angle (degrees, counter-clockwise) the page content is turned by.

    Projection profiles: turned back by the right angle, the ink of text lines and rules falls
    into the fewest rows, so the sum of squared row counts peaks. A coarse search then a fine one.
    """
    ink = binarize(gray)
    ys, xs = np.nonzero(ink)
    if len(xs) < 50:
        return 0.0
    if len(xs) > SKEW_SAMPLE:  # a sample is as sharp and keeps the search fast
        pick = np.random.default_rng(0).choice(len(xs), SKEW_SAMPLE, replace=False)
        ys, xs = ys[pick], xs[pick]
    x = xs.astype(np.float64) - gray.shape[1] / 2
    y = ys.astype(np.float64)

    def sharpness(angle: float) -> float:
        t = np.deg2rad(angle)
        row = y * np.cos(t) + x * np.sin(t)
        counts = np.bincount((row - row.min()).astype(np.int64))
        return float(np.dot(counts, counts))

    best = 0.0
    for step, span in ((0.2, max_angle), (0.02, 0.2), (0.005, 0.02)):
        candidates = np.arange(best - span, best + span + step / 2, step)
        scores = [sharpness(a) for a in candidates]
        best = float(candidates[int(np.argmax(scores))])
    return round(best, 3) if abs(best) < max_angle else 0.0


def deskew(gray: np.ndarray, angle: float) -> np.ndarray:
    """Turn the page back by ``angle`` about its centre (as the scanner turned it), same size."""
    if abs(angle) < 0.01:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    paper = paper_gray(gray)  # fill the corners with the paper's own gray
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=paper)


def normalize_contrast(gray: np.ndarray) -> np.ndarray:
    """Paper to white, darkest ink to black: the scan's noise and gray paper vanish.

    tesseract's recognizer reads the gray image, not only its own binarization; on noisy gray
    paper it misreads isolated digits far more often (measured: 87% → 94% of words right).
    """
    paper = paper_gray(gray) - PAPER_MARGIN  # a little below the paper: its noise saturates to white
    ink = int(np.percentile(gray[::5, ::5], 0.5))
    if paper - ink < 32:  # a blank or flat page: nothing to stretch
        return gray
    lut = np.clip((np.arange(256, dtype=np.float32) - ink) * 255.0 / (paper - ink), 0, 255).astype(np.uint8)
    return cv2.LUT(gray, lut)


def glyph_height(ink: np.ndarray, lines: np.ndarray, dpi: int = DPI) -> float | None:
    """Typical height (pixels) of the page's glyphs: 3rd quartile of the ink blobs, rules aside.

    The upper quartile is the height of capitals and digits on a page of text or tables; the
    median would be dots and dot leaders on a table of contents.
    """
    # at half size: a quarter of the time, heights as good for a quartile
    blobs = np.ascontiguousarray(cv2.bitwise_and(ink, cv2.bitwise_not(lines))[::2, ::2])
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    heights = 2 * stats[1:count, cv2.CC_STAT_HEIGHT]
    widths = 2 * stats[1:count, cv2.CC_STAT_WIDTH]
    pixels = dpi / POINTS
    glyphs = heights[(heights >= 1.5 * pixels) & (heights <= 36 * pixels) & (widths <= 36 * pixels)]
    if len(glyphs) < 30:
        return None
    return float(np.percentile(glyphs, 75))


def ocr_zoom(height: float | None, dpi: int = DPI) -> float:
    """How much to enlarge a page of small type for tesseract.

    Lone digits of 6 pt type in narrow cells are where tesseract fails: a "0" dropped or read
    "6". Enlarged so that capitals are 12 pt tall, far more than a text page's, it reads them
    (Allegato A of the 150 dpi sample: 80% of cells right at 6.2 pt, 93% at 10, 96% at 12; docs/ocr.md).
    Pages of ordinary type are left as they are: enlarging them costs time and gains nothing.
    """
    if height is None or height >= SMALL_GLYPH * dpi / POINTS:
        return 1.0
    return min(MAX_ZOOM, GLYPH_TARGET * dpi / POINTS / height)


def line_masks(ink: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling lines: long thin runs of ink that survive an opening.

    A letter is at most a font size tall or wide; a rule is longer than any of them.
    """
    h_len = max(10, int(dpi * 24 / POINTS))  # 24 pt: wider than any glyph or dash
    v_len = max(10, int(dpi * 14 / POINTS))  # 14 pt: taller than any glyph, shorter than one row
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    return horizontal, vertical


def erase_lines(gray: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray, dpi: int = DPI) -> np.ndarray:
    """The page with its rules painted over in the paper's gray, blurred edges included.

    A rule left in the image comes back as "|", "—", "(" or garbage words around the digits
    of narrow cells; the blur of the scan spreads a rule a few pixels beyond its dark core.
    """
    reach = max(2, round(ERASE_REACH * dpi / POINTS))  # pixels beyond the mask on each side, across the rule
    mask = cv2.bitwise_or(
        cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 2 * reach + 1))),
        cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * reach + 1, 3))),
    )
    clean = gray.copy()
    clean[mask > 0] = paper_gray(gray)
    return clean


def paper_gray(gray: np.ndarray) -> int:
    return int(np.percentile(gray[::7, ::7], 90))


def rules_from_mask(mask: np.ndarray, horizontal: bool, scale: float, ink: np.ndarray | None = None) -> list[Rule]:
    """One ``Rule`` per connected run of a line mask.

    Skipped: runs thicker than a rule (a filled box), and runs with ink all along both sides
    (bold letters touching each other in small type: a rule has paper on at least one side).
    """
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rules: list[Rule] = []
    for left, top, width, height, _area in stats[1:count]:
        cancel.check()  # thousands of runs on a page of Allegato B, in Python: Ctrl-C must not wait for them
        thickness = height if horizontal else width
        if thickness * scale > 3.0:
            continue
        if ink is not None and _inked_on_both_sides(ink, left, top, width, height, horizontal):
            continue
        if horizontal:
            y = (top + height / 2) * scale
            rules.append(Rule(left * scale, y, (left + width) * scale, y))
        else:
            x = (left + width / 2) * scale
            rules.append(Rule(x, top * scale, x, (top + height) * scale))
    return rules


def _inked_on_both_sides(ink: np.ndarray, left: int, top: int, width: int, height: int, horizontal: bool) -> bool:
    gap = 3  # pixels beyond the run's edge: past the blur of the rule itself
    if horizontal:
        rows = ink.shape[0]
        before = ink[max(0, top - gap), left:left + width]
        after = ink[min(rows - 1, top + height - 1 + gap), left:left + width]
    else:
        columns = ink.shape[1]
        before = ink[top:top + height, max(0, left - gap)]
        after = ink[top:top + height, min(columns - 1, left + width - 1 + gap)]
    return float(np.mean(before > 0)) > 0.15 and float(np.mean(after > 0)) > 0.15

