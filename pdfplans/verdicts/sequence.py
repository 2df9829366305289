"""What a table says about itself: a progressive number (1, 2, 3 ...) with a gap or a repeat, shares
that must make 100%, an amount the caption states for the whole table, a caption saying it is empty.

A gap in the numbering is a row lost or merged; shares that no longer make 100 (beyond rounding) or
a sum far from the stated amount is a row lost or misread. A stated amount off by a typing slip is
the plan's own (the seed's 856.581,99 for 856.551,99): the checks report it.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..extractors.catalog import EMPTY_MARKER, SPECS_BY_ID
from ..normalize.numbers import parse_euro
from .base import Reason
from .common import data_rows, fmt, num, page_of, typing_slip

if TYPE_CHECKING:
    from ..model import Plan, Table

PROGRESSIVE = ("prog",)
SHARES = ("percentuale",)  # shares of one whole, row by row
STATED = re.compile(r"(?:complessivamente|totale|pari a|ammontano a)[^€\d]{0,30}€\s*([\d.]+,\d\d)", re.IGNORECASE)
EURO = ("risorse_eur", "fondo_eur")
# where the next caption starts: a letter of R.R. 4/2017, a bullet, a numbered heading ("3.4 Unità di ...")
_CAPTION_START = re.compile(r"^\s*(?:[a-k]\s?\)\s|[❖▪•■]\s|\d+(?:\.\d+)*[.)]?\s+\S)", re.IGNORECASE)


def _numbering(table: "Table") -> list[Reason]:
    for column in PROGRESSIVE:
        values = [num(r.get(column)) for _, r in data_rows(table)]
        if column not in table.columns or len(values) < 2:
            continue
        start = values[0] if values[0] is not None else 1.0
        if any(v is None for v in values) or values != [start + k for k in range(len(values))]:
            return [Reason("sequence", table.id, page_of(table),
                           f"{column} does not run {fmt(start)}, {fmt(start + 1)}, … without a "
                           f"gap over its {len(values)} rows (a row lost or merged?)")]
    return []


def _shares(table: "Table") -> list[Reason]:
    for column in SHARES:
        if column not in table.columns:
            continue
        values = [num(r.get(column)) for _, r in data_rows(table)]
        if values and all(v is not None for v in values):  # one row alone is the whole: 100% too
            total = sum(v for v in values if v is not None)
            if abs(total - 100) > 1:
                return [Reason("sequence", table.id, page_of(table),
                               f"the {column} of its {len(values)} row{'s' if len(values) > 1 else ''} make"
                               f"{'' if len(values) > 1 else 's'} {fmt(round(total, 2))}%, not 100%")]
    return []


def _stated(table: "Table") -> list[Reason]:
    match = STATED.search(table.caption or "")
    column = next((c for c in EURO if c in table.columns), None)
    if match is None or column is None:
        return []
    values = [num(r.get(column)) for _, r in data_rows(table)]
    if not values or any(v is None for v in values):
        return []
    try:
        stated = parse_euro(match.group(1))
    except ValueError:
        return []
    total = round(sum(v for v in values if v is not None), 2)
    if stated is None or abs(total - stated) < 0.005 or typing_slip(total, stated):
        return []
    return [Reason("sequence", table.id, table.caption_page or page_of(table),
                   f"the caption states € {fmt(stated)} but the {column} rows add up to € {fmt(total)}")]


def _said_empty(table: "Table") -> list[Reason]:
    """A caption that says the table is empty ("Nessun Ente ha comunicato ...") over rows: rows of another table."""
    # the caption's last sentence: a caption may begin with the sentence that closed the table before
    last = re.split(r"(?<=\w)[.:]\s+(?=\S)", " ".join((table.caption or "").split()))[-1]
    if table.records and EMPTY_MARKER.search(last):
        return [Reason("sequence", table.id, page_of(table),
                       f"its caption says it is empty ({' '.join(table.caption.split())[:60]!r}) but it holds "
                       f"{len(table.records)} rows (another table's?)")]
    return []


FOLLOWING = 4  # lines after a caption in which the plan may say the table has no rows


def _said_empty_below(plan: "Plan", table: "Table") -> str | None:
    """The sentence, in the lines below the table's caption and before the next caption, that says the
    table's subject has no rows ("Nessun Ente Proprietario ha comunicato ... nuova edificazione.")."""
    spec = SPECS_BY_ID.get(table.id)
    head = " ".join(table.caption.split())[:40]
    if spec is None or not spec.may_be_empty or spec.caption is None or not head:
        return None
    lines = plan.text
    for index, (page, text) in enumerate(lines):
        if not " ".join(text.split()).startswith(head):
            continue
        below = [t for p, t in lines[index + 1:index + 1 + FOLLOWING] if p == page]
        stop = next((k for k, t in enumerate(below) if _CAPTION_START.match(t)), len(below))
        for sentence in _sentences(below[:stop]):
            if EMPTY_MARKER.search(sentence) and spec.caption.search(sentence):
                return sentence
    return None


def _sentences(lines: list[str]) -> list[str]:
    """Sentences of consecutive lines: split at a full stop, colon or semicolon, and where a line opens
    in upper case (a caption's last line often ends with no stop: it is no part of the next sentence)."""
    text = " ".join(f"\n{line}" if line[:1].isupper() else line for line in lines)
    return [s for s in re.split(r"(?<=[\w)])[.:;](?=\s)|\n", text) if s.strip()]


def judge_said_empty(plan: "Plan") -> list[Reason]:
    """A table read with rows that the plan, just below its caption, says has none: another table's rows."""
    reasons = []
    for table in plan.tables.values():
        sentence = _said_empty_below(plan, table) if table.records and not _said_empty(table) else None
        if sentence is not None:
            reasons.append(Reason("sequence", table.id, table.caption_page or page_of(table),
                                  f"the plan says below its caption that it has no rows "
                                  f"({' '.join(sentence.split())[-70:]!r}) but it holds {len(table.records)} "
                                  "rows (another table's?)"))
    return reasons


def judge_sequence(table: "Table") -> list[Reason]:
    return _numbering(table) + _shares(table) + _stated(table) + _said_empty(table)
