"""Plans of many years and ambiti in one queryable dataset (DuckDB file, or a Parquet folder).

    from pdfplans.dataset import import_plans, open_dataset
    report = import_plans(["piani/"], "piani.duckdb")      # report.failed names what could not be read
    ds = open_dataset("piani.duckdb")
    ds.query("SELECT anno, sum(totale) FROM g_assegnabili JOIN plans ON sha256 = plan_sha256 GROUP BY anno")

The schema is described in docs/dataset.md. DuckDB and pyarrow are imported only when used.
"""
from __future__ import annotations

from .importer import import_plans
from .layout import table_names
from .opened import Dataset, open_dataset
from .queries import EXAMPLE_QUERIES
from .report import ImportReport
from .stores import DatasetError

__all__ = ["Dataset", "DatasetError", "EXAMPLE_QUERIES", "ImportReport", "import_plans", "open_dataset",
           "table_names"]
