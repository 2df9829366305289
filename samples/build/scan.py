"""Make a "scanned" copy of a PDF: every page rasterized (200 dpi unless told), turned by a small
random angle (< 1 degree), blurred a little, with gaussian noise, and written as an image-only PDF
(no text layer at all), as a signed printout scanned back to PDF would be.

A page can also be fed to the scanner sideways or upside down (``turns``: page number → 90, 180
or 270 degrees counter-clockwise, applied before the small skew), and the pages can be stored as
grayscale JPEG (``bilevel=False``) or thresholded to black and white and stored as CCITT G4, as
office scanners do at 300 dpi.

Deterministic: the angles and the noise come from a seeded generator, and Pillow writes the PDF with
fixed dates. Pillow stores each page as one image at the scan's resolution and no font at all.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

DPI = 200
_TURNS = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}


def degrade(page: Image.Image, rng: np.random.Generator, max_angle: float = 0.9,
            noise_sigma: float = 3.0, blur: float = 0.85) -> tuple[Image.Image, float]:
    """Rotate, blur and add noise to one grayscale page; returns the page and the angle used."""
    angle = float(rng.uniform(-max_angle, max_angle))
    # a scanner's paper is never pure white: a light gray background shows after rotation too
    img = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=246)
    img = img.filter(ImageFilter.GaussianBlur(radius=blur))  # optics; also keeps the JPEGs small
    arr = np.asarray(img, dtype=np.float32)
    arr = arr * 0.94 + 8 + rng.normal(0.0, noise_sigma, arr.shape)  # lower contrast, sensor noise
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode="L"), angle


def scan_pdf(src: Path, out: Path, seed: int = 2023, quality: int = 60, *, dpi: int = DPI,
             turns: dict[int, int] | None = None, bilevel: bool = False, title: str | None = None,
             pages: list[int] | None = None) -> Path:
    """Scan the ``pages`` of ``src`` (1-based; default all) into ``out``; ``turns`` maps page numbers
    of ``src`` to the counter-clockwise quarter turn the page was fed with."""
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(src))
    images: list[Image.Image] = []
    blur = 0.85 * dpi / DPI  # the same optics, in pixels of this resolution
    try:
        for i in [p - 1 for p in pages] if pages else range(len(pdf)):
            img = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            turn = (turns or {}).get(i + 1, 0)
            if turn:
                img = img.transpose(_TURNS[turn])
            page = degrade(img, rng, blur=blur)[0]
            if bilevel:  # the scanner's own fixed threshold, half way between paper and ink
                page = page.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
            images.append(page)
    finally:
        pdf.close()
    fixed = time.gmtime(1673861400)  # 2023-01-16 09:30 UTC, the "scan" date, fixed for reproducibility
    options = {} if bilevel else {"quality": quality}  # CCITT G4 has no quality setting
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, **options,
                  title=title or "Piano annuale 2023 (scansione)",
                  producer="pdfplans samples scan.py", creationDate=fixed, modDate=fixed)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: scan.py IN.pdf OUT.pdf", file=sys.stderr)
        raise SystemExit(2)
    print(scan_pdf(Path(sys.argv[1]), Path(sys.argv[2])))
