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


def write_table(table: Table, path: Path) -> None:
    def write(stream) -> None:
        writer = csv.writer(stream)
        writer.writerow(table.columns)
        for record in table.records:
            writer.writerow([_cell(record.get(column)) for column in table.columns])

    _atomic_write(path, write)


def write_plan(plan: Plan, out_dir: str | Path) -> list[Path]:
    """``DIR/<table id>.csv`` for every table found, then ``DIR/plan.json``; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in plan.tables.values():
        path = out / f"{table.id}.csv"
        write_table(table, path)
        written.append(path)
    metadata = out / "plan.json"
    _atomic_write(metadata, lambda stream: stream.write(plan.to_json() + "\n"))
    written.append(metadata)
    return written
