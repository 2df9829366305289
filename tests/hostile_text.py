"""The real plan with a hostile text layer, made by an incremental update of its bytes (new versions of
a few objects appended after the original, as an editor saves): no library smooths anything over.

- ``unwritable_plan``: the fonts' ToUnicode maps letters and digits to themselves followed by a
  character no writer can take (U+2028, NUL, U+202E, a lone surrogate, U+FEFF, U+FFFF, ...).
- ``without_page``: one page dropped from the page tree; every other object stays as it was.
- ``unreadable_below``: from a given line of a page down, the text is drawn with copies of the fonts
  whose ToUnicode maps every code to a private-use code point, or to "(cid:N)", or not drawn at all.
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Callable

# letter or digit → what the hostile ToUnicode maps its glyph to (the letter kept, a hostile character
# after or before it): the plan read with those characters removed is the plan itself
HOSTILE = {
    "A": "A\u2028", "O": "O\u0000", "E": "E\u202e", "i": "i\ud800", "a": "\ufeffa", "o": "o\uffff",
    "1": "1\u0085", "0": "0\u2066", "e": "e\ufdd0", "n": "n\U0001fffe", "r": "r\u0007", "t": "t\u2029",
    "N": "N\u202a", "C": "\u2069C", "2": "2\u001b",
}
PRIVATE_USE = 0xE000


class Pdf:
    """A PDF with one classic cross-reference table (what LibreOffice writes), read object by object."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
        self.offsets: dict[int, int] = {}
        section = re.compile(rb"(\d+) (\d+)\s*\n((?:\d{10} \d{5} [nf]\s*\n?)+)")
        table = data[self.startxref:data.index(b"trailer", self.startxref)]
        for first, _count, rows in section.findall(table):
            for number, row in enumerate(rows.split(b"\n"), start=int(first)):
                if row.strip().endswith(b"n"):
                    self.offsets[number] = int(row[:10])
        trailer = data[data.index(b"trailer", self.startxref) + 7:data.index(b"startxref", self.startxref)]
        self.trailer = trailer.strip()
        self.size = int(re.search(rb"/Size\s+(\d+)", self.trailer).group(1))

    def body(self, number: int) -> bytes:
        start = self.data.index(b"obj", self.offsets[number]) + 3
        return self.data[start:self.data.index(b"endobj", start)].strip()

    def dictionary(self, number: int) -> bytes:
        body = self.body(number)
        return body[:body.index(b"stream")].strip() if b"stream" in body else body

    def stream(self, number: int) -> bytes:
        body = self.body(number)
        start = body.index(b"stream") + 6
        start += 2 if body[start:start + 2] == b"\r\n" else 1
        return zlib.decompressobj().decompress(body[start:body.rindex(b"endstream")])

    def page_objects(self) -> list[int]:
        root = int(re.search(rb"/Root\s+(\d+)", self.trailer).group(1))
        pages = int(re.search(rb"/Pages\s+(\d+)", self.dictionary(root)).group(1))
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", self.dictionary(pages)).group(1)
        return [int(n) for n in re.findall(rb"(\d+)\s+0\s+R", kids)]

    def updated(self, objects: dict[int, bytes]) -> bytes:
        """The file with ``objects`` (number → new body) appended as an incremental update."""
        out = bytearray(self.data)
        if not out.endswith(b"\n"):
            out += b"\n"
        offsets = {}
        for number, body in sorted(objects.items()):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n"
        for number, offset in offsets.items():
            out += b"%d 1\n%010d 00000 n \n" % (number, offset)
        size = max(self.size, max(objects) + 1)
        trailer = re.sub(rb"/Size\s+\d+", b"/Size %d" % size, self.trailer)
        trailer = re.sub(rb"/Prev\s+\d+", b"", trailer)
        trailer = trailer[:trailer.rindex(b">>")] + b"/Prev %d\n>>" % self.startxref
        out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def bottom(source: Path, page: int, phrase: str) -> float:
    """The PDF y of the bottom of ``phrase`` printed on ``page`` of ``source``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    try:
        text = document[page - 1].get_textpage()
        hit = text.search(phrase).get_next()
        assert hit, f"{phrase!r} not on page {page}"
        return min(text.get_rect(i)[1] for i in range(text.count_rects(*hit)))
    finally:
        document.close()


def stream(data: bytes) -> bytes:
    packed = zlib.compress(data, 9)
    return b"<</Length %d/Filter/FlateDecode>>\nstream\n" % len(packed) + packed + b"\nendstream"


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass").hex().upper().encode()


def _fonts(pdf: Pdf) -> dict[bytes, int]:
    """Resource name → font object of the pages' shared font dictionary."""
    first = pdf.dictionary(pdf.page_objects()[0])
    resources = int(re.search(rb"/Resources\s+(\d+)", first).group(1))
    fonts = re.search(rb"/Font\s*(\d+)\s+0\s+R", pdf.dictionary(resources))
    names = pdf.dictionary(int(fonts.group(1))) if fonts else pdf.dictionary(resources)
    return {name: int(number) for name, number in re.findall(rb"/(F\d+)\s+(\d+)\s+0\s+R", names)}


