"""Load the expected CSVs transcribed from the seed and compare extracted tables cell by cell."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from pdfplans.schema import TABLE_COLUMNS, column_kind

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _typed(column: str, text: str) -> Any:
    if text == "":
        return None
    kind = column_kind(column)
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "bool":
        return {"true": True, "false": False}[text]
    return text


def load_expected(sample: str, table_id: str) -> list[dict[str, Any]]:
    path = SAMPLES / "expected" / sample / f"{table_id}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [{c: _typed(c, row[c]) for c in TABLE_COLUMNS[table_id]} for row in rows]


def _same(column: str, expected: Any, found: Any) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    if column_kind(column) == "float":
        return abs(float(expected) - float(found)) < 0.005
    return expected == found


def differences(table_id: str, expected: list[dict], found: list[dict]) -> list[str]:
    """Human-readable list of every differing cell (empty when the tables are equal)."""
    out = []
    if len(expected) != len(found):
        out.append(f"{table_id}: {len(found)} rows, expected {len(expected)}")
    for index, (want, got) in enumerate(zip(expected, found)):
        for column in TABLE_COLUMNS[table_id]:
            if not _same(column, want[column], got.get(column)):
                out.append(f"{table_id}[{index}].{column}: found {got.get(column)!r}, expected {want[column]!r}")
    return out
