"""Wrong readings made from right ones, the way real readers go wrong (the verdicts' test bed).

Each mutation takes a correct ``Plan`` (read from a sample whose every table is cell-for-cell right)
and one table id, and returns a deep copy read wrong there, or None when it does not apply (an
empty table has no row to drop). It changes what a broken reader would change, records and printed
cells alike: a value is re-read from the text its cell now holds, as the row builders would, so the
verdicts see nothing the real failure would not leave. ``judge`` runs on the result.

Kinds: ``page_break`` (rows lost where a page ends, or the last rows of a one-page table),
``merge`` (two rows read as one), ``shift`` (every value one printed column to the right),
``cut`` (the table stops halfway), ``lost`` (a one-row table's row read into the table before it),
``swap`` (two tables of the same columns exchanged), ``ocr`` (three digits misread).
"""
from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import replace

from pdfplans.extractors.catalog import SPECS_BY_ID
from pdfplans.model import Cell, Plan, Table
from pdfplans.normalize.numbers import parse_euro, parse_int, parse_percent
from pdfplans.schema import column_kind
from pdfplans.verdicts.judge import judge

Mutated = tuple[Plan, tuple[str, ...]]  # the wrong reading and the tables that must be flagged
OCR_CONFUSIONS = {"0": "8", "1": "7", "3": "8", "5": "6", "6": "5", "7": "1", "8": "3", "9": "4", "2": "7", "4": "9"}
NAMES = ("comune", "ente")


def _data(table: Table) -> list[int]:
    return [i for i, r in enumerate(table.records) if not r.get("is_total")]


def _roles(table: Table) -> list[str]:
    """The table's columns read from a printed column, in printed order."""
    spec = SPECS_BY_ID[table.id]
    return [c for c in table.columns if spec.role(c) is not None]


def _value(column: str, text: str | None):
    """What a row builder reads from ``text`` for ``column`` (None when it reads no figure)."""
    if text is None or not text.strip():
        return None
    if column in NAMES or column_kind(column) == "str":
        return " ".join(text.split())
    try:
        if column.endswith("_eur"):
            return parse_euro(text)
        if column.endswith("_pct") or column == "percentuale":
            return parse_percent(text)
        if column_kind(column) == "int":
            return parse_int(text)
        return parse_euro(text)
    except ValueError:
        return None


def _set(table: Table, index: int, column: str, text: str | None, like: Cell | None) -> None:
    """Row ``index`` now prints ``text`` in ``column`` (its cell moved or re-read)."""
    record, cells = table.records[index], table.cells[index]
    if text is None:
        cells.pop(column, None)
    else:
        base = like or next(iter(cells.values()))
        cells[column] = replace(base, text=text)
    record[column] = _value(column, text)
    if column in NAMES:
        record["comune_istat"] = None  # a name that changed no longer resolves to its comune
        record["ente_tipo"] = record.get("ente_tipo") if column == "ente" else None


def _drop(table: Table, indexes: list[int]) -> None:
    for index in sorted(indexes, reverse=True):
        del table.records[index], table.cells[index]


def _to_text(plan: Plan, table: Table, indexes: list[int]) -> None:
    """Rows the reader did not take into the table go back to the narrative, a line each, as the reader
    gives back the lines of a block it does not join to a table (``reader._with_unused_tables``)."""
    for index in indexes:
        printed = {(c.page, c.bbox): c for c in table.cells[index].values()}  # one cell may feed several columns
        line = " ".join(c.flat for c in sorted(printed.values(), key=lambda c: c.bbox[0]))
        page = table.records[index].get("page") or 0
        at = next((k for k, (p, _) in enumerate(plan.text) if p > page), len(plan.text))
        plan.text.insert(at, (page, line))


