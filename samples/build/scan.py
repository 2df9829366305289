"""Make a "scanned" copy of a PDF: every page rasterized at 200 dpi, turned by a small random angle
(< 1 degree), blurred a little, with gaussian noise, JPEG-compressed, and written as an image-only
PDF (no text layer at all), as a signed printout scanned back to PDF would be.

Deterministic: the angles and the noise come from a seeded generator, and Pillow writes the PDF with
fixed dates. Pillow stores each page as one DCT (JPEG) image at 200 dpi and no font at all.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

DPI = 200


def degrade(page: Image.Image, rng: np.random.Generator, max_angle: float = 0.9,
            noise_sigma: float = 3.0) -> tuple[Image.Image, float]:
    """Rotate, blur and add noise to one grayscale page; returns the page and the angle used."""
    angle = float(rng.uniform(-max_angle, max_angle))
    # a scanner's paper is never pure white: a light gray background shows after rotation too
    img = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=246)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.85))  # optics; also keeps the JPEGs small
    arr = np.asarray(img, dtype=np.float32)
    arr = arr * 0.94 + 8 + rng.normal(0.0, noise_sigma, arr.shape)  # lower contrast, sensor noise
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode="L"), angle


def scan_pdf(src: Path, out: Path, seed: int = 2023, quality: int = 60) -> Path:
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(src))
    pages: list[Image.Image] = []
    try:
        for i in range(len(pdf)):
            img = pdf[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            pages.append(degrade(img, rng)[0])
    finally:
        pdf.close()
    fixed = time.gmtime(1673861400)  # 2023-01-16 09:30 UTC, the "scan" date, fixed for reproducibility
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=DPI,
                  quality=quality, title="Piano annuale 2023 (scansione)", producer="pdfplans samples scan.py",
                  creationDate=fixed, modDate=fixed)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: scan.py IN.pdf OUT.pdf", file=sys.stderr)
        raise SystemExit(2)
    print(scan_pdf(Path(sys.argv[1]), Path(sys.argv[2])))
