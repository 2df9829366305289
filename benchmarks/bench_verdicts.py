"""The verdicts' mutation bed, whole: every sample's correct reading made wrong every way, every table.

For each text-layer sample (whose every table is cell-for-cell right, test_extract_samples), each
mutation of tests/mutations.py (rows lost at a page break, two rows merged, values shifted a column,
a table cut short, a one-row table lost, two tables swapped, digits misread) is applied to each table
with several seeds, and the verdicts are judged again. Prints, per mutation, how many mutated tables
were flagged, and every (mutation, table) left silent; and the share of correct tables flagged.

    .venv/bin/python benchmarks/bench_verdicts.py [--seeds N] [--by-sample] [SAMPLE ...]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from mutations import MUTATIONS, flagged, mutate  # noqa: E402

from pdfplans import read_plan  # noqa: E402

SAMPLES = ["cremonese_2023", "cremonese_2022", "cremonese_2024", "brescia_ovest_2023", "oglio_po_2023", "lodi_2023",
           "mantova_2023", "vimercate_2023", "voghera_2023", "cremonese_2023_alt", "cremonese_2023_borderless",
           "cremonese_2023_reportlab"]


def sweep(plan, seeds: int, caught: Counter, tried: Counter, silent: Counter, where: Counter | None = None,
          name: str = "") -> None:
    for kind in MUTATIONS:
        for table_id in list(plan.tables):
            for seed in range(seeds):
                done = mutate(plan, kind, table_id, seed)
                if done is None:
                    continue
                wrong, targets = done
                hit = any(flagged(wrong, t) for t in targets) if kind == "lost" else all(
                    flagged(wrong, t) for t in targets)
                tried[kind] += 1
                caught[kind] += hit
                if not hit:
                    silent[(kind, table_id)] += 1
                    if where is not None:
                        where[(kind, table_id, name)] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="*", default=SAMPLES)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--by-sample", action="store_true", help="name the samples each silent pair is silent in")
    args = parser.parse_args()
    caught, tried, silent, where = Counter(), Counter(), Counter(), Counter()
    correct = flagged_correct = 0
    start = time.perf_counter()
    for name in args.samples:
        plan = read_plan(ROOT / "samples" / f"{name}.pdf")
        correct += len(plan.tables)
        flagged_correct += len(plan.suspect) + len(plan.missing)
        sweep(plan, args.seeds, caught, tried, silent, where, name)
    print(f"{len(args.samples)} samples, {args.seeds} seeds, {time.perf_counter() - start:.0f} s")
    print(f"correct tables flagged: {flagged_correct} of {correct} ({100 * flagged_correct / max(correct, 1):.1f}%)")
    for kind in MUTATIONS:
        if tried[kind]:
            print(f"  {kind:11} flagged {caught[kind]:4d} of {tried[kind]:4d} ({100 * caught[kind] / tried[kind]:5.1f}%)")
    total = sum(tried.values())
    print(f"  {'all':11} flagged {sum(caught.values()):4d} of {total:4d} "
          f"({100 * sum(caught.values()) / max(total, 1):5.1f}%)")
    print("silent (mutation, table): times")
    for (kind, table_id), times in sorted(silent.items()):
        samples = sorted(n for k, t, n in where if (k, t) == (kind, table_id))
        print(f"  {kind:11} {table_id:30} {times}" + (f"  {', '.join(samples)}" if args.by_sample else ""))


if __name__ == "__main__":
    main()
