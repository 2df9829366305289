"""Findings across years in the dataset: after an import, every ambito it touched is checked year
against year on the plans stored (one per ambito and year: the latest imported), whenever and
however each plan came in.

The plans are rebuilt from the stored rows and cells; these findings carry ``previous_sha256``
(the earlier plan) and belong to the later plan, and each import replaces those of the ambiti it
touched, so importing again changes nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import PlanWarning
from ..model import Cell, Plan, Table
from ..schema import TABLE_IDS
from . import layout

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

    from ..checks.findings import Findings

_LATEST = """SELECT sha256, file_name, ambito, anno, pages FROM plans
    WHERE ambito IS NOT NULL AND anno IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY lower(ambito), anno ORDER BY imported_at DESC, file_name) = 1"""


def stored_plan(con: "duckdb.DuckDBPyConnection", row: tuple[Any, ...]) -> Plan:
    """A plan as the dataset holds it: its canonical tables with their printed cells.

    Warnings are not stored; a row whose ente or comune could not be resolved is marked again as
    unresolved (a null name on a row that is no total), so the checks leave it out as they did.
    """
    sha, file_name, ambito, anno, pages = row
    plan = Plan(file=file_name, sha256=sha, pages=pages or 0, ambito=ambito, anno=anno)
    cells: dict[tuple[str, int], dict[str, Cell]] = {}
    for table_id, number, column, page, x0, top, x1, bottom, text, confidence in con.execute(
            'SELECT table_id, row, "column", page, x0, top, x1, bottom, text, confidence FROM cells '
            "WHERE plan_sha256 = ?", [sha]).fetchall():
        cells.setdefault((table_id, number), {})[column] = Cell(text, page, (x0, top, x1, bottom), confidence)
    for table_id in TABLE_IDS:
        names = list(layout.columns(table_id))[2:]
        result = con.execute(f"SELECT row, {', '.join(layout.quote(n) for n in names)} FROM {layout.quote(table_id)} "
                             "WHERE plan_sha256 = ? ORDER BY row", [sha]).fetchall()
        if not result:
            continue
        table = Table(table_id)
        for index, (number, *values) in enumerate(result):
            record = dict(zip(names, values))
            table.records.append(record)
            table.cells.append(cells.get((table_id, number), {}))
            if not record.get("is_total") and "ente" in record and record.get("ente") is None:
                table.warnings.append(PlanWarning(file_name, "unresolved", record.get("page"), table_id,
                                                  kind="unresolved", row=index))
        plan.tables[table_id] = table
    return plan


def years_findings(con: "duckdb.DuckDBPyConnection", ambiti: set[str]) -> "tuple[Findings, dict[str, str]]":
    """The findings across years of ``ambiti`` (lower-cased names), and for each later plan's sha256
    the sha256 of the earlier plan it was compared with."""
    from ..checks import YEARS_CHECKS
    from ..checks.findings import Findings

    rows = [r for r in con.execute(_LATEST).fetchall() if r[2].lower() in ambiti]
    plans = [stored_plan(con, row) for row in rows]
    found = [f for check in YEARS_CHECKS for f in check(plans)]
    by_key = {(p.ambito.lower(), p.anno): p for p in plans if p.ambito and p.anno}
    previous = {p.sha256: by_key[(p.ambito.lower(), p.anno - 1)].sha256 for p in plans
                if p.ambito and p.anno and (p.ambito.lower(), p.anno - 1) in by_key}
    return Findings(found, plans), previous


def store_years(path: str | Path, parquet: bool, ambiti: set[str]) -> list[tuple[str, int, list[str]]]:
    """Recompute and store the findings across years of ``ambiti``; returns each (ambito, anno)
    of them stored more than once, with its files (the latest import first: the one queries keep)."""
    from .opened import Dataset
    from .rows import years_rows

    with Dataset(path) as dataset:
        findings, previous = years_findings(dataset.con, ambiti)
        later = [sha for (sha, ambito) in dataset.con.execute("SELECT sha256, ambito FROM plans").fetchall()
                 if ambito and ambito.lower() in ambiti]
        repeated = [(a, y, list(files)) for a, y, files in dataset.con.execute(
            "SELECT any_value(ambito), anno, list(file_name ORDER BY imported_at DESC, file_name) FROM plans "
            "WHERE ambito IS NOT NULL AND anno IS NOT NULL GROUP BY lower(ambito), anno HAVING count(*) > 1 "
            "ORDER BY 1, 2").fetchall() if a.lower() in ambiti]
    rows = years_rows(findings, previous)
    if parquet:
        _parquet_years(Path(path), later, rows)
    else:
        _duckdb_years(Path(path), later, rows)
    return repeated


def _duckdb_years(path: Path, plans: list[str], rows: "dict[str, pa.Table]") -> None:
    import duckdb

    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN TRANSACTION")  # the old findings across years go with the new in one step
        for sha in plans:
            con.execute("DELETE FROM findings WHERE plan_sha256 = ? AND previous_sha256 IS NOT NULL", [sha])
        for table in rows.values():
            con.register("_incoming", table)
            con.execute("INSERT INTO findings BY NAME SELECT * FROM _incoming")
            con.unregister("_incoming")
        con.execute("COMMIT")
    finally:
        con.close()


def _parquet_years(path: Path, plans: list[str], rows: "dict[str, pa.Table]") -> None:
    import pyarrow.parquet as pq

    from ..export import atomic_write

    folder = path / layout.FINDINGS
    for sha in plans:
        if sha not in rows:
            (folder / f"{sha}.years.parquet").unlink(missing_ok=True)
    for sha, table in rows.items():
        atomic_write(folder / f"{sha}.years.parquet", lambda temporary, t=table: pq.write_table(t, temporary),
                     binary=True)
