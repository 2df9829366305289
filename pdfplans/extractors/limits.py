"""Every safety limit of the reader in one place, so that a hostile file costs seconds, not the machine.

The defaults are far above what a plan needs (a plan's page draws at most some hundred KiB of
operators; a 600 dpi colour scan of an A4 page is about 100 MiB of pixels) and far below what would
hurt: pdfium holds a page's operators as objects of about twice their size.
"""
from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200 * MiB
    max_pages: int = 1000  # a plan has tens of pages; thousands means "not a plan"
    max_page_side: float = 14400.0  # PDF's own maximum (200 inches)
    min_page_side: float = 36.0
    max_chars_per_page: int = 60_000
    max_paths_per_page: int = 20_000
    max_page_operators: int = 16 * MiB  # a page's contents and forms, decoded
    max_page_inflated: int = 128 * MiB  # all a page draws (images too), decoded
    max_stream_inflated: int = 128 * MiB  # a stream no page draws (fonts, object streams)
    max_document_inflated: int = 512 * MiB  # every stream of the file, decoded
    max_image_pixels: int = 150_000_000  # a 600 dpi A3 page is ~70 million
    max_tree_depth: int = 64  # levels of the page tree: a real one has two or three


DEFAULT_LIMITS = Limits()
