"""Tables standing where the text layer is unreadable: a page whose glyphs say nothing (private-use
code points, "(cid:N)" names: extractors/textlayer) may hide rows of a table, or the whole table.
Unreadable text is laid to the table captioned last on its page or the page before (a caption stands
above its table, and the glyphs left out come after the lines read); whatever the reader (or OCR)
made of that table is suspect, said at the page of its caption."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..extractors.catalog import SPECS
from ..extractors.textlayer import UNREADABLE_TEXT
from .base import Reason

if TYPE_CHECKING:
    from ..model import Plan


def unreadable_pages(plan: "Plan") -> dict[int, str]:
    """Page → what its text layer warning says, for the pages with unreadable glyphs left out."""
    return {w.page: w.message for w in plan.warnings
            if w.page and w.kind == "unreadable" and w.message.startswith(UNREADABLE_TEXT)}


def unreadable_note(plan: "Plan", pages: list[int]) -> str:
    """"; page N: text layer unreadable ..." for the first of ``pages`` that is, else ""."""
    bad = unreadable_pages(plan)
    hit = next((p for p in pages if p in bad), None)
    return "" if hit is None else f"; page {hit}: {bad[hit]}"


def judge_unreadable(plan: "Plan") -> list[Reason]:
    """A table found whose caption stands on, or just before, a page with unreadable text."""
    bad = unreadable_pages(plan)
    if not bad:
        return []
    from .announced import announcements  # announced imports this module for its note

    captions = sorted((index, page, spec.id) for spec in SPECS for index, page, _ in
                      announcements(plan, spec, contents=False))
    reasons: dict[str, Reason] = {}
    for page in sorted(bad):
        before = [(p, table) for _, p, table in captions if page - 1 <= p <= page]
        if not before:
            continue
        caption, table = before[-1]
        if table in plan.tables and table not in reasons:
            where = "where its caption stands" if caption == page else f"on page {page}, after its caption"
            reasons[table] = Reason("unreadable", table, caption, f"{where}: {bad[page]}: rows printed there may "
                                                                  "be lost or read by OCR")
    return list(reasons.values())
