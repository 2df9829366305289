"""Every bundled sample (the scan included) imported twice with the command line: the second time
changes nothing, table by table."""
from __future__ import annotations

import subprocess
import sys

import duckdb
from expected import SAMPLES

from pdfplans.schema import TABLE_IDS


def _counts(path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as db:
        names = {row[0] for row in db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("plans", "findings", "cells", *TABLE_IDS) if t in names}


def test_importing_every_sample_twice_changes_nothing(tmp_path):
    db = tmp_path / "piani.duckdb"
    samples = sorted(SAMPLES.glob("*.pdf"))
    # the samples' own PDFs, as a glob: a folder is read recursively, and samples/producers/ holds the
    # benchmarks' re-prints once they are built
    pattern = str(SAMPLES / "*.pdf")
    first = subprocess.run([sys.executable, "-m", "pdfplans", "import", pattern, "--db", str(db)],
                           capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    counts = _counts(db)
    assert counts["plans"] == len(samples) >= 9
    assert counts["allegato_b"] > 0 and counts["cells"] > counts["g_assegnabili"]
    second = subprocess.run([sys.executable, "-m", "pdfplans", "import", pattern, "--db", str(db)],
                            capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert _counts(db) == counts
