"""Weigh a PDF's streams before pdfium parses them: decompression bombs cost milliseconds, not gigabytes.

pdfium inflates a page's content stream whole and builds an object for every operator in it: a
1 MB file whose content inflates to 1 GB through two Flate layers costs half a minute and two
gigabytes. Here every stream of the file is decoded through its whole filter chain in small pieces
that are counted and thrown away, stopping at a cap. A page that draws more than its budget is left
unread (named in a warning by the reader; the other pages are read); a file whose streams together
exceed the document's budget, or whose only pages are over budget, is refused. Images are weighed by
their declared size, never decoded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import PlanReadError
from .decoders import decoded, decoded_size, filters
from .limits import DEFAULT_LIMITS, Limits
from .pdfobjects import ObjectMap, PdfObject, page_streams, scan

_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_NUMBER = {key: re.compile(rb"/" + key + rb"\s+(\d+)") for key in (b"Width", b"Height")}
_BOMB = "(a decompression bomb?)"


@dataclass
class Weights:
    """What the streams of a file decode to: pages over budget and the whole."""
    pages: int = 0  # pages found in the page tree
    over_budget: dict[int, str] = field(default_factory=dict)  # page number (from 1) -> why
    total: int = 0


def check_streams(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Weights:
    """The pages of ``data`` over their budget; raise ``PlanReadError`` if the document is over its own."""
    found = scan(data, lambda obj: _object_stream(obj, limits), limits.max_tree_depth)
    if found.tree_too_deep:
        raise PlanReadError(file, f"a page tree deeper than {limits.max_tree_depth} levels: not a plan")
    sizes: dict[int, int] = {}
    weights = Weights(len(found.pages))
    for number, page in enumerate(found.pages, start=1):
        why = _page_over_budget(page_streams(found, page), sizes, limits)
        if why:
            weights.over_budget[number] = why
    for obj in _streams(found):
        if obj.number not in sizes:
            sizes[obj.number] = _weigh(obj, limits.max_stream_inflated)
            if sizes[obj.number] > limits.max_stream_inflated:
                raise PlanReadError(file, f"a compressed stream (object {obj.number}) inflates beyond "
                                          f"{limits.max_stream_inflated // 2**20} MiB {_BOMB}")
    weights.total = sum(sizes.values())
    if weights.total > limits.max_document_inflated:
        raise PlanReadError(file, f"its streams inflate beyond {limits.max_document_inflated // 2**20} MiB {_BOMB}")
    if weights.over_budget and len(weights.over_budget) == weights.pages:
        raise PlanReadError(file, f"every page inflates beyond its budget {_BOMB}")
    return weights


def _page_over_budget(streams: list[PdfObject], sizes: dict[int, int], limits: Limits) -> str | None:
    operators = drawn = 0
    for obj in streams:
        image = _IMAGE.search(obj.head) is not None
        if image:
            width, height = _number(obj.head, b"Width"), _number(obj.head, b"Height")
            if width and height and width * height > limits.max_image_pixels:
                return f"an image of {width}x{height} pixels"
        if obj.number not in sizes:
            sizes[obj.number] = _weigh(obj, limits.max_page_inflated)
        drawn += sizes[obj.number]
        operators += 0 if image else sizes[obj.number]
    if operators > limits.max_page_operators:
        return f"its drawing operators inflate beyond {limits.max_page_operators // 2**20} MiB"
    if drawn > limits.max_page_inflated:
        return f"what it draws inflates beyond {limits.max_page_inflated // 2**20} MiB"
    return None


def _streams(found: ObjectMap) -> list[PdfObject]:
    return [obj for obj in found.objects.values() if obj.stream is not None]


def _weigh(obj: PdfObject, cap: int) -> int:
    """Decoded bytes of the stream, at most ``cap`` + a piece; undecodable filters count their raw size."""
    assert obj.stream is not None
    size = decoded_size(obj.stream, filters(obj.head), cap)
    return len(obj.stream) if size is None else size


def _object_stream(obj: PdfObject, limits: Limits) -> bytes | None:
    """An object stream decoded (to find the page dictionaries it holds), if within its budget."""
    return decoded(obj.stream, filters(obj.head), limits.max_stream_inflated) if obj.stream is not None else None


def _number(header: bytes, key: bytes) -> int | None:
    match = _NUMBER[key].search(header)
    return int(match.group(1)) if match else None
