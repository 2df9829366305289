"""Build the samples of samples/ from the seed: python build_all.py [NAME ...] (default: all).

Names: main, alt, borderless (python-docx + LibreOffice), reportlab, scan (from main's PDF).
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
}


def build(name: str) -> Path:
    out = SAMPLES / OUTPUTS[name]
    if name == "scan":
        from scan import scan_pdf
        return scan_pdf(SAMPLES / OUTPUTS["main"], out, seed=2023)
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
