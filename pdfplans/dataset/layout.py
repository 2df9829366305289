"""The tables of a pdfplans dataset and their column types (one definition for DuckDB and Parquet).

``plans`` has one row per imported PDF; every other table carries ``plan_sha256`` so a plan's rows
can be found, replaced or deleted together. Canonical tables also carry ``row``, the record's number
in its table (1 = the first, as a person counts), which is what ``cells.row`` points to.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..schema import TABLE_IDS, column_kind, columns_of

if TYPE_CHECKING:
    import pyarrow as pa

PLANS = "plans"
FINDINGS = "findings"
CELLS = "cells"
VERDICTS = "verdicts"

# Column name -> DuckDB type; the Arrow/Parquet types follow from these (see ``arrow_schema``).
_KIND_TYPES = {"int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "str": "VARCHAR"}

PLANS_COLUMNS: dict[str, str] = {
    "sha256": "VARCHAR",
    "file_name": "VARCHAR",
    "ambito": "VARCHAR",
    "anno": "INTEGER",
    "pages": "INTEGER",
    "imported_at": "TIMESTAMP",  # UTC, naive: Parquet and DuckDB agree on it without time-zone settings
    "pdfplans_version": "VARCHAR",
}
FINDINGS_COLUMNS: dict[str, str] = {
    "plan_sha256": "VARCHAR",
    "rule": "VARCHAR",
    "severity": "VARCHAR",
    "message": "VARCHAR",
    "tables": "VARCHAR[]",
    "ente": "VARCHAR",
    "comune": "VARCHAR",
    "comune_istat": "VARCHAR",
    "field": "VARCHAR",
    "expected": "DOUBLE",  # the figure, when the rule compares numbers (as ``Finding.expected``), else NULL
    "found": "DOUBLE",
    "expected_text": "VARCHAR",  # the value as the JSON report prints it: numbers, texts and lists alike
    "found_text": "VARCHAR",
    "pages": "INTEGER[]",
    "kind": "VARCHAR",  # discrepancy | extraction: not in the JSON report, but what plots split on
    "previous_sha256": "VARCHAR",  # findings across years: the earlier plan compared (NULL for one plan's own)
}
CELLS_COLUMNS: dict[str, str] = {
    "plan_sha256": "VARCHAR",
    "table_id": "VARCHAR",
    "row": "INTEGER",
    "column": "VARCHAR",  # a reserved word in SQL: write "column" or c.column
    "page": "INTEGER",
    "x0": "DOUBLE",
    "top": "DOUBLE",
    "x1": "DOUBLE",
    "bottom": "DOUBLE",
    "text": "VARCHAR",
    "confidence": "DOUBLE",
}

# One row per table of a plan: found ("ok" / "suspect") or announced and not found ("missing"), so a
# query can leave out the tables whose reading the plan's own figures contradict.
VERDICTS_COLUMNS: dict[str, str] = {
    "plan_sha256": "VARCHAR",
    "table_id": "VARCHAR",
    "verdict": "VARCHAR",  # ok | suspect | missing
    "evidence": "VARCHAR[]",  # kinds of evidence against it: totals, rows, members, kinds, siblings, twice, announced
    "page": "INTEGER",  # page of the first reason
    "message": "VARCHAR",  # the reasons, joined by "; "
}


def canonical_columns(table_id: str) -> dict[str, str]:
    """``plan_sha256``, ``row``, then the canonical columns of docs/tables.md and ``page``."""
    columns = {"plan_sha256": "VARCHAR", "row": "INTEGER"}
    for column in columns_of(table_id):
        columns[column] = _KIND_TYPES[column_kind(column)]
    return columns


def table_names() -> tuple[str, ...]:
    """Every table of a dataset, in the order listings show them."""
    return (PLANS, *TABLE_IDS, FINDINGS, CELLS, VERDICTS)


def columns(name: str) -> dict[str, str]:
    if name == PLANS:
        return PLANS_COLUMNS
    if name == FINDINGS:
        return FINDINGS_COLUMNS
    if name == CELLS:
        return CELLS_COLUMNS
    if name == VERDICTS:
        return VERDICTS_COLUMNS
    if name in TABLE_IDS:
        return canonical_columns(name)
    raise KeyError(f"no dataset table {name!r}; tables: {', '.join(table_names())}")


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def create_sql(name: str, *, as_name: str | None = None) -> str:
    """DDL of table ``name`` (created as ``as_name`` when given, then without the primary key)."""
    body = ", ".join(f"{quote(c)} {t}" for c, t in columns(name).items())
    if name == PLANS and as_name is None:
        body += ", PRIMARY KEY (sha256)"
    return f"CREATE TABLE IF NOT EXISTS {quote(as_name or name)} ({body})"


@lru_cache(maxsize=None)
def arrow_schema(name: str) -> "pa.Schema":
    import pyarrow as pa

    scalar = {
        "VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()), "INTEGER[]": pa.list_(pa.int32()),
    }
    return pa.schema([pa.field(c, scalar[t]) for c, t in columns(name).items()])
