"""Where imported plans are written: one DuckDB file, or a folder of Parquet files.

Both stores write a plan all at once or not at all:
- DuckDB: one transaction per plan; a process killed before COMMIT leaves nothing of that plan
  (DuckDB only logs committed transactions).
- Parquet: ``<table>/<sha256>.parquet`` files written through a temporary file and renamed; the
  ``plans/<sha256>.parquet`` file is written last and is what makes the plan part of the dataset
  (readers ignore files of plans that ``plans`` does not list).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import PdfPlansError
from ..export import atomic_write
from . import layout

if TYPE_CHECKING:
    import pyarrow as pa

# Tests set this to a number of seconds to sleep between the tables of a plan, so that a child
# process can be killed in the middle of writing one; each pause is announced on stderr.
SLOW_INSERT_ENV = "PDFPLANS_TEST_SLOW_INSERT"


class DatasetError(PdfPlansError):
    """The dataset could not be opened or written (locked by another process, not a dataset...)."""


class Store(Protocol):
    def known(self) -> set[str]: ...
    def write(self, plan_row: dict[str, Any], tables: "dict[str, pa.Table]", replace: bool) -> None: ...
    def close(self) -> None: ...


def _pause(sha256: str, table: str, done: int) -> None:
    seconds = os.environ.get(SLOW_INSERT_ENV)
    if seconds:
        print(f"{SLOW_INSERT_ENV} {sha256} {table} {done}", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


def _plans_table(plan_row: dict[str, Any]) -> "pa.Table":
    import pyarrow as pa

    schema = layout.arrow_schema(layout.PLANS)
    return pa.Table.from_pylist([{name: plan_row.get(name) for name in schema.names}], schema=schema)


class DuckDBStore:
    """A DuckDB database file; the parent process is its only writer."""

    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = Path(path)
        if self.path.is_dir():
            raise DatasetError(f"{self.path} is a folder: pass parquet=True for a Parquet dataset, or a file name")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.Error as error:
            raise DatasetError(f"cannot open {self.path} as a DuckDB dataset: {error}") from error
        try:  # every table or none: Ctrl-C here once left a file with half the tables, unreadable
            self.con.execute("BEGIN TRANSACTION")
            for name in layout.table_names():
                self.con.execute(layout.create_sql(name))
            self.con.execute("COMMIT")
        except BaseException as error:
            self.con.close()
            if fresh:  # a file this call made and could not finish: none is left
                for made in (self.path, self.path.with_name(self.path.name + ".wal")):
                    made.unlink(missing_ok=True)
            if isinstance(error, duckdb.Error):
                raise DatasetError(f"{self.path} is not a pdfplans dataset: {error}") from error
            raise

    def known(self) -> set[str]:
        return {sha for (sha,) in self.con.execute("SELECT sha256 FROM plans").fetchall()}

    def write(self, plan_row: dict[str, Any], tables: "dict[str, pa.Table]", replace: bool) -> None:
        sha = plan_row["sha256"]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if replace:
                for name in layout.table_names():
                    key = "sha256" if name == layout.PLANS else "plan_sha256"
                    self.con.execute(f"DELETE FROM {layout.quote(name)} WHERE {key} = ?", [sha])
            for done, (name, rows) in enumerate(tables.items(), 1):
                if rows.num_rows:
                    self._insert(name, rows)
                _pause(sha, name, done)
            self._insert(layout.PLANS, _plans_table(plan_row))  # last, as in the Parquet store
            self.con.execute("COMMIT")
        except BaseException:
            try:
                self.con.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the original error is the one to report
                pass
            raise

    def _insert(self, name: str, rows: "pa.Table") -> None:
        self.con.register("_incoming", rows)
        try:
            self.con.execute(f"INSERT INTO {layout.quote(name)} BY NAME SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def close(self) -> None:
        self.con.close()


class ParquetStore:
    """A folder with one sub-folder per table and one Parquet file per plan in each."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise DatasetError(f"{self.path} is a file: a Parquet dataset is a folder (leave out parquet=True "
                               "for a DuckDB file)")
        foreign = _not_of_a_dataset(self.path)
        if foreign:  # e.g. an extraction's CSVs and plan.json: the dataset's folders would mix with them
            raise DatasetError(f"{self.path}: holds {len(foreign)} files that are no part of a Parquet dataset "
                               f"({', '.join(foreign[:3])}{', …' if len(foreign) > 3 else ''}); give a new or empty folder")
        try:
            for name in layout.table_names():
                (self.path / name).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatasetError(f"cannot create the Parquet dataset {self.path}: {error}") from error

    def known(self) -> set[str]:
        return {p.stem for p in (self.path / layout.PLANS).glob("*.parquet") if not p.name.startswith(".")}

    def write(self, plan_row: dict[str, Any], tables: "dict[str, pa.Table]", replace: bool) -> None:
        sha = plan_row["sha256"]
        marker = self.path / layout.PLANS / f"{sha}.parquet"
        if replace:
            marker.unlink(missing_ok=True)  # the old plan leaves the dataset before its files change
        for done, (name, rows) in enumerate(tables.items(), 1):
            self._write_file(self.path / name / f"{sha}.parquet", rows)
            _pause(sha, name, done)
        self._write_file(marker, _plans_table(plan_row))

    @staticmethod
    def _write_file(target: Path, rows: "pa.Table") -> None:
        import pyarrow.parquet as pq

        atomic_write(target, lambda temporary: pq.write_table(rows, temporary), binary=True)

    def close(self) -> None:
        pass


def _not_of_a_dataset(folder: Path) -> list[str]:
    """What an existing folder holds besides a Parquet dataset's table folders (hidden files aside)."""
    if not folder.is_dir():
        return []
    tables = set(layout.table_names())
    names = [p.name for p in folder.iterdir() if not p.name.startswith(".") and not (p.is_dir() and p.name in tables)]
    return sorted(names, key=lambda name: (name.endswith(".csv"), name))  # plan.json first: it says whose


def open_store(path: str | Path, parquet: bool) -> Store:
    return ParquetStore(path) if parquet else DuckDBStore(path)
