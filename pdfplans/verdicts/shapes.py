"""Lines of the narrative shaped like a table's own rows: rows the reading left out (a page break, an
early stop), found by the shape of the rows the table did take.

A row's shape is the sequence of what its printed cells hold, token by token: words (a run of them
counts once), plain numbers, amounts in euro, percentages, dates, times, references n/yyyy, codes.
"DGR 6491/2022 40.672,00 € 105 96" has the shape of every row of a table of DGR funds; "ALER 3162485
'BS158850 CREMONA SFITTO PER RISTRUTTURAZIONE" that of every row of Allegato B. A line of that shape
on the table's pages or the page after is one of its rows, read as text. A row ending in free text
(a measure's purpose) is compared up to that text: the text varies, the cells before it do not.
A comune table whose rows hold no figure (categorie aggiuntive) gets a line led by a member comune.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..extractors.catalog import SPECS_BY_ID
from .base import Reason
from .common import data_rows
from .kinds import plain_name
from .shortforms import opening_member, tokens

if TYPE_CHECKING:
    from ..model import Plan, Table

_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("P", re.compile(r"^\d+(?:[.,]\d+)?%$")),
    ("D", re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")),
    ("T", re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")),
    ("R", re.compile(r"^(?:[IVX]+/)?\d+/\d{4}$")),  # a reference n/yyyy, its legislature first or not: XI/6970/2022
    ("Z", re.compile(r"^[-–]$")),  # a dash: a zero before €, else a title's or a sentence's
    ("N", re.compile(r"^\d[\d.,]*$")),
    ("C", re.compile(r"^['’]?[A-Za-z0-9-]*\d[A-Za-z0-9-]*$")),
)
_SENTENCE = re.compile(r"[.;:]\s*$")
MIN_FIGURES = 2  # plain numbers of a shape: fewer says too little ("Allegato 1")
SLACK = 2  # words a row may print beyond the wordiest row read (a longer comune name)
MAX_TOKENS = 14  # a line led by a comune and holding no figure: a row, not a sentence
WORDY_FIGURES = 1  # figures a row of words may print (an age, a year), after the comune's name


def shape(text: str) -> tuple[str, ...]:
    """The classes of ``text``'s tokens, a run of words as one W, an amount and its € as one E."""
    out: list[str] = []
    for token in text.replace("€", " € ").split():
        token = token.strip(",;()")
        if not token:
            continue
        if token == "€":
            if out and out[-1] in "NZ":
                out[-1] = "E"
            continue
        cls = next((c for c, pattern in _CLASSES if pattern.match(token)), "W")
        if cls == "W" and out and out[-1] == "W":
            continue
        out.append(cls)
    return tuple(out)


def _row_text(table: "Table", index: int, upto: str | None = None) -> str:
    """The row's printed cells left to right (a cell feeding two columns once), before column ``upto``."""
    cells = table.cells[index] if index < len(table.cells) else {}
    stop = cells.get(upto) if upto else None
    printed = {(c.page, c.bbox): c for name, c in cells.items() if c.flat.strip()}
    ordered = sorted(printed.values(), key=lambda c: c.bbox[0])
    if stop is not None:
        ordered = [c for c in ordered if c.bbox[0] < stop.bbox[0]]
    return " ".join(c.flat for c in ordered)


def _free_text(table: "Table") -> str | None:
    """The last printed column when it holds free text (a purpose, a note): rows are compared before it."""
    spec = SPECS_BY_ID.get(table.id)
    roles = [r for r in spec.roles if r.name in table.columns] if spec else []
    return roles[-1].name if roles and roles[-1].kind == "text" and len(roles) > 2 else None


def collapse(found: tuple[str, ...]) -> tuple[str, ...]:
    """A shape with each run of a repeated group kept once: a cell of one, two or four DGRs ("DGR 4833
    del 07.06.2021 DGR 6732 del 25.07.2022") is one list of references."""
    out = list(found)
    for size in range(1, 5):
        index = 0
        while index + 2 * size <= len(out):
            if out[index:index + size] == out[index + size:index + 2 * size]:
                del out[index + size:index + 2 * size]
            else:
                index += 1
    return tuple(out)


