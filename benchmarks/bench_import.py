"""Import time of the sample plans with 1 process and with N, side by side.

    .venv/bin/python benchmarks/bench_import.py                  # every samples/*.pdf, 1 vs all cores
    .venv/bin/python benchmarks/bench_import.py --workers 4 --exclude scan --parquet

Each run imports into a fresh dataset in a temporary folder (nothing is skipped as already present),
and is repeated ``--repeat`` times; the best time is shown.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pdfplans.dataset import import_plans  # noqa: E402


def run(files: list[Path], workers: int, parquet: bool, repeat: int) -> tuple[float, int, int]:
    """Best wall time of ``repeat`` imports; with the counts of imported and failed files."""
    best, imported, failed = float("inf"), 0, 0
    for _ in range(repeat):
        folder = Path(tempfile.mkdtemp(prefix="pdfplans_bench_"))
        try:
            target = folder / ("dataset" if parquet else "dataset.duckdb")
            started = time.perf_counter()
            report = import_plans(files, target, parquet=parquet, workers=workers, progress=False)
            best = min(best, time.perf_counter() - started)
            imported, failed = len(report.imported), len(report.failed)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return best, imported, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs or folders (default: samples/)")
    parser.add_argument("--workers", "-j", type=int, default=os.cpu_count() or 1, help="N (default: cores)")
    parser.add_argument("--exclude", action="append", default=[], help="skip files whose name contains this")
    parser.add_argument("--parquet", action="store_true", help="import into a Parquet folder instead of DuckDB")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)

    given = args.files or [ROOT / "samples"]
    files: list[Path] = []
    for path in given:
        files.extend(sorted(path.glob("*.pdf")) if path.is_dir() else [path])
    files = [f for f in files if not any(part in f.name for part in args.exclude)]
    if not files:
        print("no PDF to import", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {size:.1f} MB → {'Parquet' if args.parquet else 'DuckDB'}, "
          f"{os.cpu_count()} cores")
    rows = [(1, *run(files, 1, args.parquet, args.repeat))]
    if args.workers != 1:
        rows.append((args.workers, *run(files, args.workers, args.parquet, args.repeat)))
    single = rows[0][1]
    print(f"{'workers':>8} {'seconds':>9} {'files/s':>8} {'speed-up':>9} {'imported':>9} {'failed':>7}")
    for workers, seconds, imported, failed in rows:
        print(f"{workers:>8} {seconds:>9.2f} {len(files) / seconds:>8.2f} {single / seconds:>8.2f}x "
              f"{imported:>9} {failed:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
