"""Page noise that is never a table row: running headers and footers, page numbers, protocol
stamps repeated on every page, table-of-contents dot leaders."""
from __future__ import annotations

import re
from collections import Counter

from .lines import Line
from .settings import DEFAULT_SETTINGS, ReaderSettings

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(pag(\.|ina)?\s*)?\d{1,3}(\s*(di|/|of)\s*\d{1,3})?$", re.IGNORECASE)
_DOT_LEADER = re.compile(r"(\.\s?){4,}|…{2,}|_{6,}")
_STAMPS = (
    re.compile(r"\bprot(\.|ocollo)?\s*(n\.|nr\.?|num\.?)?\s*\d{3,}", re.IGNORECASE),
    re.compile(r"^[A-Z]_[A-Z0-9]{4}\b.*\b\d{4}-\d{2}-\d{2}\b"),  # "C_A849 - 1 2021-03-03 0004140"
)


def _shape(line: Line) -> str:
    return _DIGITS.sub("#", line.text.lower())


def is_toc_line(line: Line) -> bool:
    return bool(_DOT_LEADER.search(line.text))


def is_stamp(line: Line) -> bool:
    return any(p.search(line.text) for p in _STAMPS)


def split_noise(pages: list[list[Line]], heights: list[float], settings: ReaderSettings = DEFAULT_SETTINGS,
                ) -> tuple[list[list[Line]], list[Line]]:
    """Return the lines of every page without noise, and the noise lines that were removed."""
    band = settings.margin_band_share
    in_margin = [
        [ln for ln in lines if ln.bottom < h * band or ln.top > h * (1 - band)]
        for lines, h in zip(pages, heights)
    ]
    shapes = Counter(s for margin in in_margin for s in {_shape(ln) for ln in margin})
    threshold = max(settings.noise_pages_min, int(settings.noise_pages_share * len(pages)))
    repeated = {s for s, n in shapes.items() if n >= threshold}
    kept: list[list[Line]] = []
    noise: list[Line] = []
    for lines, margin in zip(pages, in_margin):
        margin_ids = {id(ln) for ln in margin}
        page_kept = []
        for line in lines:
            marginal = id(line) in margin_ids
            if is_stamp(line) or is_toc_line(line) or (
                marginal and (_shape(line) in repeated or _PAGE_NUMBER.match(line.text.strip()))
            ):
                noise.append(line)
            else:
                page_kept.append(line)
        kept.append(page_kept)
    return kept, noise
