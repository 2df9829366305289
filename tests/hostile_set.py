"""The project's hostile-file set: every file built here from the real plan or byte by byte, each with
the exit status ``pdfplans extract`` must give, what its stderr must say, and what it may cost.

    .venv/bin/python tests/hostile_set.py DIR      # write the set into DIR (tests/test_hostile_set.py runs it)

Bombs must cost under 5 s of CPU and 500 MiB resident; every other file under 60 s and 2 GiB.
"""
from __future__ import annotations

import functools
import re
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import hostile
import hostile_text
from hostile_text import Pdf

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "samples" / "cremonese_2023.pdf"
MiB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], bytes]  # the file's bytes (given the set's folder, for tools writing files)
    exit: int
    says: str  # a regular expression the output (stdout and stderr) must match, searched with re.S
    bomb: bool = False

    @property
    def seconds(self) -> float:
        return 5.0 if self.bomb else 60.0

    @property
    def megabytes(self) -> int:
        return 500 if self.bomb else 2048


def layered(data: bytes, layers: int) -> bytes:
    """``data`` compressed ``layers`` times, the stream's header naming each Flate layer."""
    for _ in range(layers):
        data = zlib.compress(data, 9)
    return data


@functools.lru_cache(maxsize=None)
def operators(megabytes: int) -> bytes:
    """A content stream of ``megabytes`` MiB of text operators, compressed twice (a few kB)."""
    chunk = b"BT /F1 1 Tf (x) Tj ET\n" * 4096
    compressor = zlib.compressobj(9)
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes * MiB // len(chunk))) + compressor.flush()
    return zlib.compress(packed, 9)


def bomb_stream(megabytes: int, extra: bytes = b"") -> bytes:
    packed = operators(megabytes)
    return (b"<</Length %d/Filter[/FlateDecode/FlateDecode]%s>>\nstream\n" % (len(packed), extra)
            + packed + b"\nendstream")


def _font_page(content_ref: bytes, resources: bytes = b"") -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + content_ref
            + b" /Resources << /Font << /F1 3 0 R >> " + resources + b">> >>")


def standalone_bomb(_: Path) -> bytes:
    """One page whose content inflates to 1 GiB through two Flate layers."""
    return hostile.pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", _font_page(b"5 0 R"), bomb_stream(1024),
    ])


