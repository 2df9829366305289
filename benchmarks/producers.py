"""Every text sample × every producer: cells right per table, against the sample's expected tables.

    .venv/bin/python benchmarks/producers.py                       # the corpus in samples/producers/
    .venv/bin/python benchmarks/producers.py --rebuild gs cairo    # rebuild these producers first
    .venv/bin/python benchmarks/producers.py --sample oglio_po_2023 -v   # every differing cell
    .venv/bin/python benchmarks/producers.py --check                 # and what `pdfplans check` reports
    .venv/bin/python benchmarks/producers.py --verdicts              # and which tables the verdicts flag

With ``--check`` each re-print is also checked (``Plan.check()``, what ``pdfplans check`` runs): the
planted discrepancies of the sample (the sets pinned by tests/test_checks_sample.py and
tests/test_checks_synthetic.py) found, and every other error-level finding, which on a re-print
of a plan whose errors are all planted can only come from a misread table.

With ``--verdicts`` each re-print's tables are split by their verdict: a table read cell for cell
right and flagged suspect is a false alarm (at most 2% of them, issue 13), a table read wrong and
left ok is a silent error.

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


def planted(name: str) -> set[tuple]:
    """(rule, ente, field) of each discrepancy planted in the plan ``name``, as the tests pin them."""
    from test_checks_sample import EXPECTED_ERRORS
    from test_checks_synthetic import PLANTED

    if name == "cremonese_2023":
        return set(EXPECTED_ERRORS)
    return {key[:3] for key in PLANTED.get(name, ())}


def check(plan, sample: str) -> tuple[int, int, list[str]]:
    """Planted discrepancies found, planted in all, and the other error-level findings."""
    want = planted(expected_name(sample))
    errors = {(f.rule, f.ente, f.field): f for f in plan.check() if f.severity == "error"}
    others = [f"{k[0]} {k[1] or ''} {k[2]}: expected {f.expected}, found {f.found}" for k, f in errors.items() if k not in want]
    return len(want & set(errors)), len(want), others


def score(pdf: Path, sample: str, plan=None) -> tuple[int, int, dict[str, tuple[int, int]], list[str]]:
    """Cells right, cells expected, the same per table, and every differing cell."""
    plan = plan or read_plan(pdf)
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


def verdicts(plan, sample: str, per_table: dict[str, tuple[int, int]]) -> tuple[list[str], list[str], int, int]:
    """Tables right and flagged, tables wrong (or not found) and not named, and how many right and wrong.
    Right is cell for cell and row for row: rows read beyond the expected ones (another table's) are wrong."""
    named = set(plan.missing) | {t.id for t in plan.tables.values() if not t.verdict.ok}
    name = expected_name(sample)
    whole = {t for t in per_table if t in plan.tables and len(plan[t].records) == len(load_expected(name, t))}
    right = [t for t, (r, c) in per_table.items() if r == c and t in whole]
    wrong = [t for t in per_table if t not in right]
    return [t for t in right if t in named], [t for t in wrong if t not in named], len(right), len(wrong)


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
    parser.add_argument("--check", action="store_true", help="also run the checks: planted found, others")
    parser.add_argument("--verdicts", action="store_true", help="also split the tables by verdict: false alarms, silent")
    args = parser.parse_args()
    grand_right = grand_total = found_all = planted_all = false_all = 0
    alarms = right_tables = silent = wrong_tables = 0
    for sample in args.sample or TEXT_SAMPLES:
        for producer in args.producers or list(PRODUCERS):
            pdf = output_path(sample, producer)
            if args.rebuild or not pdf.exists():
                build(sample, producer)
            plan = read_plan(pdf)
            right, total, per_table, shown = score(pdf, sample, plan)
            grand_right += right
            grand_total += total
            bad = [f"{t} {r}/{c}" for t, (r, c) in per_table.items() if r < c]
            checked = ""
            if args.check:
                found, want, others = check(plan, sample)
                found_all, planted_all, false_all = found_all + found, planted_all + want, false_all + len(others)
                checked = f"  planted {found}/{want}, {len(others)} other errors"
            if args.verdicts:
                false, quiet, good, poor = verdicts(plan, sample, per_table)
                alarms, right_tables, silent, wrong_tables = (
                    alarms + len(false), right_tables + good, silent + len(quiet), wrong_tables + poor)
                checked += f"  flagged right: {', '.join(false) or '-'}; silent wrong: {', '.join(quiet) or '-'}"
            print(f"{sample:28} {producer:9} {100 * right / total:6.2f}%  {right}/{total}{checked}  {'; '.join(bad)}")
            for line in (shown + (others if args.check else [])) if args.verbose else []:
                print(f"    {line[:160]}")
    print(f"all: {100 * grand_right / max(1, grand_total):.2f}% of {grand_total} cells")
    if args.verdicts:
        print(f"verdicts: {alarms} of {right_tables} tables read right flagged ({100 * alarms / max(1, right_tables):.1f}%), "
              f"{silent} of {wrong_tables} tables read wrong left ok")
    if args.check:
        print(f"checks: {found_all} of {planted_all} planted discrepancies found, {false_all} other errors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
