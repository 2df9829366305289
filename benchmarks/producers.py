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
sys.path[:0] = [str(ROOT / "samples" / "build"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from expected import expected_name  # noqa: E402
from producers import PRODUCERS, RENDERINGS, TEXT_SAMPLES, build, output_path  # noqa: E402
from scoring import score, verdicts  # noqa: E402

from pdfplans import read_plan  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("producers", nargs="*", help=f"some of {list(PRODUCERS)} (default: all)")
    parser.add_argument("--sample", action="append", choices=TEXT_SAMPLES + RENDERINGS)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the corpus files first")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every differing cell")
    parser.add_argument("--check", action="store_true", help="also run the checks: planted found, others")
    parser.add_argument("--verdicts", action="store_true", help="also split the tables by verdict: false alarms, silent")
    args = parser.parse_args()
    grand_right = grand_total = found_all = planted_all = false_all = 0
    alarms = right_tables = silent = wrong_tables = 0
    for sample in args.sample or TEXT_SAMPLES + RENDERINGS:
        for producer in args.producers or list(PRODUCERS):
            if sample in RENDERINGS and producer == "html":
                continue  # html lays out the plan's document, the same as the plan's own sample
            pdf = output_path(sample, producer)
            if args.rebuild or not pdf.exists():
                build(sample, producer)
            plan = read_plan(pdf)
            right, total, per_table, shown = score(plan, sample)
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
