"""Build the samples of samples/ from the seed: python build_all.py [NAME ...] (default: all).

Names: main, alt, borderless (python-docx + LibreOffice), reportlab, scan, scan150, scan300 (the
scans are made from main's PDF; see SCANS).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep samples/build free of __pycache__

from layouts import LAYOUTS
from seed_to_doc import build_document

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
SEED = SAMPLES / "source" / "cremonese_2023.txt"
OUTPUTS = {
    "main": "cremonese_2023.pdf",
    "alt": "cremonese_2023_alt.pdf",
    "borderless": "cremonese_2023_borderless.pdf",
    "reportlab": "cremonese_2023_reportlab.pdf",
    "scan": "cremonese_2023_scan.pdf",
    "scan150": "cremonese_2023_scan_150.pdf",
    "scan300": "cremonese_2023_scan_300.pdf",
}
# how each scan is made from main's PDF (scan.scan_pdf's options): the whole plan at 200 dpi,
# grayscale JPEG; then only some pages, in the plan's order (so that a test reads them in
# seconds): the list of member comuni (p. 2, the scope names resolve in), tables e) to k) (9-12),
# riparto (16) and Allegato A (21), whole tables; riparto's page ends with prose naming j) ("...
# alloggi transitori."), right before Allegato A's page: a caption must not reach across the
# page break. At 150 dpi with a stronger JPEG, and at 300 dpi in black and white (CCITT G4), with
# the contents page (3) upside down, riparto a quarter clockwise and Allegato A (landscape) fed
# sideways
SCANS = {
    "scan": {"seed": 2023},
    "scan150": {"seed": 150, "dpi": 150, "quality": 50, "pages": [2, 9, 10, 11, 12, 16, 21]},
    "scan300": {"seed": 300, "dpi": 300, "bilevel": True, "pages": [2, 3, 9, 10, 11, 12, 16, 21],
                "turns": {21: 90, 3: 180, 16: 270}},
}


def build(name: str) -> Path:
    out = SAMPLES / OUTPUTS[name]
    if name in SCANS:
        from scan import scan_pdf
        return scan_pdf(SAMPLES / OUTPUTS["main"], out, **SCANS[name])
    doc = build_document(SEED, LAYOUTS[name])
    if name == "reportlab":
        from render_reportlab import build_pdf
        return build_pdf(doc, out)
    from render_docx import build_docx, docx_to_pdf
    keep = os.environ.get("KEEP_DOCX")  # a directory: keep the intermediate .docx there for inspection
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(keep or tmp) / f"{out.stem}.docx"
        docx_path.parent.mkdir(parents=True, exist_ok=True)
        build_docx(doc, docx_path)
        return docx_to_pdf(docx_path, out)


def main(argv: list[str]) -> int:
    names = argv or list(OUTPUTS)
    unknown = [n for n in names if n not in OUTPUTS]
    if unknown:
        print(f"unknown sample(s) {unknown}; known: {list(OUTPUTS)}", file=sys.stderr)
        return 2
    for name in names:
        path = build(name)
        print(f"{name}: {path.relative_to(SAMPLES.parent)} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
