"""Write a plan's canonical tables as CSV files and its metadata as ``plan.json``.

Plain ``csv`` rather than pandas: the extract command stays free of pandas' half-second import.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Any

from .model import Plan, Table
from .schema import TABLE_COLUMNS, column_kind


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 2)) if value != int(value) else f"{value:.1f}"
    return str(value)


def _atomic_write(path: Path, write) -> None:
    """Write through a temporary file so a killed run never leaves half a CSV behind."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            write(stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def confidence_columns(table_id: str) -> list[str]:
    """``<column>_confidence`` for every canonical column a printed cell can stand behind."""
    return [f"{c}_confidence" for c in TABLE_COLUMNS[table_id] if column_kind(c) != "bool"]


def write_table(table: Table, path: Path, with_confidence: bool = False) -> None:
    """The table as CSV; ``with_confidence`` appends the OCR confidence of each value's printed cell
    (0..100, empty for a text layer), so a doubtful figure is flagged in the file itself."""
    doubt = [c.removesuffix("_confidence") for c in confidence_columns(table.id)] if with_confidence else []

    def write(stream) -> None:
        writer = csv.writer(stream)
        writer.writerow([*table.columns, *(f"{c}_confidence" for c in doubt)])
        for index, record in enumerate(table.records):
            cells = table.cells[index] if index < len(table.cells) else {}
            writer.writerow([_cell(record.get(column)) for column in table.columns]
                            + [_cell(_confidence(cells.get(c))) for c in doubt])

    _atomic_write(path, write)


def _confidence(cell: Any) -> float | None:
    return None if cell is None or cell.confidence is None else float(cell.confidence)


def write_plan(plan: Plan, out_dir: str | Path, with_confidence: bool = False) -> list[Path]:
    """``DIR/<table id>.csv`` for every table found, then ``DIR/plan.json``; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in plan.tables.values():
        path = out / f"{table.id}.csv"
        write_table(table, path, with_confidence)
        written.append(path)
    metadata = out / "plan.json"
    _atomic_write(metadata, lambda stream: stream.write(plan.to_json() + "\n"))
    written.append(metadata)
    return written


def typed_value(column: str, text: str) -> Any:
    """A CSV cell back to its typed value (the inverse of the export): "" → None, "true" → True..."""
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


def read_table_csv(path: str | Path, table_id: str) -> list[dict[str, Any]]:
    """Records of a canonical table CSV (ours, or one transcribed by hand), typed, canonical columns only."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [{c: typed_value(c, row[c]) for c in TABLE_COLUMNS[table_id]} for row in rows]