def page_break(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    table = plan.tables[table_id]
    data = _data(table)
    if len(data) < 2:
        return None
    pages = table.pages
    if len(pages) > 1:  # the first rows after the break
        after = [i for i in data if table.records[i].get("page") == pages[1]]
        lost = after[:rng.randint(1, max(1, min(3, len(after))))] if after else data[-1:]
    else:  # a one-page table: its last rows, where the page ends
        lost = data[-rng.randint(1, min(3, len(data) - 1)):]
    _to_text(plan, table, lost)
    _drop(table, lost)
    return plan, (table_id,)


def merge(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    table = plan.tables[table_id]
    data = _data(table)
    pairs = [i for i in data if i + 1 in data]
    if not pairs:
        return None
    first = rng.choice(pairs)
    for column in _roles(table):
        a, b = table.cells[first].get(column), table.cells[first + 1].get(column)
        texts = [c.text for c in (a, b) if c is not None]
        _set(table, first, column, "\n".join(texts) if texts else None, a or b)
    _drop(table, [first + 1])
    return plan, (table_id,)


def shift(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    table = plan.tables[table_id]
    columns = _roles(table)
    if len(columns) < 2 or not _data(table):
        return None
    for index in range(len(table.records)):
        before = {c: table.cells[index].get(c) for c in columns}
        for left, right in zip([None, *columns], columns):
            cell = before.get(left) if left else None
            _set(table, index, right, cell.text if cell else None, cell)
    return plan, (table_id,)


def cut(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    table = plan.tables[table_id]
    if len(_data(table)) < 2:
        return None
    keep = max(1, len(table.records) // 2)
    _to_text(plan, table, list(range(keep, len(table.records))))
    _drop(table, list(range(keep, len(table.records))))
    return plan, (table_id,)


def lost(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    """A one-row table not found: its row went into the table printed before it, if of its columns."""
    table = plan.tables[table_id]
    if len(_data(table)) != 1:
        return None
    order = list(plan.tables)
    before = [t for t in order[:order.index(table_id)] if plan.tables[t].columns == table.columns]
    del plan.tables[table_id]
    if before:
        host = plan.tables[before[-1]]
        host.records.extend(table.records)
        host.cells.extend(table.cells)
        return plan, (table_id, host.id)
    return plan, (table_id,)


def swap(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    table = plan.tables[table_id]
    twins = [t for t in plan.tables.values() if t.id != table_id and t.columns == table.columns
             and (t.records or table.records) and t.records != table.records]
    if not twins or not table.records:
        return None
    other = rng.choice(twins)
    table.records, other.records = other.records, table.records
    table.cells, other.cells = other.cells, table.cells
    return plan, (table_id, other.id)


def ocr(plan: Plan, table_id: str, rng: random.Random) -> Mutated | None:
    table = plan.tables[table_id]
    spots = [(i, c) for i in range(len(table.records)) for c in _roles(table)
             if column_kind(c) in ("int", "float") and (cell := table.cells[i].get(c)) is not None
             and any(ch.isdigit() for ch in cell.text)]
    if not spots:
        return None
    for index, column in rng.sample(spots, min(3, len(spots))):
        cell = table.cells[index][column]
        digits = [k for k, ch in enumerate(cell.text) if ch.isdigit()]
        k = rng.choice(digits)
        text = cell.text[:k] + OCR_CONFUSIONS[cell.text[k]] + cell.text[k + 1:]
        _set(table, index, column, text, cell)
    return plan, (table_id,)


MUTATIONS: dict[str, Callable[[Plan, str, random.Random], Mutated | None]] = {
    "page_break": page_break, "merge": merge, "shift": shift, "cut": cut, "lost": lost, "swap": swap, "ocr": ocr,
}


def mutate(plan: Plan, kind: str, table_id: str, seed: int) -> Mutated | None:
    """``plan`` read wrong by ``kind`` at ``table_id`` and judged again, or None when it does not apply."""
    done = MUTATIONS[kind](copy.deepcopy(plan), table_id, random.Random(seed))
    if done is not None:
        judge(done[0])
    return done


def flagged(plan: Plan, table_id: str) -> bool:
    """The reading of ``table_id`` is named: suspect, missing, or gone with its row in a suspect table."""
    if table_id in plan.missing:
        return True
    table = plan.tables.get(table_id)
    return table is not None and not table.verdict.ok
