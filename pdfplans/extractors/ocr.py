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

import csv
import io
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from statistics import median

import cv2
import numpy as np

from ..errors import PlanWarning
from .page import PageContent, Rule, Word

DPI = 300
LANGUAGE = "ita"
PSM = 11  # sparse text: every word wherever it is; the reader makes lines and columns itself
LOW_CONFIDENCE = 80.0  # a word (and so a cell) below this is worth a warning
MAX_SKEW = 5.0  # degrees: beyond this a page is not "slightly turned" and is left as it is
PAGE_TIMEOUT = 180.0  # seconds of tesseract per page
_POINTS = 72.0
ERASE_REACH = 0.8  # points beyond a rule's dark core that its blur reaches


@dataclass
class PageImage:
    """One page read by OCR: its words and rules (PDF points, deskewed page) and the skew found."""

    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    skew: float = 0.0  # degrees, counter-clockwise as printed (the angle the scan was turned by)


class TesseractMissing(RuntimeError):
    """tesseract or its language data is not installed."""


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
            gray = render_page(document, page.number - 1, dpi)
        return read_image(gray, page.number, dpi, binary=binary)

    workers = workers or min(len(pages), max(1, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [(page, pool.submit(work, page)) for page in pages]
        for page, future in futures:
            try:
                result = future.result()
            except Exception as error:  # one bad page must not cost the others
                warnings.append(PlanWarning(file, f"OCR failed ({error})", page.number, kind="unreadable"))
                continue
            page.words, page.rules, page.ocr = result.words, result.rules, True


def tesseract_problem(binary: str = "tesseract", language: str = LANGUAGE) -> str | None:
    """Why OCR cannot run here (None when it can)."""
    if shutil.which(binary) is None:
        return f"OCR unavailable: the tesseract program ({binary!r}) is not installed"
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as error:
        return f"OCR unavailable: tesseract does not run ({error})"
    languages = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()[1:]}
    if listed.returncode != 0 or language not in languages:
        return f"OCR unavailable: tesseract has no {language!r} language data (install tesseract-ocr-{language})"
    return None


def render_page(document, index: int, dpi: int = DPI) -> np.ndarray:
    """The page as an 8-bit grayscale array (a copy: pdfium's buffer is freed with the bitmap)."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / _POINTS, grayscale=True)
        array = np.array(bitmap.to_numpy(), copy=True)
    finally:
        page.close()
    if array.ndim == 3:
        array = array[..., 0]
    return np.ascontiguousarray(array)


# -- one page ------------------------------------------------------------------------------
def read_image(gray: np.ndarray, number: int, dpi: int = DPI, *, psm: int | None = None, binary: str = "tesseract") -> PageImage:
    """The whole pipeline for one page image: deskew, rules, OCR."""
    angle = estimate_skew(gray)
    straight = deskew(gray, angle)
    del gray
    ink = binarize(straight)
    horizontal, vertical = line_masks(ink, dpi)
    scale = _POINTS / dpi
    rules = rules_from_mask(horizontal, True, scale, ink) + rules_from_mask(vertical, False, scale, ink)
    clean = erase_lines(straight, horizontal, vertical, dpi)
    del straight, ink, horizontal, vertical
    tsv = run_tesseract(clean, dpi, psm or PSM, binary)
    words = words_from_tsv(tsv, number, scale)
    return PageImage(words, rules, angle)


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
    if len(xs) > 300_000:  # a sample is as sharp and keeps the search fast
        pick = np.random.default_rng(0).choice(len(xs), 300_000, replace=False)
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


def line_masks(ink: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling lines: long thin runs of ink that survive an opening.

    A letter is at most a font size tall or wide; a rule is longer than any of them.
    """
    h_len = max(10, int(dpi * 24 / _POINTS))  # 24 pt: wider than any glyph or dash
    v_len = max(10, int(dpi * 14 / _POINTS))  # 14 pt: taller than any glyph, shorter than one row
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    return horizontal, vertical


def erase_lines(gray: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray, dpi: int = DPI) -> np.ndarray:
    """The page with its rules painted over in the paper's gray, blurred edges included.

    A rule left in the image comes back as "|", "—", "(" or garbage words around the digits
    of narrow cells; the blur of the scan spreads a rule a few pixels beyond its dark core.
    """
    reach = max(2, round(ERASE_REACH * dpi / _POINTS))  # pixels beyond the mask on each side, across the rule
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


def run_tesseract(gray: np.ndarray, dpi: int, psm: int, binary: str = "tesseract") -> str:
    """tesseract's TSV for one image, passed through a pipe (no temporary files)."""
    ok, encoded = cv2.imencode(".png", gray, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise RuntimeError("could not encode the page image")
    # one thread per tesseract: the pages already run in parallel, OpenMP on top only thrashes
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", str(psm), "--dpi", str(dpi), "tsv"]
    done = subprocess.run(command, input=encoded.tobytes(), capture_output=True, env=env, timeout=PAGE_TIMEOUT)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract exited with {done.returncode}: {message[-1] if message else ''}")
    return done.stdout.decode("utf-8", "replace")


# -- TSV → words ---------------------------------------------------------------------------
def words_from_tsv(tsv: str, number: int, scale: float) -> list[Word]:
    """Words of tesseract's TSV, in points; a line's words share its font size estimate."""
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    by_line: dict[tuple[str, str, str], list[tuple[str, float, int, int, int, int]]] = {}
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if not text or conf < 0:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        box = (int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]))
        by_line.setdefault(key, []).append((text, conf, *box))
    words: list[Word] = []
    for items in by_line.values():
        size = line_size([(text, height) for text, _c, _l, _t, _w, height in items]) * scale
        for text, conf, left, top, width, height in items:
            text, conf = clean_text(text, conf)
            if not text:
                continue
            words.append(Word(text, left * scale, top * scale, (left + width) * scale, (top + height) * scale,
                              size, number, confidence=conf, bold=None))
    return words


_ASCENDING = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhklàèéìòù'’\"!?()[]{}/|%&€$#@ÀÈÉÌÒÙ")
_DESCENDING = set("gjpqy()[]{}|,;")


def line_size(items: list[tuple[str, int]]) -> float:
    """Font size (pixels) of a line from its words' ink heights and what letters they hold.

    An ink box spans cap height or x-height, plus descenders: about 0.7 or 0.5 of the font size,
    plus 0.2; each word says which, and the median of their estimates is the line's size.
    """
    estimates = []
    for text, height in items:
        body = 0.70 if any(c in _ASCENDING for c in text) else 0.48
        if any(c in _DESCENDING for c in text):
            body += 0.22
        if text.strip(".,:;-–—_·•*") == "":
            continue  # punctuation alone says nothing of the size
        estimates.append(height / body)
    if not estimates:
        return float(max(h for _t, h in items))
    return float(median(estimates))


_NUMERIC_OCR = re.compile(r"^[\d.,OoIl|]+$")


def clean_text(text: str, conf: float) -> tuple[str, float]:
    """OCR-specific fixes of one word; a changed word keeps a lowered confidence."""
    return text, conf
