"""Helpers the evidence modules share: data rows, numbers, pages, and what a typing slip looks like."""
from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..extractors.catalog import SPECS_BY_ID
from ..schema import column_kind

if TYPE_CHECKING:
    from ..model import Table

Record = dict[str, Any]


def num(value: Any) -> float | None:
    """A number of a record; None for blanks, NaN, text and booleans (a blank is never 0)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    return None


def numeric_columns(table: "Table") -> list[str]:
    """The numeric columns read from a printed column of their own (not derived: "di cui 7 ..." parts)."""
    spec = SPECS_BY_ID.get(table.id)
    return [c for c in table.columns if c != "page" and column_kind(c) in ("int", "float")
            and spec is not None and spec.role(c) is not None]


def data_rows(table: "Table") -> Iterator[tuple[int, Record]]:
    for index, record in enumerate(table.records):
        if not record.get("is_total"):
            yield index, record


def page_of(table: "Table", index: int | None = None) -> int | None:
    """The page of a row, else the table's first page."""
    if index is not None and 0 <= index < len(table.records) and table.records[index].get("page"):
        return int(table.records[index]["page"])
    pages = table.pages
    return pages[0] if pages else None


def typing_slip(found: float, expected: float) -> bool:
    """Could one mistyped figure explain it? One digit wrong, two neighbours swapped, or off by one.

    856.551,99 printed for 856.581,99 is a slip; a sum that is a third of its total is a broken reading.
    """
    if abs(found - expected) <= 1:
        return True
    a, b = f"{abs(found):.2f}", f"{abs(expected):.2f}"
    if len(a) != len(b):
        return False
    wrong = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(wrong) == 1:
        return True
    return len(wrong) == 2 and wrong[1] == wrong[0] + 1 and a[wrong[0]] == b[wrong[1]] and a[wrong[1]] == b[wrong[0]]


def fmt(value: float) -> str:
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
