"""PDF stream filters as generators of bounded pieces, so that a stream is weighed through every layer
of its filter chain without ever holding what it decodes to.

Each decoder takes the pieces of its input and yields pieces of at most ``CHUNK`` bytes (LZW: one
dictionary string at a time). A damaged layer ends its output where the damage is: pdfium will say
what it makes of the stream; only its size matters here.
"""
from __future__ import annotations

import base64
import binascii
import re
import zlib
from typing import Callable, Iterable, Iterator

CHUNK = 1 << 16
Decoder = Callable[[Iterable[bytes]], Iterator[bytes]]
_SPACE = re.compile(rb"\s+")


def flate(pieces: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    try:
        for piece in pieces:
            pending = piece
            while pending and not inflater.eof:
                out = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
    except zlib.error:
        return


def ascii_hex(pieces: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for piece in pieces:
        text = carry + _SPACE.sub(b"", piece).split(b">")[0]
        even = len(text) - len(text) % 2
        try:
            yield binascii.unhexlify(text[:even])
        except binascii.Error:
            return
        carry = text[even:]
        if b">" in piece:
            return


def ascii85(pieces: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for piece in pieces:
        text = carry + _SPACE.sub(b"", piece)
        end = text.find(b"~>")
        final = end >= 0
        text = text[:end] if final else text
        position = 0
        while position < len(text):  # 'z' is four bytes: decode a bounded slice at a time
            part = text[position : position + CHUNK // 4]
            last = final and position + len(part) == len(text)
            size = len(part) if last else _whole_groups(part)
            if size == 0:
                break
            try:
                yield base64.a85decode(part[:size])
            except ValueError:
                return
            position += size
        carry = text[position:]
        if final:
            return


def _whole_groups(text: bytes) -> int:
    """The longest prefix of ``text`` made of whole ASCII85 groups (five characters, or one 'z')."""
    count, end = 0, 0
    for index, char in enumerate(text):
        count = 0 if char == 0x7A and count == 0 else count + 1
        if count in (0, 5):
            count, end = 0, index + 1
    return end


def run_length(pieces: Iterable[bytes]) -> Iterator[bytes]:
    data = b""
    for piece in pieces:
        data += piece
        out, index = bytearray(), 0
        while index < len(data):
            length = data[index]
            if length == 128:  # end of data
                yield bytes(out)
                return
            need = length + 2 if length < 128 else 2
            if index + need > len(data):
                break
            out += data[index + 1 : index + need] if length < 128 else data[index + 1 : index + 2] * (257 - length)
            index += need
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
        data = data[index:]
        if out:
            yield bytes(out)


def lzw(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """LZW with PDF's early change, yielding each code's string."""
    table: list[bytes] = []
    previous = b""
    width, buffer, bits = 9, 0, 0
    for piece in pieces:
        for byte in piece:
            buffer, bits = (buffer << 8) | byte, bits + 8
            while bits >= width:
                bits -= width
                code = (buffer >> bits) & ((1 << width) - 1)
                if code == 257:
                    return
                if code == 256:
                    table = [bytes([i]) for i in range(256)] + [b"", b""]
                    previous, width = b"", 9
                    continue
                if not table:
                    table = [bytes([i]) for i in range(256)] + [b"", b""]
                if code < len(table):
                    entry = table[code]
                elif code == len(table) and previous:
                    entry = previous + previous[:1]
                else:
                    return
                if previous and len(table) < 4096:
                    table.append(previous + entry[:1])
                previous = entry
                width = min(12, (len(table) + 1).bit_length())
                yield entry


DECODERS: dict[bytes, Decoder] = {
    b"FlateDecode": flate, b"Fl": flate,
    b"ASCIIHexDecode": ascii_hex, b"AHx": ascii_hex,
    b"ASCII85Decode": ascii85, b"A85": ascii85,
    b"RunLengthDecode": run_length, b"RL": run_length,
    b"LZWDecode": lzw, b"LZW": lzw,
}
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")


def filters(head: bytes) -> list[bytes]:
    """The names of a stream's filters, in the order they are applied to decode it."""
    found = _FILTER.search(head)
    return _NAME.findall(found.group(1)) if found else []


def decoded_size(raw: bytes, names: list[bytes], cap: int) -> int | None:
    """The size ``raw`` decodes to through ``names``, counted up to ``cap`` (more means over it); None
    if a filter is one that is not weighed here (images' DCT, JPX, CCITT, JBIG2: sized by their pixels)."""
    if any(name not in DECODERS for name in names):
        return None
    size = 0
    for piece in _chain(raw, names):
        size += len(piece)
        if size > cap:
            break
    return size


def decoded(raw: bytes, names: list[bytes], cap: int) -> bytes | None:
    """``raw`` decoded through ``names``; None if a filter is not one of these or it is over ``cap``."""
    if any(name not in DECODERS for name in names):
        return None
    out = bytearray()
    for piece in _chain(raw, names):
        out += piece
        if len(out) > cap:
            return None
    return bytes(out)


def _chain(raw: bytes, names: list[bytes]) -> Iterator[bytes]:
    pieces: Iterator[bytes] = (raw[i : i + CHUNK] for i in range(0, len(raw), CHUNK))
    for name in names:
        pieces = DECODERS[name](pieces)
    return pieces
