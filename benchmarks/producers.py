"""Every text sample × every producer: cells right per table, against the sample's expected tables.

    .venv/bin/python benchmarks/producers.py                       # the corpus in samples/producers/
    .venv/bin/python benchmarks/producers.py --rebuild gs cairo    # rebuild these producers first
    .venv/bin/python benchmarks/producers.py --sample oglio_po_2023 -v   # every differing cell

The corpus is made by samples/build/producers.py (scripts/build_producers.sh).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "samples" / "build"), str(ROOT / "tests")]

from expected import differences, expected_name, expected_tables, load_expected  # noqa: E402
from producers import PRODUCERS, TEXT_SAMPLES, build, output_path  # noqa: E402

from pdfplans import read_plan  # noqa: E402
from pdfplans.schema import TABLE_COLUMNS  # noqa: E402


def score(pdf: Path, sample: str) -> tuple[int, int, dict[str, tuple[int, int]], list[str]]:
    """Cells right, cells expected, the same per table, and every differing cell."""
    plan = read_plan(pdf)
    name = expected_name(sample)
    per_table: dict[str, tuple[int, int]] = {}
    shown: list[str] = []
    for table_id in expected_tables(name):
        expected = load_expected(name, table_id)
        cells = len(expected) * len(TABLE_COLUMNS[table_id])
        if table_id not in plan.tables:
            per_table[table_id] = (0, cells)
            shown.append(f"{table_id}: not found")
            continue
        diff = differences(table_id, expected, plan[table_id].records)
        wrong = sum(1 for d in diff if "rows, expected" not in d) + _missing_rows(diff, table_id)
        per_table[table_id] = (max(0, cells - wrong), cells)
        shown += diff
    right = sum(r for r, _ in per_table.values())
    total = sum(c for _, c in per_table.values())
    return right, total, per_table, shown


def _missing_rows(diff: list[str], table_id: str) -> int:
    """Cells of expected rows that were not extracted at all (``differences`` compares the overlap)."""
    for line in diff:
        if "rows, expected" in line:
            found, expected = (int(w) for w in line.replace(",", "").split() if w.isdigit())
            return max(0, expected - found) * len(TABLE_COLUMNS[table_id])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("producers", nargs="*", help=f"some of {list(PRODUCERS)} (default: all)")
    parser.add_argument("--sample", action="append", choices=TEXT_SAMPLES)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the corpus files first")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every differing cell")
    args = parser.parse_args()
    grand_right = grand_total = 0
    for sample in args.sample or TEXT_SAMPLES:
        for producer in args.producers or list(PRODUCERS):
            pdf = output_path(sample, producer)
            if args.rebuild or not pdf.exists():
                build(sample, producer)
            right, total, per_table, shown = score(pdf, sample)
            grand_right += right
            grand_total += total
            bad = [f"{t} {r}/{c}" for t, (r, c) in per_table.items() if r < c]
            print(f"{sample:28} {producer:9} {100 * right / total:6.2f}%  {right}/{total}  {'; '.join(bad)}")
            for line in shown if args.verbose else []:
                print(f"    {line[:160]}")
    print(f"all: {100 * grand_right / max(1, grand_total):.2f}% of {grand_total} cells")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
