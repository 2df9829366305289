"""Open a PDF defensively and read each page's words and ruling lines with pypdfium2.

pypdfium2 reads characters with their boxes about ten times faster than pdfminer, which is most of
what pdfplumber spends; every limit here exists so that a hostile file costs seconds, not the machine.
"""
from __future__ import annotations

import ctypes
import hashlib
import math
import re
import struct
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import PlanReadError, PlanWarning
from .guard import check_streams
from .imagerules import image_rules
from .limits import DEFAULT_LIMITS, Limits
from .page import PageContent, Rule, Word
from .rulings import join_rules
from .runs import RunBuilder
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .symbols import is_lost, printed, read_lost, repair_ligatures
from .textlayer import PAIRED, PageText, clean, code_points


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_pdf(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[pdfium.PdfDocument, str]:
    """Open ``path`` and return the document and its sha256 (see ``open_weighed``)."""
    document, sha256, _over_budget = open_weighed(path, limits)
    return document, sha256


def open_weighed(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[pdfium.PdfDocument, str, dict[int, str]]:
    """Open ``path`` (read once: checked, weighed, hashed, parsed) and return the document, its sha256
    and the pages over budget (number -> why), or raise ``PlanReadError`` saying plainly why it cannot
    be read."""
    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise PlanReadError(name, "no such file")
    size = file.stat().st_size
    if size == 0:
        raise PlanReadError(name, "empty file")
    if size > limits.max_file_bytes:
        raise PlanReadError(name, f"file too large ({size // 2**20} MB > {limits.max_file_bytes // 2**20} MB)")
    data = file.read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise PlanReadError(name, "not a PDF (no %PDF header)")
    weights = check_streams(data, name, limits)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        text = str(error).lower()
        if "password" in text or "security" in text:
            raise PlanReadError(name, "encrypted PDF (password required)") from None
        raise PlanReadError(name, f"corrupt or truncated PDF ({error})") from None
    try:
        pages = len(document)
    except Exception as error:  # pdfium signals a broken page tree this way
        document.close()
        raise PlanReadError(name, f"unreadable page tree ({error})") from None
    if pages == 0:
        document.close()
        raise PlanReadError(name, "the PDF has no pages")
    if pages > limits.max_pages:
        document.close()
        raise PlanReadError(name, f"{pages} pages: more than {limits.max_pages}, not a plan")
    if weights.over_budget and weights.pages != pages:  # the page numbers would not be pdfium's
        document.close()
        raise PlanReadError(name, "a page inflates beyond its budget and the page tree cannot tell which (a decompression bomb?)")
    return document, hashlib.sha256(data).hexdigest(), weights.over_budget


def read_pages(
    document: pdfium.PdfDocument, file: str, warnings: list[PlanWarning], limits: Limits = DEFAULT_LIMITS,
    settings: ReaderSettings = DEFAULT_SETTINGS, over_budget: dict[int, str] | None = None,
) -> Iterator[PageContent]:
    """Yield the words and rules of every page; a page that cannot be read, or is over budget (never
    loaded: pdfium would parse it whole), is reported and skipped."""
    for index in range(len(document)):
        number = index + 1
        if over_budget and number in over_budget:
            why = f"{over_budget[number]}: page skipped (a decompression bomb?)"
            warnings.append(PlanWarning(file, why, number, kind="unreadable"))
            yield PageContent(number, 0, 0, skipped=why)
            continue
        try:
            page = document[index]
        except Exception as error:
            warnings.append(PlanWarning(file, f"page could not be loaded ({error})", number, kind="unreadable"))
            yield PageContent(number, 0, 0, skipped="unloadable")
            continue
        try:
            yield _read_page(page, number, file, warnings, limits, settings)
        finally:
            page.close()


def _read_page(page: pdfium.PdfPage, number: int, file: str, warnings: list[PlanWarning], limits: Limits,
               settings: ReaderSettings) -> PageContent:
    width, height = page.get_size()
    rotation = page.get_rotation() % 360
    view_w, view_h = (height, width) if rotation in (90, 270) else (width, height)
    content = PageContent(number, view_w, view_h)
    if not (limits.min_page_side <= width <= limits.max_page_side and limits.min_page_side <= height <= limits.max_page_side):
        content.skipped = f"absurd page size {width:.0f}x{height:.0f} pt"
        warnings.append(PlanWarning(file, content.skipped + ": page skipped", number, kind="unreadable"))
        return content
    transform = _view_transform(rotation, width, height)
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        if count > limits.max_chars_per_page:
            content.skipped = f"{count} characters on one page"
            warnings.append(PlanWarning(file, content.skipped + ": page skipped", number, kind="unreadable"))
            return content
        box_of = _glyph_box(rotation, transform, height)
        content.words, tally = _words(page, textpage, count, number, box_of, settings, (view_w, view_h))
        warnings += tally.warnings(file)
    finally:
        textpage.close()
    content.rules = join_rules(_rules(page, number, file, warnings, limits, transform, settings))
    if not content.rules and content.words:  # the lines may be a picture under the text
        content.rules = join_rules(image_rules(page, transform, content.words, (view_w, view_h), settings))
    return content


def _view_transform(rotation: int, width: float, height: float):
    """Map PDF user space (origin bottom-left) to the displayed page (origin top-left)."""
    if rotation == 90:
        return lambda x, y: (y, x)
    if rotation == 180:
        return lambda x, y: (width - x, y)
    if rotation == 270:
        return lambda x, y: (height - y, width - x)
    return lambda x, y: (x, height - y)


Box = tuple[float, float, float, float]


def _glyph_box(rotation: int, transform, height: float) -> Callable[[float, float, float, float], Box]:
    """``_box`` of a glyph's edges; on a page not rotated in one step (it runs once per glyph)."""
    def upright(left: float, bottom: float, right: float, top: float) -> Box:
        if left <= right and bottom <= top:
            return left, height - top, right, height - bottom
        return _box(transform, left, bottom, right, top)

    def turned(left: float, bottom: float, right: float, top: float) -> Box:
        return _box(transform, left, bottom, right, top)

    return upright if rotation == 0 else turned


def _box(transform, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    xa, ya = transform(left, bottom)
    xb, yb = transform(right, top)
    return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)


def _words(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, count: int, number: int,
           box_of: Callable[[float, float, float, float], Box], settings: ReaderSettings,
           view: tuple[float, float]) -> tuple[list[Word], PageText]:
    """Characters into glyph runs (runs.RunBuilder): a printed or generated space, any visible gap
    (more than ``glyph_gap`` sizes), a step back or a new line ends a run. Which runs make a word is
    measured on the whole line (lines.join_runs): a run never spans two words, whatever the spaces say.
    What the text layer may not give (textlayer) is left out and counted on the page's tally."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    matrix = pdfium_c.FS_MATRIX()
    font_name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    lost: dict[tuple[int, int], str] = {}
    # this loop runs once per glyph: pdfium's functions and the builder's methods looked up once
    get_unicode, get_angle = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharAngle
    is_hyphen, is_generated = pdfium_c.FPDFText_IsHyphen, pdfium_c.FPDFText_IsGenerated
    get_box, edges = pdfium_c.FPDFText_GetLooseCharBox, _RECT.unpack_from
    builder = RunBuilder(number, view[0], view[1], settings, lambda index: _font_size(raw, index, matrix),
                         lambda index: _is_bold(raw, index, font_name, flags))
    space, glyph = builder.space, builder.glyph
    codes = code_points([get_unicode(raw, index) for index in range(count)])
    tally = PageText.of(number, codes)
    skipping = bool(tally.unreadable_codes)
    texts: dict[int, tuple[str, int]] = {}  # a code's text and the characters removed from it, per page
    for index, code in enumerate(codes):
        if code == PAIRED:
            continue
        # a letter or digit is never a hyphen nor a space pdfium made up: two calls saved on most glyphs
        if code not in _LETTERS_AND_DIGITS:
            if code == 0x02 or is_hyphen(raw, index) == 1:
                code = 0x2D  # pdfium marks a hyphen printed at a line end ("COVID-" / "19"): it is printed text
            if code in _SPACES or is_generated(raw, index) == 1:
                space()
                continue
        if skipping and tally.skip(code):
            space()  # an unreadable glyph is a hole in the text: never joins what stands around it
            continue
        angle = get_angle(raw, index)
        if angle > 0.05 and abs(angle - 2 * math.pi) > 0.05:
            continue  # rotated text is a stamp or a margin note, never a table cell
        if code < 0x20 and is_lost(code):
            text = tally.text(read_lost(page, raw, index, settings, lost))
        else:
            known = texts.get(code)
            if known is None:
                known = texts[code] = clean(printed(code))
            text = known[0]
            if known[1]:
                tally.removed += known[1]  # what tally.text counts
        if not text:
            continue  # nothing printable: removed and counted (textlayer)
        get_box(raw, index, rect_ref)
        left, top, right, bottom = edges(rect)
        glyph(text, box_of(left, bottom, right, top), index)
    words = [w if w.text.isascii() else replace(w, text=repair_ligatures(w.text)) for w in builder.finish()]
    return tally.words(words), tally


_RECT = struct.Struct("4f")  # an FS_RECTF: left, top, right, bottom, read in one call
_SPACES = frozenset((0x20, 0xA0, 0x09, 0x0D, 0x0A, 0xFFFE))
_LETTERS_AND_DIGITS = frozenset(c for c in range(0x80) if chr(c).isalnum())


def _font_size(raw, index: int, matrix) -> float:
    """The printed size: the font size times the scale of the character's full matrix. Re-printed
    files often set the font at size 1 and carry the real size in the text matrix."""
    size = pdfium_c.FPDFText_GetFontSize(raw, index)
    if pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(matrix)):
        size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return size


_BOLD_NAMES = re.compile(rb"bold|black|heavy|demi")  # semibold too


def _is_bold(raw, index: int, buffer, flags) -> bool:
    """Bold type: by the font's name when it has one, else by its weight. Subset fonts often report
    weight 400 whatever they are, and re-printers estimate a weight (720 for a regular serif)."""
    flags.value = 0  # left as it was when pdfium cannot tell
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.value.lower() if 0 < length <= len(buffer) else b""
    if _BOLD_NAMES.search(name) or flags.value & 0x40000:
        return True
    return not name.strip() and pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600


def _rules(page: pdfium.PdfPage, number: int, file: str, warnings: list[PlanWarning], limits: Limits, transform,
           settings: ReaderSettings) -> list[Rule]:
    """Ruling lines: thin paths and the axis-aligned edges of larger stroked or filled rectangles."""
    rules: list[Rule] = []
    for seen, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)):
        if seen >= limits.max_paths_per_page:
            warnings.append(PlanWarning(file, f"more than {limits.max_paths_per_page} drawings: rest ignored", number, kind="notice"))
            break
        left, bottom, right, top = obj.get_bounds()
        x0, y0, x1, y1 = _box(transform, left, bottom, right, top)
        w, h = x1 - x0, y1 - y0
        thin, long = settings.rule_thickness_pt, settings.rule_length_pt
        if w < thin and h >= long:
            rules.append(Rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
        elif h < thin and w >= long:
            rules.append(Rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
        elif w >= long and h >= long and w * h < 0.5 * 600 * 800:  # not a page-sized background
            # a cell drawn as a rectangle: its four sides are rules too
            rules += [Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1)]
    return rules
