"""Lone figures of ruled cells read again, digits only.

tesseract's page pass drops or misreads a lone small digit in a narrow ruled cell far more often
than anything else (Allegato A's 6 pt zeros at 150 dpi or in black and white: "(+)", "[e]", "6",
"16)"), always with a low confidence. Every such cell is known from the page's own rules: a
closed cell whose ink is one to three glyphs of digit height. Those whose page-pass word is
doubtful (missing, or under ``LOW_CONFIDENCE`` and made of digits and the glyphs tesseract takes
them for) are cropped, enlarged so that digits are ``TARGET`` pixels tall, stacked in one column
and read by one more tesseract run with a digits whitelist. A reading replaces the page pass's
only when it has as many digits as the cell's ink can hold; it keeps a confidence under
``LOW_CONFIDENCE`` (it is warned about as a doubtful cell). See docs/ocr.md for the measures.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import cv2
import numpy as np

from ..page import LOW_CONFIDENCE, Word
from .tesseract import ASCENT, DESCENT, run_tesseract

# pixels: the heights digits are enlarged to, each for those the ones before missed (a thin "1"
# reads best at 40, a blurred "0" at 60-80)
TARGETS = (60, 80, 40)
SLOT = 2.5  # of TARGET: the height each crop takes in the stack, white around it
MAX_STACK = 12_000  # pixels: tesseract refuses images over 32767 pixels tall
WHITELIST = "0123456789"
MIN_CONFIDENCE = 10.0  # a whitelisted reading under this is a guess
DIGIT_WIDTH = 0.5  # of the digits' height: the least width of a digit but "1"
GARBLED = 20.0  # a page-pass word under this confidence is garbage, whatever its letters
# what tesseract makes of a lone digit: digits in rings and brackets, or one letter shaped like one
_DIGIT_LIKE = re.compile(r"^[0-9()\[\]{}+,.°|-]*[0-9oOeEiIìíîlsSbB]?[0-9()\[\]{}+,.°|-]*$")
_DASHES = frozenset("-–—")


@dataclass
class Figure:
    """The ink of one ruled cell that looks like a short figure (pixels of the page image)."""

    box: tuple[int, int, int, int]  # x0, y0, x1, y1 of the ink, inclusive
    digits: tuple[int, int]  # how many digits its ink can be: one per blob, up to one per half a height of width
    words: list[Word]  # the page pass's words on it


def doubtful_figures(ink: np.ndarray, walls: np.ndarray, glyph: float, words: list[Word], scale: float) -> list[Figure]:
    """Closed cells of the page's grid whose ink is one to three glyphs of digit height and whose
    page-pass reading is doubtful (``doubtful``).

    ``ink``: the page's ink (255 on 0); ``walls``: its ruling lines, widened; ``glyph``: the
    height of capitals and digits (pixels); ``scale``: points per pixel of the words' boxes.
    """
    height, width = walls.shape
    # the cells at half size: a quarter of the time, and widened rules stay closed walls
    half = np.ascontiguousarray(cv2.bitwise_not(walls)[::2, ::2])
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(half, connectivity=4)
    centres = np.array([((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2) for w in words] or [(-1.0, -1.0)]) / scale
    figures = []
    for x, y, w, h, _area in stats[1:count] * 2:
        if w > 0.4 * width or h > 0.2 * height or h < glyph or w < 0.5 * glyph:
            continue  # the paper around the grid, or a sliver between two rules
        on = (centres[:, 0] >= x) & (centres[:, 0] < x + w) & (centres[:, 1] >= y) & (centres[:, 1] < y + h)
        inside = [words[i] for i in np.flatnonzero(on)]
        if not doubtful(inside):
            continue
        box, digits = _ink_box(ink[y:y + h, x:x + w], glyph)
        if box is not None:
            figures.append(Figure((box[0] + x, box[1] + y, box[2] + x, box[3] + y), digits, inside))
    return figures


def _ink_box(cell: np.ndarray, glyph: float) -> tuple[tuple[int, int, int, int] | None, tuple[int, int]]:
    """The box of a cell's ink blobs (specks aside) and how many digits they can be (digits of
    small type may touch: a blob as wide as its height may be two), or None when the ink is no
    short figure (wider than three digits, taller than a line, a dash, a comma)."""
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(cell, connectivity=8)
    blobs = [s for s in stats[1:count] if s[3] >= 0.3 * glyph]
    if not blobs or any(s[3] < 0.6 * glyph for s in blobs):
        return None, (0, 0)
    x0 = min(int(s[0]) for s in blobs)
    y0 = min(int(s[1]) for s in blobs)
    x1 = max(int(s[0] + s[2]) for s in blobs) - 1
    y1 = max(int(s[1] + s[3]) for s in blobs) - 1
    if y1 - y0 + 1 > 1.6 * glyph or x1 - x0 + 1 > 3 * glyph:
        return None, (0, 0)
    most = sum(max(1, round(s[2] / (DIGIT_WIDTH * glyph))) for s in blobs)
    return (x0, y0, x1, y1), (len(blobs), most)


def doubtful(words: list[Word]) -> bool:
    """The page pass read nothing in a cell, or one word, doubtfully, made of what a digit is
    taken for (or garbage)."""
    if len(words) != 1:
        return not words
    word = words[0]
    confidence = word.confidence if word.confidence is not None else 100.0
    if confidence >= LOW_CONFIDENCE:
        return False
    text = word.text
    return confidence < GARBLED or (bool(_DIGIT_LIKE.match(text)) and any(c not in _DASHES for c in text))


def read_figures(image: np.ndarray, figures: list[Figure], glyph: float, binary: str = "tesseract") -> list[tuple[str, float] | None]:
    """Each figure read again, digits only: (text, confidence), or None when no good reading
    at any of ``TARGETS``."""
    readings: list[tuple[str, float] | None] = [None] * len(figures)
    for target in TARGETS:
        left = [i for i, r in enumerate(readings) if r is None]
        if not left:
            break
        for i, reading in zip(left, _read_at(image, [figures[i] for i in left], glyph, target, binary)):
            readings[i] = reading
    return readings


def _read_at(image: np.ndarray, figures: list[Figure], glyph: float, target: int, binary: str) -> list[tuple[str, float] | None]:
    zoom = target / glyph
    slot = round(SLOT * target)
    per_stack = max(1, MAX_STACK // slot)
    out: list[tuple[str, float] | None] = []
    for start in range(0, len(figures), per_stack):
        chunk = figures[start:start + per_stack]
        stack = np.full((slot * (len(chunk) + 1), slot * 2), 255, np.uint8)
        for index, figure in enumerate(chunk):
            crop = _crop(image, figure.box, zoom)[:slot, :slot * 2 - slot // 2]
            top = slot // 2 + index * slot
            stack[top:top + crop.shape[0], slot // 2:slot // 2 + crop.shape[1]] = crop
        tsv = run_tesseract(stack, 300, 6, binary, ("-c", f"tessedit_char_whitelist={WHITELIST}"))
        out += _by_slot(tsv, chunk, slot)
    return out


def _crop(image: np.ndarray, box: tuple[int, int, int, int], zoom: float) -> np.ndarray:
    """The figure's ink, two pixels around it, enlarged; thresholded and softened again: the
    enlarged blur of a 150 dpi scan reads worse than clean strokes."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0 - 2):y1 + 3, max(0, x0 - 2):x1 + 3]
    crop = cv2.resize(crop, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
    _, clean = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cv2.GaussianBlur(clean, (3, 3), 0)


def _by_slot(tsv: str, chunk: list[Figure], slot: int) -> list[tuple[str, float] | None]:
    """tesseract's words of a stack, back to the figure of each slot; a reading with fewer or more
    digits than the figure has glyphs, or hardly confident, is none."""
    found: dict[int, list[tuple[int, str, float]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < 0:
            continue
        middle = int(row["top"]) + int(row["height"]) / 2
        index = int((middle - slot // 2 + slot / 2) // slot)
        if 0 <= index < len(chunk):
            found.setdefault(index, []).append((int(row["left"]), text, float(row["conf"])))
    out: list[tuple[str, float] | None] = []
    for index, figure in enumerate(chunk):
        pieces = sorted(found.get(index, []))
        text = "".join(t for _x, t, _c in pieces)
        confidence = min((c for _x, _t, c in pieces), default=0.0)
        fewest, most = figure.digits
        good = text.isdigit() and fewest <= len(text) <= most and confidence >= MIN_CONFIDENCE
        out.append((text, confidence) if good else None)
    return out


def replace_figures(words: list[Word], figures: list[Figure], readings: list[tuple[str, float] | None],
                    scale: float, number: int) -> list[Word]:
    """The page's words with each figure read again put in place of the page pass's reading."""
    drop: set[int] = set()
    new: list[Word] = []
    for figure, reading in zip(figures, readings):
        if reading is None:
            continue
        text, confidence = reading
        old = figure.words[0] if figure.words else None
        if old is not None and old.text == text:
            continue  # the page pass read it so: nothing to change
        if old is not None:
            drop.add(id(old))
        new.append(_word(text, figure.box, old, min(confidence, LOW_CONFIDENCE - 1), scale, number))
    if not new:
        return words
    return [w for w in words if id(w) not in drop] + new  # the reader sorts words into lines itself


def _word(text: str, box: tuple[int, int, int, int], old: Word | None, confidence: float,
          scale: float, number: int) -> Word:
    """A word boxed as the page pass boxes them: from the baseline (the digits' bottom) up and down
    by shares of the font size (digits are 0.7 of it)."""
    x0, y0, x1, y1 = box
    if old is not None:  # the same place and size: only the text changes
        return Word(text, old.x0, old.top, old.x1, old.bottom, old.size, number, confidence=confidence, bold=None)
    size = (y1 - y0 + 1) / 0.70
    baseline = y1 + 1
    bearing = 0.035 * size
    return Word(text, (x0 - bearing) * scale, (baseline - ASCENT * size) * scale, (x1 + 1 + bearing) * scale,
                (baseline + DESCENT * size) * scale, size * scale, number, confidence=confidence, bold=None)
