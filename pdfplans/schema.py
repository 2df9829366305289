"""The canonical tables of a Piano annuale (described column by column in docs/tables.md).

Every extracted table is exported under one of these ids with exactly these columns, in this
order; ``page`` (1-based page of the row) follows them on every table. Derived from the one
declaration of each table in ``extractors/catalog.py``: columns and their types are not written
twice.
"""
from __future__ import annotations

from typing import Final

from .extractors.catalog import COLUMN_TYPES, SPECS
from .extractors.spec import ENTE_COLUMNS, UNIT_COLUMNS

ENTE = ENTE_COLUMNS
UNITS = UNIT_COLUMNS

TABLE_COLUMNS: Final[dict[str, tuple[str, ...]]] = {spec.id: spec.columns for spec in SPECS}
TABLE_IDS: Final[tuple[str, ...]] = tuple(TABLE_COLUMNS)

INT_COLUMNS: Final[frozenset[str]] = frozenset(c for c, t in COLUMN_TYPES.items() if t == "int")
FLOAT_COLUMNS: Final[frozenset[str]] = frozenset(c for c, t in COLUMN_TYPES.items() if t == "float")
BOOL_COLUMNS: Final[frozenset[str]] = frozenset(c for c, t in COLUMN_TYPES.items() if t == "bool")


def columns_of(table_id: str) -> tuple[str, ...]:
    """Canonical columns of ``table_id`` followed by ``page``."""
    return (*TABLE_COLUMNS[table_id], "page")


def column_kind(column: str) -> str:
    """``int``, ``float``, ``bool`` or ``str``: how a canonical column is typed."""
    return COLUMN_TYPES.get(column, "str")
