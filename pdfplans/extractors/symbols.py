"""Characters whose Unicode a producer wrote wrong: symbols read by their shape, byte-swapped
ligatures repaired (``printed``).

A re-printer that subsets a symbol font may drop its ToUnicode map: the list markers of a plan then
come out as control characters (U+0003), which no reader, pdftotext included, can tell apart. The
glyph itself is still drawn: rendered, a filled round bullet covers about pi/4 of its box, a filled
square all of it. Only those two are named; any other lost glyph is left as it was.
"""
from __future__ import annotations

import ctypes
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .settings import ReaderSettings

_RENDER_PX = 40  # the glyph's box rendered this many pixels wide: enough to measure a fill
_ROUND, _SQUARE = "\u2022", "\u25aa"  # • and ▪


def is_lost(code: int) -> bool:
    """A control character printed as text (0x02 is pdfium's own mark of a line-end hyphen)."""
    return code < 0x20 and code not in (0x02, 0x09, 0x0A, 0x0D)


def read_lost(page: pdfium.PdfPage, raw, index: int, settings: ReaderSettings, seen: dict[tuple[int, int], str]) -> str:
    """The character a lost glyph shows, by its fill (cached per font and code on a page)."""
    code = pdfium_c.FPDFText_GetUnicode(raw, index)
    font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(raw, index))
    key = (ctypes.cast(font, ctypes.c_void_p).value or 0, code)
    if key not in seen:
        seen[key] = _by_shape(page, raw, index, settings) or chr(code)
    return seen[key]


def _by_shape(page: pdfium.PdfPage, raw, index: int, settings: ReaderSettings) -> str | None:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not pdfium_c.FPDFText_GetCharBox(raw, index, *(ctypes.byref(v) for v in (left, right, bottom, top))):
        return None
    width, height = right.value - left.value, top.value - bottom.value
    if width <= 0 or height <= 0 or not 1 / settings.symbol_aspect <= width / height <= settings.symbol_aspect:
        return None
    page_w, page_h = page.get_size()
    bitmap = page.render(scale=_RENDER_PX / max(width, height), grayscale=True,
                         crop=(left.value, bottom.value, page_w - right.value, page_h - top.value))
    image = bitmap.to_pil()
    fill = 1 - sum(image.convert("L").histogram()[v] * v for v in range(256)) / 255 / (image.width * image.height)
    if fill >= settings.square_fill_min:
        return _SQUARE
    if fill >= settings.round_fill_min:
        return _ROUND
    return None


# Ghostscript's pdfwrite writes the Unicode of a ligature glyph little-endian: "ti" becomes
# U+7400 U+6900, ideographs that an Italian plan never prints; for a three-letter ligature it adds
# the last two letters into one byte ("ffi": U+6600 U+CF00, 0xCF = ord("f") + ord("i")).
_SUMMED_TAILS = {ord(a) + ord(b): a + b for a, b in ("fi", "fl", "ti", "ft", "tt")}


def printed(code: int) -> str:
    """The text of one character code, with the byte-swapped letters of re-printed ligatures repaired."""
    high = code >> 8
    if code & 0xFF or high < 0x41:
        return chr(code)
    if high <= 0x7A and chr(high).isalpha():
        return chr(high)
    return _SUMMED_TAILS.get(high, chr(code)) if 0xAC <= high <= 0xF8 else chr(code)


def _swapped_range_ligature(code: int) -> str | None:
    """The letters of a ligature whose ToUnicode range Ghostscript wrote with its first code
    byte-swapped and counted on from there: Chromium's range ff, fi, fl, ffi, ffl (U+FB00...) comes
    out as U+00FB, U+00FC, ... ("û", "ü"), one starting at fi (U+FB01) as U+01FB, U+01FC, ..."""
    first, step = code >> 8, (code & 0xFF) - 0xFB
    if 0 <= first <= 6 and 0 <= step and first + step <= 6:
        return unicodedata.normalize("NFKC", chr(0xFB00 + first + step))
    return None


def repair_ligatures(text: str) -> str:
    """A word with those letters repaired. U+01FB... are never printed in a plan; "û" and "ü" are
    taken for a ligature only inside a word, before a lower-case letter ("diûicoltà", "Aûitto",
    "ügli"), where no Italian word prints them (a foreign name such as "Müller" would be misread)."""
    out = []
    for index, char in enumerate(text):
        letters = _swapped_range_ligature(ord(char))
        following = text[index + 1:index + 2]
        if letters and (ord(char) > 0xFF or following.isascii() and following.islower()):
            out.append(letters)
        else:
            out.append(char)
    return "".join(out)
