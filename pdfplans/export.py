"""Write a plan's canonical tables as CSV files and its metadata as ``plan.json``.

Plain ``csv`` rather than pandas: the extract command stays free of pandas' half-second import.
Two dialects: ``standard`` (comma, dot decimals, UTF-8: what docs/tables.md describes and
``read_table_csv`` reads back) and ``excel-it`` (semicolon, decimal comma, UTF-8 with BOM: what
Excel in an Italian locale opens by double-click). Files get the user's umask, like any other.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Any

from .model import Plan, Table
from .schema import TABLE_COLUMNS, column_kind

DIALECTS = ("standard", "excel-it")


def _cell(value: Any, decimal: str = ".") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(round(value, 2)) if value != int(value) else f"{value:.1f}"
        return text.replace(".", decimal)
    return str(value)


def file_mode() -> int:
    """The mode a new file gets from this process's umask (mkstemp alone would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, write, *, encoding: str = "utf-8", binary: bool = False) -> None:
    """Write through a temporary file so a killed run never leaves half a file behind."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, file_mode())
        if binary:
            os.close(handle)
            write(temporary)
        else:
            with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
                write(stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def confidence_columns(table_id: str) -> list[str]:
    """``<column>_confidence`` for every canonical column a printed cell can stand behind."""
    return [f"{c}_confidence" for c in TABLE_COLUMNS[table_id] if column_kind(c) != "bool"]


def write_table(table: Table, path: Path, with_confidence: bool = False, dialect: str = "standard") -> None:
    """The table as CSV in ``dialect``; ``with_confidence`` appends the OCR confidence of each value's
    printed cell (0..100, empty for a text layer), so a doubtful figure is flagged in the file itself."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}: {', '.join(DIALECTS)}")
    italian = dialect == "excel-it"
    decimal = "," if italian else "."
    doubt = [c.removesuffix("_confidence") for c in confidence_columns(table.id)] if with_confidence else []

    def write(stream) -> None:
        writer = csv.writer(stream, delimiter=";" if italian else ",")
        writer.writerow([*table.columns, *(f"{c}_confidence" for c in doubt)])
        for index, record in enumerate(table.records):
            cells = table.cells[index] if index < len(table.cells) else {}
            writer.writerow([_cell(record.get(column), decimal) for column in table.columns]
                            + [_cell(_confidence(cells.get(c)), decimal) for c in doubt])

    atomic_write(path, write, encoding="utf-8-sig" if italian else "utf-8")


def _confidence(cell: Any) -> float | None:
    return None if cell is None or cell.confidence is None else float(cell.confidence)


def write_plan(plan: Plan, out_dir: str | Path, with_confidence: bool = False,
               dialect: str = "standard") -> list[Path]:
    """``DIR/<table id>.csv`` for every table found, then ``DIR/plan.json``; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in plan.tables.values():
        path = out / f"{table.id}.csv"
        write_table(table, path, with_confidence, dialect)
        written.append(path)
    metadata = out / "plan.json"
    atomic_write(metadata, lambda stream: stream.write(plan.to_json() + "\n"))
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
