"""The tesseract command line: whether it can run here, one page image through it, and its TSV
turned into ``Word``s boxed like a text layer's."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from statistics import median

import cv2
import numpy as np

from .. import cancel
from ..page import Word

LANGUAGE = "ita"
PAGE_TIMEOUT = 180.0  # seconds of tesseract per page


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



def run_tesseract(gray: np.ndarray, dpi: int, psm: int, binary: str = "tesseract", options: tuple[str, ...] = ()) -> str:
    """tesseract's TSV for one image, passed through a pipe as PGM (no temporary files);
    ``options``: more arguments before the output format ("-c", "name=value")."""
    ok, encoded = cv2.imencode(".pgm", gray)  # uncompressed: encoding a PNG costs more than the pipe
    if not ok:
        raise RuntimeError("could not encode the page image")
    # one thread per tesseract: the pages already run in parallel, OpenMP on top only thrashes
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", str(psm), "--dpi", str(dpi), *options, "tsv"]
    done = cancel.run(command, encoded.tobytes(), env, PAGE_TIMEOUT)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract exited with {done.returncode}: {message[-1] if message else ''}")
    return done.stdout.decode("utf-8", "replace")



@dataclass
class _Token:
    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int


def lines_from_tsv(tsv: str, number: int, scale: float) -> list[list[Word]]:
    """Words of tesseract's TSV, in points, one list per tesseract line, left to right.

    Boxes are made like a text layer's: tesseract's are tight around the ink ("a" is shorter
    than "A", "-" a sliver, "1" far narrower than the room it takes), a text layer's span the
    font's ascent and descent and each glyph's advance. Each word gets the line's font size, a
    box from its own baseline up and down by fixed shares of that size, and its side bearings
    back, so the words of one printed line line up and space out as a text PDF's do (a space
    between ink boxes varies with the glyphs beside it: "in 7 Aggregazioni" has a gap twice
    the others before the narrow "7", which the reader would take for a column gap).
    """
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    by_line: dict[tuple[str, str, str], list[_Token]] = {}
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if not text or conf < 0:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        by_line.setdefault(key, []).append(
            _Token(text, conf, int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"])))
    lines: list[list[Word]] = []
    for tokens in by_line.values():
        size = line_size([(t.text, t.height) for t in tokens])
        own = {id(t): t.top + t.height - (DESCENT * size if _descends(t.text) else 0.0) for t in tokens}
        letters = [own[id(t)] for t in tokens if not _punctuation(t.text)]
        common = median(letters) if letters else None
        words = []
        for t in sorted(tokens, key=lambda t: t.left):
            baseline = own[id(t)]
            if common is not None and (_punctuation(t.text) or abs(baseline - common) < 0.3 * size):
                baseline = common  # a dash or a quote sits above the baseline; one line, one baseline
            if t.text in _DASHES:  # tesseract reads every dash as "-": its length says which
                t.text = _dash(t.width / size)
            top = min(t.top, baseline - ASCENT * size)
            bottom = max(t.top + t.height, baseline + DESCENT * size)
            left = t.left - _bearing(t.text[0]) * size
            right = t.left + t.width + _bearing(t.text[-1]) * size
            words.append(Word(t.text, left * scale, top * scale, right * scale, bottom * scale,
                              size * scale, number, confidence=t.conf, bold=None))
        lines.append(words)
    return lines


ASCENT = 0.78  # of the font size above the baseline (accents aside), as a text layer's box
DESCENT = 0.22  # below it
_ASCENDING = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhklàèéìòùÀÈÉÌÒÙ'’\"!?()[]{}/|%&€$#@")
_DESCENDING = set("gjpqy()[]{}|,;")
_NARROW = {"1": 0.12, "7": 0.06, "i": 0.06, "l": 0.06, "I": 0.06, "j": 0.05, "!": 0.07, ":": 0.07, ";": 0.07,
           ".": 0.07, ",": 0.07, "'": 0.07, "’": 0.07, "-": 0.05, "(": 0.05, ")": 0.05}
_DASHES = frozenset("-–—")


def _dash(length: float) -> str:
    """A dash standing alone, by its ink length in font sizes: hyphen about 0.25, en dash 0.35-0.55,
    em dash 0.8-1."""
    return "-" if length < 0.30 else "–" if length < 0.70 else "—"


def _bearing(char: str) -> float:
    """Room (in font sizes) between a glyph's ink and the edge of its advance, on one side."""
    return _NARROW.get(char, 0.035)


def _punctuation(text: str) -> bool:
    return text.strip(".,:;-–—_·•*'\"‘’“”") == ""


def _descends(text: str) -> bool:
    return any(c in _DESCENDING for c in text)


def line_size(items: list[tuple[str, int]]) -> float:
    """Font size (pixels) of a line from its words' ink heights and what letters they hold.

    An ink box spans cap height or x-height, plus descenders: about 0.7 or 0.48 of the font
    size, plus 0.22; each word says which, and the median of their estimates is the line's size.
    """
    estimates = []
    for text, height in items:
        if _punctuation(text):
            continue  # punctuation alone says nothing of the size
        body = 0.70 if any(c in _ASCENDING for c in text) else 0.48
        if _descends(text):
            body += 0.22
        estimates.append(height / body)
    if not estimates:
        return float(max(h for _t, h in items)) / 0.7
    return float(median(estimates))

