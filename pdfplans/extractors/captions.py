"""Captions: the narrative lines above a table that say what it is, across a page break."""
from __future__ import annotations

from .lines import Line


def caption_above(before: list[Line], first: Line, count: int) -> list[Line]:
    """The narrative lines kept as the caption of a table starting at ``first``, nearest last: those
    above it on its own page. Only a table that opens its page takes the last lines of the page
    before (a caption the page break parted from its table), or one whose page opens with the rest
    of a sentence the page before left unfinished (a caption cut by the break): the end of a page
    of prose above a table on the next page with prose of its own is no caption of it."""
    same_page = [line for line in before if line.page == first.page]
    if not before:
        return []
    earlier = [line for line in before if line.page < first.page]
    if same_page and not (earlier and _sentence_goes_on(earlier[-1], same_page[0])):
        return same_page[-count:]
    last_page = earlier[-1].page if earlier else first.page
    return [line for line in before if line.page in (last_page, first.page)][-count:]


def _sentence_goes_on(end: Line, start: Line) -> bool:
    """A page's first line carries on the sentence the last line of the page before left open."""
    return not end.text.rstrip().endswith((".", ";", ":", "!", "?")) and start.text[:1].islower()
