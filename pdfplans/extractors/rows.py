"""Row segmentation: where a new row starts, as named strategies (the one module that decides it).

- ``rows_by_rules``: a full grid — the horizontal rules are the row boundaries;
- ``rows_by_occupancy``: horizontal rules only, or none — rows from the text (the wrap test:
  a line starts a row when its first word would have fitted on the line above);
- ``merged_groups``: in a full grid, a cell with no rule above it spans the rows below it;
- ``continues_on_next_page``: the first row after a page break is the rest of the last one;
- ``split_stacked`` and ``continues_record``: after classification, rows a borderless layout ran
  together are split, and rows holding only the rest of a wrapped cell are joined to the one above.

``segment_rows`` picks the strategy for one page of a table and says which it used.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..model import Cell
from .grid import Interval, left_edges, right_edges, words_by_column
from .kinds import KINDS
from .lines import Line
from .page import Rule, Word
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .values import looks_numeric, whole_value

RULES = "rules"
OCCUPANCY = "occupancy"


@dataclass
class RowBand:
    lines: list[Line]
    top: float
    bottom: float


def rows_by_rules(lines: list[Line], ys: list[float]) -> list[RowBand]:
    """Lines grouped into the bands between horizontal rules."""
    bands: dict[int, list[Line]] = {}
    for line in lines:
        index = sum(1 for y in ys if y <= line.center_y)
        bands.setdefault(index, []).append(line)
    out = []
    for index in sorted(bands):
        group = bands[index]
        top = ys[index - 1] if 0 < index <= len(ys) else min(l.top for l in group)
        bottom = ys[index] if index < len(ys) else max(l.bottom for l in group)
        out.append(RowBand(group, top, bottom))
    return out


def rows_by_occupancy(
    lines: list[Line], columns: list[Interval], single_line: set[int], gap_limit: float,
    edges: list[float | None] | None = None, rules_at: list[float] | None = None, settings: ReaderSettings = DEFAULT_SETTINGS,
) -> list[RowBand]:
    """Rows of a table without horizontal rules (cells top-aligned).

    A line starts a new row when it prints in a column this row already finished, puts a number
    in a single-line column already filled, leaves a gap, or when in every column it shares with
    the previous line its first word would have fitted on that line (so no cell wrapped there).
    """
    edges = edges or right_edges(lines, columns, settings)  # measured over the whole table when given
    lefts = left_edges(lines, columns, settings)
    leading = _leading_value_columns(lines, columns, settings)
    bands: list[RowBand] = []
    filled: set[int] = set()
    previous: dict[int, list[Word]] = {}
    for line in lines:
        by_column = words_by_column(line, columns, settings)
        used = set(by_column)
        closed = filled - set(previous)
        numbers_again = any(
            c in filled and looks_numeric(" ".join(w.text for w in by_column[c])) for c in used & (single_line | leading) - _unfinished(previous)
        )
        votes = {c: _wrap_vote(previous[c][-1], by_column[c][0], lefts[c], edge, line.size, settings)
                 for c in used & set(previous) if (edge := edges[c]) is not None}
        fresh_value = any(votes.get(c) == "fits" for c in single_line)
        # a value column never wraps, so its full line says nothing about wrapping
        fresh_text = any(v == "fits" for v in votes.values()) and not any(
            v == "tight" for c, v in votes.items() if c not in single_line
        )
        # the rest of a row carried over a page break has no key and no values; the row after it does
        after_remainder = bool(filled) and 0 not in filled and (
            bool(used & single_line - filled) or 0 in used  # values, or a name in the first column
        )
        slack = settings.edge_slack * line.size
        ruled_off = bool(bands) and any(bands[-1].bottom - slack <= y <= line.top + slack for y in rules_at or ())
        new_row = (
            not bands
            or ruled_off  # a horizontal rule between two lines always ends a row
            or _finished_before({c: w[-1] for c, w in previous.items()}, {c: w[0] for c, w in by_column.items()})
            or after_remainder
            or bool(used & closed)
            or numbers_again
            or fresh_value
            or fresh_text
            or line.top - bands[-1].bottom > gap_limit
        )
        if new_row:
            bands.append(RowBand([line], line.top, line.bottom))
            filled = set(used)
        else:
            bands[-1].lines.append(line)
            bands[-1].bottom = max(bands[-1].bottom, line.bottom)
            filled |= used
        previous = by_column
    return bands


_OPEN_ENDS = ("+", "-", "–", "/", "=", ",", "(")


def _unfinished(cells: dict[int, list[Word]]) -> set[int]:
    """Columns whose text on a line ends in a sum or a list left open ("1 +", "3 -", "2,"): the
    figure on the next line is the rest of the same cell, wrapped by a narrow column. A dash alone
    is a cell of its own (nothing to report), not an open sum."""
    return {c for c, words in cells.items()
            if words and words[-1].text.endswith(_OPEN_ENDS) and (len(words) > 1 or len(words[0].text) > 1)}


def _leading_value_columns(lines: list[Line], columns: list[Interval], s: ReaderSettings) -> set[int]:
    """Columns where every row's cell starts with a figure ("6 (di cui 2 per mobilità)", "1", "11"):
    not single-line, as a note may follow the figure, but a figure there opens a new row all the same."""
    starts: dict[int, list[bool]] = {}
    for line in lines:
        for c, words in words_by_column(line, columns, s).items():
            starts.setdefault(c, []).append(looks_numeric(words[0].text))
    return {c for c, flags in starts.items() if c > 0 and sum(flags) >= 2 and sum(flags) >= s.single_line_share * len(flags)}


def continues_on_next_page(before: list[Line], after: list[Line], columns: list[Interval], single_line: set[int],
                  edges: list[float | None], settings: ReaderSettings = DEFAULT_SETTINGS) -> bool:
    """Whether the first row after a page break (``after``) is the rest of the last row before it.

    It is when it brings no value of a single-line column and, in every column where it prints,
    its first word could not have fitted on the last line of that column before the break.
    """
    lefts = left_edges(before + after, columns, settings)
    last: dict[int, Word] = {}
    for line in before:
        for col, words in words_by_column(line, columns, settings).items():
            last[col] = words[-1]
    first: dict[int, Word] = {}
    for line in after:
        for col, words in words_by_column(line, columns, settings).items():
            first.setdefault(col, words[0])
    if not first or set(first) & single_line:
        return False
    if _finished_before(last, first):
        return False
    votes = []
    for col, word in first.items():
        edge = edges[col]
        if col not in last or edge is None:
            return False  # text in a column the row before left empty: a new row
        votes.append(_wrap_vote(last[col], word, lefts[col], edge, word.size, settings))
    return "fits" not in votes


def _finished_before(last: Mapping[int, Word], first: Mapping[int, Word]) -> bool:
    """A cell ended its sentence on the line before and the next line prints a first-column cell,
    every one of its cells opening with a capital or a figure ("...delle spese." then "Misura Unica
    Affitto | DGR 6970/2022 | Contributo ai nuclei"): a new row, in a layout that sets rows as close
    as a cell's lines (or moved it whole past a page break however full the page was), not the rest
    of a row (a wrapped cell goes on in lower case, and its first column is mostly blank)."""
    ended = any(_ends_sentence(last[col].text) for col in first if col in last)
    return ended and 0 in first and all(_opens(word.text, last.get(col)) for col, word in first.items())


def _opens(word: str, before: Word | None) -> bool:
    """A word that may open a cell: a figure, or a capital, unless the column goes on in capitals
    ("FONDO MOROSITA'" over "INCOLPEVOLE": a name in capitals says nothing by its case)."""
    if word[:1].isdigit():
        return True
    in_capitals = len(word) > 1 and word.isupper() and before is not None and before.text.isupper()
    return word[:1].isupper() and not in_capitals


def _ends_sentence(word: str) -> bool:
    """A word in lower case closing a sentence ("spese."), not a short form ("Soc. Coop.", "LOD.")."""
    stem = word[:-1]
    return word.endswith((".", ";")) and len(stem) >= 4 and stem.isalpha() and stem.islower()


def _wrap_vote(last: Word, first: Word, left: float, edge: float, size: float,
               settings: ReaderSettings = DEFAULT_SETTINGS) -> str:
    """Why a column's text went on a new line: "fits" (the word would have fitted: not a wrap),
    "tight" (the previous line was full: surely a wrap) or "loose" (a wrap, or a new short cell)."""
    width = max(edge - left, size)
    slack = settings.wrap_fit_slack * size
    if first.text[:1].islower():  # the rest of a sentence: only a clear fit says it is no wrap
        slack += settings.wrap_fit_share * width
    if last.x1 + settings.wrap_space * size + (first.x1 - first.x0) < edge - slack:
        return "fits"
    return "tight" if edge - last.x1 < settings.tight_share * width else "loose"



def merged_groups(bands: list[RowBand], columns: list[Interval], rules: list[Rule],
                  settings: ReaderSettings = DEFAULT_SETTINGS) -> dict[int, list[list[int]]]:
    """In a ruled grid, per column, the runs of bands that are one merged cell: a band with no
    horizontal rule above it in that column belongs to the cell above."""
    s = settings
    out: dict[int, list[list[int]]] = {}
    horizontal = [rule for rule in rules if rule.horizontal]  # tested once, not once per band and column
    for c, (x0, x1) in enumerate(columns):
        middle = (x0 + x1) / 2
        group = [0]
        for r in range(1, len(bands) + 1):
            merged = r < len(bands) and not any(
                abs(rule.y0 - bands[r].top) <= s.grid_rule_pt
                and rule.x0 - s.rule_slack_pt <= middle <= rule.x1 + s.rule_slack_pt
                for rule in horizontal
            )
            if merged:
                group.append(r)
                continue
            if len(group) > 1:
                out.setdefault(c, []).append(group)
            group = [r]
    return out


@dataclass
class RowSegmentation:
    """The rows of one page of a table: the bands, the strategy that cut them and the merged cells."""

    bands: list[RowBand]
    strategy: str
    rules_at: list[float] = field(default_factory=list)
    merges: dict[int, list[list[int]]] = field(default_factory=dict)


def segment_rows(lines: list[Line], columns: list[Interval], ruled_columns: bool, rules: list[Rule],
                 rules_at: list[float], single_line: set[int], edges: list[float | None],
                 settings: ReaderSettings = DEFAULT_SETTINGS) -> RowSegmentation:
    """A full grid is cut by its rules (even on a page one tall row fills); otherwise rows come
    from the text, never continued across a horizontal rule."""
    if ruled_columns:
        bands = rows_by_rules(lines, rules_at)
        return RowSegmentation(bands, RULES, rules_at, merged_groups(bands, columns, rules, settings))
    bands = rows_by_occupancy(lines, columns, single_line, gap_limit=settings.table_gap * lines[0].size,
                              edges=edges, rules_at=rules_at, settings=settings)
    return RowSegmentation(bands, OCCUPANCY, rules_at)


def split_stacked(cells: Mapping[str, Cell], key: str, whole_is_name: Callable[[], bool],
                  is_name: Callable[[str], bool]) -> list[dict[str, Cell]] | None:
    """Rows run together by a borderless layout: the key cell holds one name per line
    ("CASTELVERDE" / "POZZAGLIO ED UNITI") that do not make one name together (``whole_is_name``
    is false), every line is a name and every other cell has as many lines. Returns the rows line
    by line, or None when the row is one row."""
    from .cells import line_of

    cell = cells.get(key)
    if cell is None or "\n" not in cell.text or whole_is_name():
        return None
    lines = cell.text.split("\n")
    if not all(is_name(line) for line in lines):
        return None
    if any(c is not cell and c.text.count("\n") + 1 != len(lines) for c in cells.values()):
        return None
    return [{role: line_of(c, index, len(lines)) for role, c in cells.items()} for index in range(len(lines))]


_TEXT_KINDS = frozenset({"text", "dgr"})


def continues_record(texts: Mapping[str, str], kinds: Mapping[str, str], key: str, carry_down: bool,
                     new_page: bool) -> bool:
    """A classified row with nothing under its key that is the rest of the row above: only wrapped
    text, or, at the top of a new page, figures that are no whole values ("6491/2022)")."""
    if texts.get(key) or carry_down:
        return False
    if all(kinds.get(role) in _TEXT_KINDS for role in texts):
        return True
    if not new_page:
        return False
    return not any(role in kinds and KINDS[kinds[role]].numeric and whole_value(text) for role, text in texts.items())
