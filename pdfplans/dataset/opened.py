"""``open_dataset``: DataFrames and SQL over a dataset, whether a DuckDB file or a Parquet folder.

A Parquet folder is read through an in-memory DuckDB with one view per table, so ``query`` takes
the same SQL on both. Rows of plans that ``plans`` does not list (left by a killed Parquet import)
are hidden.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..schema import TABLE_IDS
from . import layout
from .stores import DatasetError

if TYPE_CHECKING:
    import duckdb
    import pandas as pd


class Dataset:
    """An opened dataset: ``tables``, ``table(name)``, ``query(sql)``, ``plans``; ``ds[table_id]``."""

    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = Path(path)
        if not self.path.exists():
            raise DatasetError(f"no dataset at {self.path}")
        self.kind = "parquet" if self.path.is_dir() else "duckdb"
        try:
            if self.kind == "duckdb":
                self.con: duckdb.DuckDBPyConnection = duckdb.connect(str(self.path), read_only=True)
            else:
                self.con = duckdb.connect()
                self._parquet_views()
            present = {name for (name,) in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        except duckdb.Error as error:
            raise DatasetError(f"cannot open {self.path} as a pdfplans dataset: {error}") from error
        if layout.PLANS not in present:
            self.con.close()
            raise DatasetError(f"{self.path} is not a pdfplans dataset (no plans table)")
        self.tables: list[str] = [name for name in layout.table_names() if name in present]

    def _parquet_views(self) -> None:
        def files(name: str) -> list[str]:
            folder = self.path / name
            return sorted(str(p) for p in folder.glob("*.parquet") if not p.name.startswith(".")) \
                if folder.is_dir() else []

        def source(name: str, paths: list[str]) -> str:
            if not paths:  # read_parquet needs at least one file: an empty table of the right types
                self.con.execute(layout.create_sql(name, as_name=f"_empty_{name}"))
                return layout.quote(f"_empty_{name}")
            listed = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
            return f"read_parquet([{listed}])"

        if not (self.path / layout.PLANS).is_dir():
            raise DatasetError(f"{self.path} is not a pdfplans Parquet dataset (no plans/ folder)")
        self.con.execute(f"CREATE VIEW plans AS SELECT * FROM {source(layout.PLANS, files(layout.PLANS))}")
        for name in layout.table_names()[1:]:
            self.con.execute(f"CREATE VIEW {layout.quote(name)} AS SELECT * FROM {source(name, files(name))} "
                             "WHERE plan_sha256 IN (SELECT sha256 FROM plans)")

    # -- reading -------------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> "pd.DataFrame":
        """The result of one SQL statement (DuckDB dialect) as a DataFrame."""
        return self.con.execute(sql, params).df() if params is not None else self.con.execute(sql).df()

    def table(self, name: str) -> "pd.DataFrame":
        """A whole table as stored: ``plan_sha256`` and ``row`` included, in plan and row order."""
        if name not in self.tables:
            raise KeyError(f"no table {name!r} in {self.path}; tables: {', '.join(self.tables)}")
        order = {layout.PLANS: "ambito, anno, file_name", layout.FINDINGS: "plan_sha256",
                 layout.CELLS: "plan_sha256, table_id, row, \"column\"", layout.VERDICTS: "plan_sha256, table_id"}.get(name, "plan_sha256, row")
        return self.query(f"SELECT * FROM {layout.quote(name)} ORDER BY {order}")

    @property
    def plans(self) -> "pd.DataFrame":
        return self.table(layout.PLANS)

    def __getitem__(self, table_id: str) -> "pd.DataFrame":
        """A canonical table across plans shaped like ``PlanCollection[table_id]``: ambito, anno, file first."""
        if table_id not in TABLE_IDS:
            raise KeyError(f"{table_id!r} is no canonical table; tables: {', '.join(TABLE_IDS)}")
        columns = ", ".join(f"t.{layout.quote(c)}" for c in list(layout.columns(table_id))[2:])
        return self.query(
            f"SELECT p.ambito, p.anno, p.file_name AS file, {columns} FROM {layout.quote(table_id)} t "
            "JOIN plans p ON p.sha256 = t.plan_sha256 ORDER BY p.ambito, p.anno, p.file_name, t.row")

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {name: _scalar(self.con.execute(f"SELECT count(*) FROM {layout.quote(name)}").fetchone())
                for name in self.tables}

    # -- lifecycle and display -----------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        count = _scalar(self.con.execute("SELECT count(*) FROM plans").fetchone())
        return f"Dataset({str(self.path)!r}, {self.kind}, plans={count})"

    def _repr_html_(self) -> str:
        plans = self.plans
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (r.file_name, r.ambito, r.anno, r.pages))
            + "</tr>" for r in plans.itertuples())
        return (f"<div><b>{html.escape(str(self.path))}</b> ({self.kind}): {len(plans)} plans, "
                f"{len(self.tables)} tables<table><tr><th>file</th><th>ambito</th><th>anno</th><th>pages</th></tr>"
                f"{rows}</table></div>")


def open_dataset(path: str | Path) -> Dataset:
    """Open a dataset written by ``import_plans`` (DuckDB file or Parquet folder) for reading."""
    return Dataset(path)


def _scalar(row: tuple[Any, ...] | None) -> Any:
    """The one value of a one-row query (count(*) always returns a row)."""
    assert row is not None
    return row[0]
