"""Refuse decompression bombs before pdfium parses them.

pdfium inflates a page's content stream whole and builds an object for every operator in it: a
1 MB file whose content inflates to 400 MB costs minutes and gigabytes. Here every Flate stream
of the file is inflated in small chunks that are counted and thrown away, stopping at a cap, so
the check costs milliseconds on a real plan and bounded memory on a hostile file. Images are
checked by their declared size, without decoding.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from ..errors import PlanReadError

_STREAM = re.compile(rb">>\s*stream\r?\n")
_FLATE = re.compile(rb"/FlateDecode|/Fl\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_NUMBER = {key: re.compile(rb"/" + key + rb"\s+(\d+)") for key in (b"Width", b"Height", b"Length")}
_CHUNK = 1 << 16


@dataclass(frozen=True)
class StreamLimits:
    max_inflated_stream: int = 64 * 1024 * 1024  # content, fonts, object streams
    max_inflated_total: int = 512 * 1024 * 1024
    max_image_pixels: int = 150_000_000  # a 600 dpi A3 page is ~70 million


DEFAULT_STREAM_LIMITS = StreamLimits()


def check_streams(data: bytes, file: str, limits: StreamLimits = DEFAULT_STREAM_LIMITS) -> None:
    """Raise ``PlanReadError`` if a stream of ``data`` would inflate beyond the limits."""
    total = 0
    for match in _STREAM.finditer(data):
        header = data[max(0, data.rfind(b"obj", max(0, match.start() - 4096), match.start())) : match.start()]
        if _IMAGE.search(header):
            width, height = _number(header, b"Width"), _number(header, b"Height")
            if width and height and width * height > limits.max_image_pixels:
                raise PlanReadError(file, f"an image of {width}x{height} pixels: too large to be a plan's page")
            continue
        if not _FLATE.search(header):
            continue
        length = _number(header, b"Length")
        start = match.end()
        end = data.find(b"endstream", start)
        raw = data[start : start + length] if length and start + length <= len(data) else data[start : end if end > 0 else None]
        size = _inflated_size(raw, limits.max_inflated_stream + 1)
        total += size
        if size > limits.max_inflated_stream or total > limits.max_inflated_total:
            raise PlanReadError(file, "a compressed stream inflates beyond the limits (a decompression bomb?)")


def _number(header: bytes, key: bytes) -> int | None:
    match = _NUMBER[key].search(header)
    return int(match.group(1)) if match else None


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes ``raw`` inflates to, counted chunk by chunk and never more than ``cap``."""
    inflater = zlib.decompressobj()
    size = 0
    pending = raw
    try:
        while pending and size < cap:
            out = inflater.decompress(pending, _CHUNK)
            size += len(out)
            pending = inflater.unconsumed_tail
            if not out and not pending:
                break
    except zlib.error:
        return size  # a damaged or encrypted stream: pdfium will say what it makes of it
    return size