def _leading_words(text: str) -> int:
    """Words before the first figure: a row's name, or a sentence's opening."""
    count = 0
    for token in text.split():
        if any(c.isdigit() for c in token):
            break
        count += 1
    return count


def _words(text: str) -> int:
    return sum(1 for token in text.split() if not any(c.isdigit() for c in token))


def _opens_lower(text: str) -> bool:
    """Whether the first letter is lower case: a sentence wrapped onto this line, when no row opens so."""
    letter = next((c for c in text if c.isalpha()), "")
    return letter.islower()


def _shapes(table: "Table") -> tuple[set[tuple[str, ...]], str | None, int]:
    """The shapes of the rows (before any free text, its lists collapsed), and the most words a whole
    row prints (before its first figure, when rows end in free text)."""
    upto = _free_text(table)
    rows = [_row_text(table, i, upto) for i, _ in data_rows(table)]
    if upto is None:
        found = {shape(t) for t in rows}
        words = max((_words(_row_text(table, i)) for i, _ in data_rows(table)), default=0)
    else:
        found = {collapse(shape(t)) for t in rows}
        words = max((_leading_words(t) for t in rows), default=0)
    return {s for s in found if _telling(s)}, upto, words


def _telling(found: tuple[str, ...]) -> bool:
    """Two figures, or one of a kind plain text seldom prints (an amount in euro, a code, a date)."""
    return sum(c not in "WZ" for c in found) >= MIN_FIGURES or any(c not in "WNZ" for c in found)


def _fits(text: str, shapes: set[tuple[str, ...]], prefix: bool, words: int) -> bool:
    if not prefix:  # a whole row: no sentence, no more words than the table's rows print
        return shape(text) in shapes and not _SENTENCE.search(text) and _words(text) <= words + SLACK
    if _leading_words(text) > words + SLACK:
        return False  # a sentence naming a DGR, not a measure's name before its references
    line = collapse(shape(text))
    return any(line[:len(s)] == s and (len(line) == len(s) or line[len(s)] == "W") for s in shapes)


def _led_by_member(text: str, members: list[str]) -> bool:
    """A short line opening with a member's name (whole or in short form) and then words, one figure
    among them at most ("Travagliato Giovani coppie con età non superiore a 35 anni"), none right
    after the name: a line of comune and figures is the leftovers' (verdicts/leftovers.py)."""
    if len(text.split()) > MAX_TOKENS or _SENTENCE.search(text):
        return False
    member = opening_member(text, members)
    if member is None:
        return False
    after = [word for word, _ in tokens(text)[len(member.split()):]]
    figures = [word for word in after if any(c.isdigit() for c in word)]
    return len(figures) <= WORDY_FIGURES and not after[0][0].isdigit()


def _wordy_comune_table(table: "Table") -> bool:
    """A table of comuni and words only (categorie aggiuntive): its rows print no figure to shape."""
    spec = SPECS_BY_ID.get(table.id)
    return (spec is not None and spec.key == "comune" and "comune" in table.columns
            and all(r.kind in ("name", "text") for r in spec.roles))


def judge_shapes(plan: "Plan") -> list[Reason]:
    members = sorted({plain_name(m["comune"]) for m in plan.comuni_ambito if m.get("comune")}, key=len, reverse=True)
    found: dict[str, Reason] = {}
    for table in plan.tables.values():
        if not table.records or not table.pages:
            continue
        shapes, upto, words = _shapes(table)
        wordy = _wordy_comune_table(table)
        if not shapes and not wordy:
            continue
        pages = set(table.pages) | {table.pages[-1] + 1}
        lower = any(_opens_lower(_row_text(table, i)) for i, _ in data_rows(table))
        for page, text in plan.text:
            if page not in pages or (_opens_lower(text) and not lower):
                continue
            if (shapes and _fits(text, shapes, upto is not None, words)) or (wordy and _led_by_member(text, members)):
                found[table.id] = Reason("continuation", table.id, page,
                                         f"page {page} prints {' '.join(text.split())[:60]!r}, shaped like its rows, "
                                         "read as text, not as a row (a page break or an early stop?)")
                break
    return list(found.values())