def document_bomb(_: Path) -> bytes:
    """Eight pages, each under its budget (100 MiB of operators), 800 MiB together."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(8))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count 8 >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    stream = bomb_stream(100)
    for page in range(8):
        objects += [_font_page(b"%d 0 R" % (5 + 2 * page)), stream]
    return hostile.pdf_bytes(objects)


def font_bomb(_: Path) -> bytes:
    """A page whose font program inflates to 1 GiB (a stream no page draws directly)."""
    packed = operators(1024)
    return hostile.pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FontDescriptor 6 0 R >>", _font_page(b"5 0 R"),
        b"<< /Length 24 >>\nstream\nBT /F1 12 Tf (x) Tj ET\n\nendstream",
        b"<< /Type /FontDescriptor /FontName /Bomb /FontFile2 7 0 R >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ])


def lzw_spaces(cycles: int) -> bytes:
    """LZW codes (PDF's early change) for runs of spaces: after each clear code, code k stands for
    k - 256 spaces, so each cycle of 3,836 codes (6 kB) decodes to about 7 MiB."""
    value, count, width = 0, 0, 9
    for _ in range(cycles):
        table = 258
        for index, code in enumerate([256, 32, *range(258, 4094)]):
            width = 9 if index == 1 else width if index == 0 else min(12, (table + 1).bit_length())
            value, count = (value << width) | code, count + width  # the clear code in the width before it
            if index >= 2:
                table += 1
    value, count = (value << width) | 257, count + width
    pad = -count % 8
    return (value << pad).to_bytes((count + pad) // 8, "big")


def lzw_bomb(_: Path) -> bytes:
    """One page whose LZW content decodes to about 1 GiB of spaces."""
    body = lzw_spaces(150)
    return hostile.pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", _font_page(b"5 0 R"),
        b"<< /Length %d /Filter /LZWDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ])


def _plan_with_page(page: Callable[[int], dict[int, bytes]]) -> bytes:
    """The real plan with one more page (its objects from ``page(first free number)``) at its end."""
    pdf = Pdf(PLAN.read_bytes())
    root = int(re.search(rb"/Root\s+(\d+)", pdf.trailer).group(1))
    tree = int(re.search(rb"/Pages\s+(\d+)", pdf.dictionary(root)).group(1))
    number = pdf.size
    objects = page(number)
    kids = pdf.page_objects() + [number]
    body = re.sub(rb"/Kids\s*\[[^\]]*\]", b"/Kids[" + b" ".join(b"%d 0 R" % k for k in kids) + b"]", pdf.body(tree))
    objects[tree] = re.sub(rb"/Count\s+\d+", b"/Count %d" % len(kids), body)
    return pdf.updated(objects)


def plan_with_bomb_page(_: Path) -> bytes:
    return _plan_with_page(lambda n: {
        n: b"<</Type/Page/Parent 76 0 R/MediaBox[0 0 595 842]/Contents %d 0 R>>" % (n + 1),
        n + 1: bomb_stream(1024),
    })


def plan_with_form_bomb(_: Path) -> bytes:
    """The real plan plus a page drawing a form whose operators inflate to 1 GiB."""
    return _plan_with_page(lambda n: {
        n: b"<</Type/Page/Parent 76 0 R/MediaBox[0 0 595 842]/Contents %d 0 R"
           b"/Resources<</XObject<</X1 %d 0 R>>>>>>" % (n + 1, n + 2),
        n + 1: b"<</Length 8>>\nstream\n/X1 Do\n\nendstream",
        n + 2: bomb_stream(1024, b"/Type/XObject/Subtype/Form/BBox[0 0 595 842]"),
    })


def plan_with_image_bomb(_: Path) -> bytes:
    """The real plan plus a page drawing an image declared 100,000 pixels square."""
    return _plan_with_page(lambda n: {
        n: b"<</Type/Page/Parent 76 0 R/MediaBox[0 0 595 842]/Contents %d 0 R"
           b"/Resources<</XObject<</I1 %d 0 R>>>>>>" % (n + 1, n + 2),
        n + 1: b"<</Length 28>>\nstream\nq 595 0 0 842 0 0 cm /I1 Do Q\nendstream",
        n + 2: b"<</Type/XObject/Subtype/Image/Width 100000/Height 100000/ColorSpace/DeviceGray"
               b"/BitsPerComponent 8/Length 1/Filter/FlateDecode>>\nstream\nx\nendstream",
    })


def plan_with_absurd_page(_: Path) -> bytes:
    return _plan_with_page(lambda n: {
        n: b"<</Type/Page/Parent 76 0 R/MediaBox[0 0 1000000 1000000]/Contents %d 0 R>>" % (n + 1),
        n + 1: b"<</Length 5>>\nstream\nBT ET\nendstream",
    })


def plan_with_javascript(_: Path) -> bytes:
    pdf = Pdf(PLAN.read_bytes())
    root = int(re.search(rb"/Root\s+(\d+)", pdf.trailer).group(1))
    body = pdf.body(root)
    body = body[: body.rindex(b">>")] + b"/Names<</JavaScript<</Names[(a) %d 0 R]>>>>/AA<</WC %d 0 R>>>>" % (
        pdf.size, pdf.size)
    return pdf.updated({root: body, pdf.size: b"<</S/JavaScript/JS(app.alert\\('x'\\); while\\(true\\){})>>"})


def plan_with_broken_font(_: Path) -> bytes:
    """The real plan whose first embedded font program is noise (its ToUnicode map still there)."""
    pdf = Pdf(PLAN.read_bytes())
    descriptor = next(n for n in sorted(pdf.offsets) if b"/FontFile2" in pdf.dictionary(n))
    program = int(re.search(rb"/FontFile2\s+(\d+)", pdf.dictionary(descriptor)).group(1))
    noise = bytes(range(256)) * 40
    return pdf.updated({program: b"<</Length %d>>\nstream\n" % len(noise) + noise + b"\nendstream"})


def plan_with_broken_xref(_: Path) -> bytes:
    """The real plan whose cross-reference offsets all point 7 bytes off (pdfium rebuilds the table)."""
    data = PLAN.read_bytes()
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    table = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data[start:])
    return data[:start] + table


def plan_without_startxref(_: Path) -> bytes:
    data = PLAN.read_bytes()
    return data[: data.rindex(b"startxref")]


def truncated(fraction: float) -> Callable[[Path], bytes]:
    def build(_: Path) -> bytes:
        data = PLAN.read_bytes()
        return data[: int(len(data) * fraction)]
    return build


def encrypted(user: str) -> Callable[[Path], bytes]:
    def build(folder: Path) -> bytes:
        out = folder / f".encrypted_{user or 'none'}.pdf"
        subprocess.run(["qpdf", "--encrypt", user, "proprietario", "256", "--", str(PLAN), str(out)], check=True)
        data = out.read_bytes()
        out.unlink()
        return data
    return build


def deep_tree(levels: int) -> Callable[[Path], bytes]:
    """A page at the bottom of ``levels`` nested page-tree nodes."""
    def build(_: Path) -> bytes:
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        for level in range(levels):
            objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + level))
        objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
        return hostile.pdf_bytes(objects)
    return build


def private_use_g(_: Path) -> bytes:
    """The real plan whose table g (below its caption on page 9, and page 10) is drawn in fonts whose
    every glyph maps to a private-use code point."""
    return hostile_text.unreadable_below(PLAN, {9: hostile_text.bottom(PLAN, 9, "nell'anno (somma") - 1, 10: 1e4})


def _fixed(data: bytes) -> Callable[[Path], bytes]:
    return lambda _: data


WHOLE = r"22 tables \(0 suspect, 0 missing\)"  # what extract says of the real plan read whole
CASES = [
    Case("empty.pdf", _fixed(b""), 2, "empty file"),
    Case("letter.pdf", _fixed(b"Gentile utente,\nquesto non e' un PDF.\n" * 20), 2, "not a PDF"),
    Case("noise.pdf", _fixed(b"%PDF-1.7\n" + bytes(range(256)) * 64), 2, "corrupt or truncated"),
    Case("not_a_plan.pdf", _fixed(hostile.text_page_pdf(["Una lettera qualsiasi", "senza tabelle"])), 2, "not a plan"),
    Case("truncated_10.pdf", truncated(0.10), 2, "corrupt or truncated|not a plan|no text"),
    Case("truncated_50.pdf", truncated(0.50), 2, "corrupt or truncated|not a plan|no text"),
    Case("truncated_90.pdf", truncated(0.90), 2, "corrupt or truncated|not a plan|no text"),
    Case("truncated_99.pdf", truncated(0.99), 2, "corrupt or truncated|not a plan|no text"),
    Case("no_startxref.pdf", plan_without_startxref, 0, WHOLE),
    Case("broken_xref.pdf", plan_with_broken_xref, 0, WHOLE),
    Case("encrypted_user.pdf", encrypted("utente"), 2, "encrypted"),
    Case("encrypted_owner.pdf", encrypted(""), 0, WHOLE),
    Case("absurd_box.pdf", _fixed(hostile.text_page_pdf(["testo"], "0 0 1000000 1000000")), 2, "no text on any page"),
    Case("zero_box.pdf", _fixed(hostile.text_page_pdf(["testo"], "0 0 0 0")), 2, "not a plan"),
    Case("plan_absurd_page.pdf", plan_with_absurd_page, 0, r"page 26.*absurd page size"),
    Case("loop.pdf", _fixed(hostile.looping_tree_pdf()), 2, "pdf"),
    Case("deep_tree.pdf", deep_tree(200), 2, "deeper than 64 levels"),
    Case("pages_3000.pdf", _fixed(hostile.many_pages_pdf(3000)), 2, "3000 pages"),
    Case("javascript.pdf", plan_with_javascript, 0, WHOLE),
    Case("broken_font.pdf", plan_with_broken_font, 0, WHOLE),
    Case("bomb.pdf", standalone_bomb, 2, "decompression bomb", bomb=True),
    Case("lzw_bomb.pdf", lzw_bomb, 2, "decompression bomb", bomb=True),
    Case("font_bomb.pdf", font_bomb, 2, r"object 7\) inflates beyond", bomb=True),
    Case("document_bomb.pdf", document_bomb, 2, "streams inflate beyond 512 MiB", bomb=True),
    Case("plan_bomb.pdf", plan_with_bomb_page, 0, r"(?=.*" + WHOLE + r")(?=.*page 26: its drawing operators inflate beyond 16 MiB: page skipped)", bomb=True),
    Case("plan_form_bomb.pdf", plan_with_form_bomb, 0, r"page 26.*operators inflate beyond", bomb=True),
    Case("plan_image_bomb.pdf", plan_with_image_bomb, 0, r"page 26.*100000x100000 pixels", bomb=True),
    Case("unwritable_text.pdf", lambda _: hostile_text.unwritable_plan(PLAN), 0, r"removed"),
    Case("without_allegato_a.pdf", lambda _: hostile_text.without_page(PLAN, 21), 0, r"page 20, allegato_a: .*missing"),
    Case("private_use_g.pdf", private_use_g, 0, r"page 9, g_assegnabili: .*text layer unreadable"),
]


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for case in CASES:
        path = folder / case.name
        path.write_bytes(case.build(folder))
        files[case.name] = path
    return files


if __name__ == "__main__":
    for name, path in build(Path(sys.argv[1])).items():
        print(f"{path} ({path.stat().st_size // 1024} kB)")