def _to_unicode(pdf: Pdf, font: int) -> int:
    return int(re.search(rb"/ToUnicode\s+(\d+)", pdf.dictionary(font)).group(1))


def unwritable_plan(source: Path) -> bytes:
    """``source`` whose every font maps the letters of ``HOSTILE`` to them plus a hostile character."""
    pdf = Pdf(source.read_bytes())
    changed = {}
    for font in _fonts(pdf).values():
        number = _to_unicode(pdf, font)
        cmap = pdf.stream(number)

        def swap(match: re.Match[bytes]) -> bytes:
            text = bytes.fromhex(match.group(2).decode()).decode("utf-16-be")
            return b"%s <%s>" % (match.group(1), _utf16(HOSTILE[text])) if text in HOSTILE else match.group(0)

        changed[number] = stream(re.sub(rb"(<[0-9A-Fa-f]+>)\s*<([0-9A-Fa-f]{4})>", swap, cmap))
    return pdf.updated(changed)


def without_page(source: Path, page: int) -> bytes:
    """``source`` without its page ``page`` (counted from 1) in the page tree."""
    pdf = Pdf(source.read_bytes())
    root = int(re.search(rb"/Root\s+(\d+)", pdf.trailer).group(1))
    pages = int(re.search(rb"/Pages\s+(\d+)", pdf.dictionary(root)).group(1))
    kids = pdf.page_objects()
    dropped = kids.pop(page - 1)
    body = pdf.body(pages)
    body = re.sub(rb"/Kids\s*\[[^\]]*\]", b"/Kids[" + b" ".join(b"%d 0 R" % k for k in kids) + b"]", body)
    body = re.sub(rb"/Count\s+\d+", b"/Count %d" % len(kids), body)
    changed = {pages: body}
    opened = re.search(rb"/OpenAction\s*\[\s*%d\s+0\s+R" % dropped, pdf.dictionary(root))
    if opened:  # the catalogue opens the dropped page: open the first one instead
        changed[root] = pdf.body(root).replace(opened.group(0), b"/OpenAction[%d 0 R" % kids[0])
    return pdf.updated(changed)


_TEXT_BLOCK = re.compile(rb"BT\s+([-\d.]+)\s+([-\d.]+)\s+Td\s+/(F\d+)\s.*?ET", re.S)


def private_use(code: int) -> str:
    return chr(PRIVATE_USE + code)


def cid_name(code: int) -> str:
    return f"(cid:{code})"


def unreadable_below(source: Path, pages: dict[int, float], glyph: Callable[[int], str] | None = private_use) -> bytes:
    """``source`` whose text blocks on each page of ``pages`` (number → PDF y) starting below that y
    are drawn with copies of their fonts whose ToUnicode maps every code ``c`` to ``glyph(c)``: same
    print, no readable text. With ``glyph`` None those blocks are not drawn at all."""
    pdf = Pdf(source.read_bytes())
    fonts = _fonts(pdf)
    kids = pdf.page_objects()
    number = pdf.size
    changed: dict[int, bytes] = {}
    names = b"".join(b"/%s %d 0 R" % (n, f) for n, f in fonts.items())
    for name, font in fonts.items() if glyph else ():
        codes = re.findall(rb"<([0-9A-Fa-f]{2})>\s*<[0-9A-Fa-f]+>", pdf.stream(_to_unicode(pdf, font)))
        cmap = b"\n".join(b"<%s> <%s>" % (code, _utf16(glyph(int(code, 16)))) for code in codes)
        changed[number] = stream(b"/CIDInit/ProcSet findresource begin 12 dict begin begincmap\n"
                                 b"/CMapName/Unreadable def /CMapType 2 def\n1 begincodespacerange <00> <FF> "
                                 b"endcodespacerange\n%d beginbfchar\n%s\nendbfchar\nendcmap\n"
                                 b"CMapName currentdict /CMap defineresource pop end end" % (len(codes), cmap))
        changed[number + 1] = re.sub(rb"/ToUnicode\s+\d+\s+0\s+R", b"/ToUnicode %d 0 R" % number, pdf.body(font))
        names += b"/U%s %d 0 R" % (name, number + 1)
        number += 2
    resources = number
    changed[resources] = b"<</Font<<" + names + b">>/ProcSet[/PDF/Text]>>"
    number += 1
    for page, below in pages.items():
        page_object = kids[page - 1]
        body = pdf.body(page_object)
        contents = int(re.search(rb"/Contents\s+(\d+)", body).group(1))

        def unreadable(match: re.Match[bytes]) -> bytes:
            if float(match.group(2)) >= below:
                return match.group(0)
            if glyph is None:
                return b""
            name = match.group(3)
            return match.group(0).replace(b"/" + name + b" ", b"/U" + name + b" ", 1)

        changed[number] = stream(_TEXT_BLOCK.sub(unreadable, pdf.stream(contents)))
        body = re.sub(rb"/Contents\s+\d+\s+0\s+R", b"/Contents %d 0 R" % number, body)
        changed[page_object] = re.sub(rb"/Resources\s+\d+\s+0\s+R", b"/Resources %d 0 R" % resources, body)
        number += 1
    return pdf.updated(changed)
