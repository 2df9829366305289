"""A PDF's objects as bytes, found without a parser, so that a hostile file is weighed before pdfium
builds anything from it.

Every ``N G obj`` of the file is found in order; a later definition of a number replaces an earlier
one (an incremental update). Object streams are opened (inflated, capped) so that page dictionaries
stored in them are found too. The page tree is walked from the catalog, guarded against loops and
depth, to give each page's number; each page is tied to the streams it draws: its contents and,
through its resources, its images and forms (forms' own resources followed as well).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_OBJECT = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\b")
_STREAM = re.compile(rb"stream\r?\n")
_REF = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+R\b")
_ROOT = re.compile(rb"/Root\s+(\d{1,10})\s+\d{1,5}\s+R")
_KEY_REF = {key: re.compile(rb"/" + key + rb"\s+(\d{1,10})\s+\d{1,5}\s+R") for key in (b"Pages", b"Resources", b"XObject")}
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|\d{1,10}\s+\d{1,5}\s+R)")
_TYPE_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_TYPE_OBJSTM = re.compile(rb"/Type\s*/ObjStm")
_INT = {key: re.compile(rb"/" + key + rb"\s+(\d{1,10})(?!\s+\d+\s+R)") for key in (b"Length", b"N", b"First")}


@dataclass
class PdfObject:
    number: int
    head: bytes  # the dictionary (or whole body of an object without a stream)
    stream: bytes | None = None  # the raw, still encoded, stream data


@dataclass
class ObjectMap:
    objects: dict[int, PdfObject] = field(default_factory=dict)
    pages: list[int] = field(default_factory=list)  # page object numbers in page order
    tree_too_deep: bool = False


def scan(data: bytes, open_stream, max_depth: int) -> ObjectMap:
    """The objects of ``data`` and its pages in order; ``open_stream(obj)`` decodes an object stream
    (or returns None when it cannot or may not)."""
    found = ObjectMap(_objects(data))
    for obj in [o for o in found.objects.values() if o.stream is not None and _TYPE_OBJSTM.search(o.head)]:
        decoded = open_stream(obj)
        if decoded:
            for number, head in _compressed(obj.head, decoded):
                found.objects.setdefault(number, PdfObject(number, head))
    root = _ROOT.findall(data)
    catalog = found.objects.get(int(root[-1])) if root else None
    pages_ref = _KEY_REF[b"Pages"].search(catalog.head) if catalog else None
    if pages_ref:
        found.tree_too_deep = not _walk(found, int(pages_ref.group(1)), 0, max_depth, set())
    return found


def page_streams(found: ObjectMap, page: int) -> list[PdfObject]:
    """The streams a page object draws: contents, images and forms (each once)."""
    obj = found.objects.get(page)
    if obj is None:
        return []
    numbers: list[int] = []
    contents = _CONTENTS.search(obj.head)
    if contents:
        numbers += [int(n) for n in _REF.findall(contents.group(1))]
    _resources(found, obj.head, numbers, set())
    streams, seen = [], set()
    for number in numbers:
        target = found.objects.get(number)
        if target is not None and target.stream is not None and number not in seen:
            seen.add(number)
            streams.append(target)
    return streams


def _objects(data: bytes) -> dict[int, PdfObject]:
    objects: dict[int, PdfObject] = {}
    position = 0
    while (match := _OBJECT.search(data, position)) is not None:
        number, start = int(match.group(1)), match.end()
        stream = _STREAM.search(data, start, start + 65536)
        following = _OBJECT.search(data, start)
        end_of_head = following.start() if following else len(data)
        if stream is None or stream.start() > end_of_head or b"endobj" in data[start : stream.start()]:
            head_end = data.find(b"endobj", start, end_of_head)
            objects[number] = PdfObject(number, data[start : head_end if head_end > 0 else end_of_head])
            position = max(start, head_end if head_end > 0 else start)
            continue
        head = data[start : stream.start()]
        raw, position = _stream_data(data, head, stream.end())
        objects[number] = PdfObject(number, head, raw)
    return objects


def _stream_data(data: bytes, head: bytes, start: int) -> tuple[bytes, int]:
    """The stream's bytes by its direct /Length when that ends at ``endstream``, else up to it."""
    length = _INT[b"Length"].search(head)
    if length:
        end = start + int(length.group(1))
        if end <= len(data) and data[end : end + 20].lstrip().startswith(b"endstream"):
            return data[start:end], end
    end = data.find(b"endstream", start)
    end = end if end >= 0 else len(data)
    return data[start:end], end


def _compressed(head: bytes, decoded: bytes) -> list[tuple[int, bytes]]:
    """The (number, body) of each object stored in an object stream."""
    count, first = _INT[b"N"].search(head), _INT[b"First"].search(head)
    if not count or not first:
        return []
    offset = int(first.group(1))
    numbers = [int(n) for n in decoded[:offset].split()]
    pairs = list(zip(numbers[0::2], numbers[1::2]))[: int(count.group(1))]
    bodies = []
    for index, (number, start) in enumerate(pairs):
        end = pairs[index + 1][1] if index + 1 < len(pairs) else len(decoded) - offset
        bodies.append((number, decoded[offset + start : offset + end]))
    return bodies


def _walk(found: ObjectMap, node: int, depth: int, max_depth: int, seen: set[int]) -> bool:
    """Append the pages under ``node`` in order; False when the tree is deeper than ``max_depth``."""
    if node in seen:
        return True  # a loop: pdfium refuses or ignores it, and the pages are counted once
    seen.add(node)
    obj = found.objects.get(node)
    if obj is None:
        return True
    kids = _KIDS.search(obj.head)
    if kids is None or _TYPE_PAGE.search(obj.head):
        found.pages.append(node)
        return True
    if depth >= max_depth:
        return False
    return all(_walk(found, int(kid), depth + 1, max_depth, seen) for kid in _REF.findall(kids.group(1)))


def _resources(found: ObjectMap, head: bytes, numbers: list[int], seen: set[int]) -> None:
    """Add the images and forms named in ``head``'s resources, and those of the forms, to ``numbers``."""
    resources = _dictionary_at(found, head, b"Resources")
    xobjects = _dictionary_at(found, resources, b"XObject") if resources else None
    if not xobjects:
        return
    for number in (int(n) for n in _REF.findall(xobjects)):
        if number in seen:
            continue
        seen.add(number)
        numbers.append(number)
        target = found.objects.get(number)
        if target is not None:
            _resources(found, target.head, numbers, seen)


def _dictionary_at(found: ObjectMap, head: bytes, key: bytes) -> bytes | None:
    """The dictionary under ``/key``, inline or by reference (its text, roughly: up to its end)."""
    ref = _KEY_REF[key].search(head)
    if ref:
        target = found.objects.get(int(ref.group(1)))
        return target.head if target else None
    at = head.find(b"/" + key)
    if at < 0:
        return None
    start = head.find(b"<<", at)
    return head[start : _matching(head, start)] if start >= 0 else None


def _matching(text: bytes, start: int) -> int:
    """The end of the ``<< ... >>`` opened at ``start``."""
    depth, index = 0, start
    while index < len(text) - 1:
        pair = text[index : index + 2]
        if pair == b"<<":
            depth, index = depth + 1, index + 2
            continue
        if pair == b">>":
            depth, index = depth - 1, index + 2
            if depth == 0:
                return index
            continue
        index += 1
    return len(text)
