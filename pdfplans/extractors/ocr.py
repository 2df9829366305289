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

from .. import progress
from ..errors import PlanWarning
from . import cancel
from .page import PageContent, Rule, Word

DPI = 300
LANGUAGE = "ita"
PSM = 6  # one uniform block: with rules erased, best on table pages (measured against 4, 11, 3: docs/ocr.md)
from .page import LOW_CONFIDENCE  # noqa: E402,F401  (kept importable from here: tests and docs use it)

MAX_SKEW = 5.0  # degrees: beyond this a page is not "slightly turned" and is left as it is
SKEW_SAMPLE = 120_000  # ink pixels the skew search looks at: as sharp as all of them, a fraction of the time
PAGE_TIMEOUT = 180.0  # seconds of tesseract per page
_POINTS = 72.0
ERASE_REACH = 0.8  # points beyond a rule's dark core that its blur reaches
PAPER_MARGIN = 20  # gray levels below the paper's own that still count as paper
GLYPH_TARGET = 6.2  # points (26 px at 300 dpi) of a capital or digit that tesseract reads well: 10 pt type


@dataclass
class PageImage:
    """One page read by OCR: its words and rules (PDF points, deskewed page) and the skew found."""

    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    skew: float = 0.0  # degrees, counter-clockwise as printed (the angle the scan was turned by)


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
            page.words, page.rules, page.ocr = result.words, result.rules, True
    except BaseException:  # Ctrl-C: stop now, not after every queued page
        cancel.stop(pool)
        raise
    pool.shutdown()


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
def read_image(
    gray: np.ndarray, number: int, dpi: int = DPI, *, psm: int | None = None, binary: str = "tesseract"
) -> PageImage:
    """The whole pipeline for one page image: deskew, rules, OCR, word cleanup."""
    angle = estimate_skew(gray)
    straight = deskew(gray, angle)
    del gray
    ink = binarize(straight)
    horizontal, vertical = line_masks(ink, dpi)
    scale = _POINTS / dpi
    rules = rules_from_mask(horizontal, True, scale, ink) + rules_from_mask(vertical, False, scale, ink)
    zoom = ocr_zoom(glyph_height(ink, cv2.bitwise_or(horizontal, vertical), dpi), dpi)
    image = normalize_contrast(erase_lines(straight, horizontal, vertical, dpi))
    del straight, ink, horizontal, vertical
    if zoom > 1.0:  # small type (Allegato A's 6 pt): tesseract reads digits better a little larger
        image = cv2.resize(image, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
    tsv = run_tesseract(image, round(dpi * zoom), psm or PSM, binary)
    del image
    lines = lines_from_tsv(tsv, number, scale / zoom)
    return PageImage([w for line in lines for w in clean_line(line, rules)], rules, angle)


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
    pixels = dpi / _POINTS
    glyphs = heights[(heights >= 1.5 * pixels) & (heights <= 36 * pixels) & (widths <= 36 * pixels)]
    if len(glyphs) < 30:
        return None
    return float(np.percentile(glyphs, 75))


def ocr_zoom(height: float | None, dpi: int = DPI) -> float:
    """How much to enlarge the page for tesseract so that its glyphs reach a readable height."""
    target = GLYPH_TARGET * dpi / _POINTS
    if height is None or height >= 0.85 * target:
        return 1.0
    return min(2.0, target / height)


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
    """tesseract's TSV for one image, passed through a pipe as PGM (no temporary files)."""
    ok, encoded = cv2.imencode(".pgm", gray)  # uncompressed: encoding a PNG costs more than the pipe
    if not ok:
        raise RuntimeError("could not encode the page image")
    # one thread per tesseract: the pages already run in parallel, OpenMP on top only thrashes
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", str(psm), "--dpi", str(dpi), "tsv"]
    done = cancel.run(command, encoded.tobytes(), env, PAGE_TIMEOUT)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract exited with {done.returncode}: {message[-1] if message else ''}")
    return done.stdout.decode("utf-8", "replace")


# -- TSV → words ---------------------------------------------------------------------------
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


# -- cleanup -------------------------------------------------------------------------------
_ZERO_LIKE = frozenset("oO0°")
_DIGIT_LIKE = {"o": "0", "O": "0", "°": "0", "I": "1", "l": "1", "|": "1", "i": "1", "S": "5", "s": "5"}
_BRACKETED = re.compile(r"^[\[(\{]([^\[\](){}]{1,2})[\])\}]$")
_NUMBER = re.compile(r"^[-+]?\d[\d.,]*%?$")
_PIPE_WORD = re.compile(r"\|(?=[a-zà-ù.])|(?<=[A-Za-zà-ù])\|")
_DOLLAR = re.compile(r"(?<=[A-Z])S?\$(?=[A-Z0-9])")


def clean_line(words: list[Word], rules: list[Rule]) -> list[Word]:
    """OCR-specific fixes of the words of one tesseract line; a changed word is marked doubtful.

    - "|" is never printed in these plans (rules are erased before OCR): as a word it is "I"
      ("1" alone in a cell), inside or before lowercase it is "l" ("|.r." → "l.r.");
    - "$" between capitals and digits is an "S" ("BS$165714" → "BS165714");
    - a token alone in its cell (ruled, or set apart by column gaps) that is one glyph like a
      digit ("o", "(0)", "[o]") is that digit: tesseract rings a lone small "0" with brackets;
    - "AT S" of a group label is "AT 5", and "AT1" is "AT" "1" (tesseract drops the narrow space).
    A word changed this way keeps a confidence under ``LOW_CONFIDENCE``: it is warned about.
    """
    out: list[Word] = []
    words = [piece for word in words for piece in _split_label(word, len(words) == 1)]
    for index, word in enumerate(words):
        text = word.text
        fixed = text
        alone = _alone(words, index, rules)
        if "|" in fixed:
            fixed = ("1" if alone else "I") if fixed == "|" else _PIPE_WORD.sub("l", fixed)
        if "$" in fixed:
            fixed = _DOLLAR.sub("S", fixed)
        if alone:
            fixed = _as_digit(fixed)
        if index > 0 and words[index - 1].text.upper() == "AT" and len(fixed) <= 2:
            digits = "".join(_DIGIT_LIKE.get(c, c) for c in fixed)
            fixed = digits if digits.isdigit() else fixed
        if fixed != text:
            word = Word(fixed, word.x0, word.top, word.x1, word.bottom, word.size, word.page,
                        confidence=min(word.confidence or 0.0, LOW_CONFIDENCE - 1), bold=None)
        out.append(word)
    return out


_GLUED_LABEL = re.compile(r"^(AT)(\d{1,2}|[SOIl])$")


def _split_label(word: Word, alone: bool) -> list[Word]:
    """ "AT1" → "AT", "1": a group label printed with a space that OCR did not see."""
    match = _GLUED_LABEL.match(word.text)
    if not match or (not match.group(2).isdigit() and not alone):
        return [word]  # "ATS" is also the health agency: only a label alone on its line is read "AT 5"
    label, number = match.group(1), "".join(_DIGIT_LIKE.get(c, c) for c in match.group(2))
    cut = word.x0 + (word.x1 - word.x0) * len(label) / len(word.text)
    space = 0.1 * word.size
    conf = min(word.confidence or 0.0, LOW_CONFIDENCE - 1)
    return [Word(label, word.x0, word.top, cut - space, word.bottom, word.size, word.page, conf),
            Word(number, cut + space, word.top, word.x1, word.bottom, word.size, word.page, conf)]


def _as_digit(text: str) -> str:
    inner = _BRACKETED.match(text)
    core = inner.group(1) if inner else text
    if len(core) == 1 and core in _ZERO_LIKE:
        return "0"
    if inner and _NUMBER.match(core):
        return core
    return text


def _alone(words: list[Word], index: int, rules: list[Rule]) -> bool:
    """Set apart from its line's neighbours by a column gap or a ruling line on each side."""
    word = words[index]
    gap = 1.2 * word.size
    left_ok = index == 0 or word.x0 - words[index - 1].x1 > gap or _rule_between(rules, words[index - 1], word)
    right_ok = (index == len(words) - 1 or words[index + 1].x0 - word.x1 > gap
                or _rule_between(rules, word, words[index + 1]))
    return left_ok and right_ok


def _rule_between(rules: list[Rule], left: Word, right: Word) -> bool:
    middle = (left.top + left.bottom) / 2
    return any(
        not r.horizontal and left.x1 - 1 <= r.x0 <= right.x0 + 1 and r.y0 - 1 <= middle <= r.y1 + 1 for r in rules
    )
