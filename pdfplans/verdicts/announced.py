"""Tables the plan announces (a caption, a section heading, the table of contents) but that were not
found: a table lost whole, said by default, never only under ``--verbose``.

A line announces a table when it matches the table's caption words (``TableSpec.caption``) and reads
as an announcement: a numbered table's caption ("Tabella 8 – Categorie aggiuntive ..."), a letter of
R.R. 4/2017 ("g) Numero complessivo..."), an Allegato heading, a line ending in a colon ("Unità già
libere:"), a contents line ("Allegato B ..... 22"), or a numbered heading whose section goes on to
introduce a list ("le seguenti", a colon). A section that only says where the figures are ("è stato
caricato nella Piattaforma") announces nothing.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..extractors.catalog import EMPTY_MARKER, SPECS
from ..extractors.spec import TableSpec
from .base import Reason
from .unreadable import unreadable_note

if TYPE_CHECKING:
    from ..model import Plan

_LETTER = re.compile(r"^\s*(?:[a-k]\s?\)\s|[❖▪•■]\s)", re.IGNORECASE)  # a letter of R.R. 4/2017, or its sub-item
_ALLEGATO = re.compile(r"^\s*all(?:egato)?\.?\s*[ab]\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\d+(?:\.\d+)*[.)]?\s+\S")
_CONTENTS = re.compile(r"\.{4,}\s*\d+\s*$")
# a numbered table's caption: "Tabella 8 – Categorie aggiuntive ...", "Tab. 3: ...", not "Tabella 3 e 4 ..."
_TABLE_NUMBER = re.compile(r"^\s*(?:tabella|tab\.|prospetto)\s*\d+\s*[–—:.-]\s*\S", re.IGNORECASE)
_INTRODUCES = re.compile(r":\s*$|\bseguent[ei]\b", re.IGNORECASE)
STRONG = 0.5  # caption weight of the tables whose caption words are their own (a..k, popolazione)
FOLLOWING = 4  # lines after a numbered heading in which it must introduce a list


def _announces(lines: list[tuple[int, str]], index: int, strong: bool) -> bool:
    text = lines[index][1]
    if _ALLEGATO.match(text) or _CONTENTS.search(text):
        return True
    following = [t for p, t in lines[index + 1:index + 1 + FOLLOWING] if p == lines[index][0]]
    said_empty = any(EMPTY_MARKER.search(t) for t in [text, *following])  # "Non sono previste unità ..."
    if _TABLE_NUMBER.match(text):
        return not said_empty  # a numbered table's caption is a heading of its own, whatever its words
    if not strong or said_empty:
        return False  # broad caption words ("misure", "fondi"): only a heading of its own counts
    if _LETTER.match(text) or text.rstrip().endswith(":"):
        return True
    return bool(_NUMBERED.match(text)) and any(_INTRODUCES.search(t) for t in following)


def announcements(plan: "Plan", spec: TableSpec, contents: bool = True) -> list[tuple[int, int, str]]:
    """Every line announcing ``spec``'s table (line index, page, text), in the plan's order; without
    the table of contents' lines unless ``contents``."""
    if spec.caption is None:
        return []
    lines = plan.text
    return [(index, page, text) for index, (page, text) in enumerate(lines)
            if spec.caption.search(text) and _announces(lines, index, spec.caption_weight >= STRONG)
            and (contents or not _CONTENTS.search(text))]


def judge_announced(plan: "Plan") -> list[Reason]:
    """A table announced and not found, at its last announcement: the caption standing where the table
    would be (a list of annexes or the contents come before it); any unreadable text there is said."""
    found: list[Reason] = []
    for spec in SPECS:
        if spec.id in plan.tables:
            continue
        seen = announcements(plan, spec)
        if not seen:
            continue
        _, page, text = seen[-1]
        earlier = sorted({p for _, p, _ in seen if p != page})
        also = f", also on page{'s' if len(earlier) > 1 else ''} {', '.join(map(str, earlier))}" if earlier else ""
        found.append(Reason("announced", spec.id, page, f"announced on page {page} ({' '.join(text.split())[:80]!r}"
                                                        f"{also}) but not found{unreadable_note(plan, [page, page + 1])}"))
    return found
