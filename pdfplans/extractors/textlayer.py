"""What the text layer may give the reader: characters no writer can take are removed, glyphs that say
nothing readable are left out, and both are counted per page and said in a warning.

A font's ToUnicode map may send a glyph to any code point. Some no output can carry: control
characters (C0 but tab and line ends, DEL, C1), bidi embeddings, overrides and isolates, the line and
paragraph separators, lone surrogates (UTF-8 and the JSON and CSV writers refuse them), noncharacters
and the byte-order mark. They are invisible in print, so removing them loses nothing printed.

Glyphs mapped to private-use code points, or to U+FFFD, are drawn but unreadable. A few distinct
ones on a page are the bullets and ticks of a symbol font (Word maps Symbol's bullet to U+F0B7) and
stay; ``UNREADABLE_CODES_MIN`` distinct ones or more are text no one can read, never words for the
table reader. So is "(cid:N)": what pdfminer prints for a glyph without Unicode, printed again by a
re-printer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..errors import PlanWarning
from .page import Word

UNREADABLE_TEXT = "text layer unreadable"  # how the warnings begin (the verdicts look for them)
UNREADABLE_CODES_MIN = 8  # distinct private-use codes on a page: more than a symbol font's few marks
_BIDI = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_CID = re.compile(r"\(cid:\d+\)")


PAIRED = -1  # in ``code_points``: the low half of a surrogate pair, read with the high half before it


def code_points(codes: list[int]) -> list[int]:
    """pdfium's character codes with each surrogate pair made one code point (pdfium gives a character
    beyond the BMP as two UTF-16 halves); a half without its partner stays, to be removed."""
    out = list(codes)
    if not any(0xD800 <= code <= 0xDBFF for code in set(out)):
        return out  # no high half: nothing to pair (most pages; the scan below runs once per glyph)
    for index in range(len(out) - 1):
        if 0xD800 <= out[index] <= 0xDBFF and 0xDC00 <= out[index + 1] <= 0xDFFF:
            out[index] = 0x10000 + ((out[index] - 0xD800) << 10) + (out[index + 1] - 0xDC00)
            out[index + 1] = PAIRED
    return out


def unwritable(code: int) -> bool:
    """A code point no text writer can take, or that would change how the text around it shows."""
    if code < 0x20:
        return code not in (0x09, 0x0A, 0x0D)
    if 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF:
        return True
    return code in _BIDI or code in (0x2028, 0x2029, 0xFEFF) or code & 0xFFFE == 0xFFFE or code > 0x10FFFF


def unreadable(code: int) -> bool:
    """A private-use code point (the BMP's and planes 15 and 16), or the replacement character."""
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0x10FFFD or code == 0xFFFD


def clean(text: str) -> tuple[str, int]:
    """``text`` without its unwritable characters, and how many there were."""
    kept = "".join(ch for ch in text if not unwritable(ord(ch)))
    return kept, len(text) - len(kept)


@dataclass
class PageText:
    """What one page's text layer lost, for its warnings."""

    page: int
    unreadable_codes: frozenset[int] = frozenset()  # private-use codes left out (enough of them)
    removed: int = 0  # unwritable characters
    unreadable: int = 0  # private-use or replacement glyphs left out
    cid: int = 0  # "(cid:N)" glyph names left out

    @classmethod
    def of(cls, page: int, codes: list[int]) -> "PageText":
        """The page's tally, deciding once whether its private-use glyphs are text (left out) or marks."""
        private = frozenset(c for c in set(codes) if unreadable(c))
        return cls(page, private if len(private) >= UNREADABLE_CODES_MIN else frozenset())

    def skip(self, code: int) -> bool:
        """Whether a glyph with ``code`` is left out of the words as unreadable (and count it)."""
        if code in self.unreadable_codes:
            self.unreadable += 1
            return True
        return False

    def text(self, text: str) -> str:
        kept, removed = clean(text)
        self.removed += removed
        return kept

    def words(self, words: list[Word]) -> list[Word]:
        """The words without their "(cid:N)" names; a word left empty is left out."""
        out = []
        for word in words:
            if "(cid:" in word.text:
                names = len(_CID.findall(word.text))
                if names:
                    self.cid += names
                    text = _CID.sub("", word.text)
                    if not text.strip():
                        continue
                    word = replace(word, text=text)
            out.append(word)
        return out

    def warnings(self, file: str) -> list[PlanWarning]:
        out = []
        if self.removed:
            out.append(PlanWarning(file, f"text layer: {self.removed} characters no writer can take removed "
                                         "(control, bidi, separator, surrogate, noncharacter or BOM)",
                                   self.page, kind="noise"))
        if self.unreadable:
            out.append(PlanWarning(file, f"{UNREADABLE_TEXT} (private-use glyphs) — {self.unreadable} glyphs "
                                         "left out", self.page, kind="unreadable"))
        if self.cid:
            out.append(PlanWarning(file, f"{UNREADABLE_TEXT} ((cid:N) glyph names) — {self.cid} glyphs left out",
                                   self.page, kind="unreadable"))
        return out
