"""Pages fed to the scanner sideways or upside down: which way their text runs, and how sure the
reading of a page is that it was read the right way up.

A landscape annex printed on portrait paper comes back with its lines running up the page; a
sheet put in the feeder the wrong way round comes back upside down. Two cheap signs tell them:

- *the direction of the text lines*: glyphs of a word stand closer to each other than to the
  glyphs of the lines above and below, so smearing the ink a third of a glyph along the lines
  joins many more blobs than smearing it across them (on the samples' pages: 3.8 to 30 times as
  many upright, 0.2 to 0.25 sideways);
- *upside down* text reads as garbage: tesseract's median confidence on the words of three or more
  letters falls from above 90 to under 30, so a page read under ``DOUBTFUL`` is read again turned
  by a half turn, and that reading is kept when it is a good one (over ``DOUBTFUL`` itself: a
  contents page whose dot leaders read as garbage reads no better upside down, 11 against 13).
  Upright pages, nearly all of them, pay nothing.
"""
from __future__ import annotations

from statistics import median

import cv2
import numpy as np

from ..page import Word
from .image import binarize, glyph_height, line_masks

DOUBTFUL = 50.0  # median word confidence under which a page may be upside down
SMEAR = 0.3  # of a glyph's height: more than the room between letters, less than between lines


def runs_vertically(gray: np.ndarray, dpi: int) -> bool:
    """Whether the text of the page runs up or down it (the page was scanned sideways)."""
    half = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)  # as sure, a quarter of the work
    ink = binarize(half)
    horizontal, vertical = line_masks(ink, dpi // 2)
    rules = cv2.bitwise_or(horizontal, vertical)
    glyph = glyph_height(ink, rules, dpi // 2)  # across a sideways line: its width, about as large
    ink = cv2.bitwise_and(ink, cv2.bitwise_not(rules))
    blobs = _count(ink)
    if glyph is None or blobs < 30:
        return False  # too little text to say: a blank page or a picture stays as it is
    reach = max(2, round(SMEAR * glyph / 2))
    along = blobs - _count(cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (reach, 1))))
    across = blobs - _count(cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, reach))))
    return across > along


def _count(ink: np.ndarray) -> int:
    return int(cv2.connectedComponents(np.ascontiguousarray(ink), connectivity=8)[0]) - 1


def turned(gray: np.ndarray, degrees: int) -> np.ndarray:
    """The page image turned counter-clockwise by a multiple of 90 degrees."""
    return np.ascontiguousarray(np.rot90(gray, (degrees // 90) % 4))


def reading_confidence(words: list[Word]) -> float | None:
    """Median confidence of the words of three or more letters or digits (None: no such word)."""
    confidences = [w.confidence for w in words
                   if w.confidence is not None and sum(c.isalnum() for c in w.text) >= 3]
    return float(median(confidences)) if confidences else None
