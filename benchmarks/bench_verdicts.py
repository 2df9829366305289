"""The verdicts' mutation bed, whole: every sample's correct reading made wrong every way, every table.

For each text-layer sample (whose every table is cell-for-cell right, test_extract_samples), each
mutation of tests/mutations.py (rows lost at a page break, two rows merged, values shifted a column,
a table cut short, a one-row table lost, two tables swapped, digits misread) is applied to each table
with several seeds, and the verdicts are judged again. Prints, per mutation, how many mutated tables
were flagged, and every (mutation, table) left silent; and the share of correct tables flagged.

With ``--corpus`` it measures instead the verdicts on real readings, right or wrong: every text
sample of samples/*.pdf and every re-print in samples/producers/ (scripts/build_producers.sh) is
read and each table scored against samples/expected/ (scoring.py). It prints the false alarms (tables
read cell for cell right and flagged suspect: at most 2%, issue 13) and the silent wrong tables (read
wrong, or not found, and named by no warning that gives the table and a page: there must be none).

    .venv/bin/python benchmarks/bench_verdicts.py [--seeds N] [--by-sample] [SAMPLE ...]
    .venv/bin/python benchmarks/bench_verdicts.py --corpus [-v] [--scans] [--folder DIR] [RENDERING ...]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from mutations import MUTATIONS, flagged, mutate  # noqa: E402
from scoring import score, verdicts  # noqa: E402

from pdfplans import read_plan  # noqa: E402

SAMPLES = ["cremonese_2023", "cremonese_2022", "cremonese_2024", "brescia_ovest_2023", "oglio_po_2023", "lodi_2023",
           "mantova_2023", "vimercate_2023", "voghera_2023", "cremonese_2023_alt", "cremonese_2023_borderless",
           "cremonese_2023_reportlab", "sondrio_2023"]


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


def renderings(names: list[str], folders: list[Path], scans: bool = False) -> list[Path]:
    """The text samples (a text layer on their first page; with ``scans`` the scanned ones too), the
    re-prints built, and the PDFs of ``folders`` (robustness.py --keep DIR), or those of them named."""
    import pypdfium2 as pdfium

    def text(pdf: Path) -> bool:
        document = pdfium.PdfDocument(str(pdf))
        try:
            return bool(document[0].get_textpage().get_text_range().strip())
        finally:
            document.close()

    every = [p for p in sorted((ROOT / "samples").glob("*.pdf")) if scans or text(p)]
    every += sorted((ROOT / "samples" / "producers").glob("*.pdf"))
    every += [p for folder in folders for p in sorted(folder.glob("*.pdf"))]
    return [p for p in every if not names or p.stem in names]


def plan_of(pdf: Path) -> str:
    """The plan a rendering renders: robustness.py names its files s<seed>_<template>_<renderer>_..."""
    return re.sub(r"^s\d+_", "", pdf.stem)


def corpus(names: list[str], verbose: bool, folders: list[Path], scans: bool = False) -> None:
    """False alarms and silent wrong tables over real readings (see the module's docstring)."""
    right_all = alarms = wrong_all = silent = 0
    start = time.perf_counter()
    files = renderings(names, folders, scans)
    for pdf in files:
        plan = read_plan(pdf)
        _, _, per_table, shown = score(plan, plan_of(pdf))
        false, quiet, right, wrong = verdicts(plan, plan_of(pdf), per_table)
        right_all, alarms, wrong_all, silent = (right_all + right, alarms + len(false),
                                                wrong_all + wrong, silent + len(quiet))
        print(f"{pdf.stem:40} right {right:2d}, flagged {', '.join(false) or '-'}; "
              f"wrong {wrong:2d}, silent {', '.join(quiet) or '-'}")
        for table_id in (false + quiet) if verbose else []:
            reasons = [str(r) for r in (plan.tables[table_id].verdict.reasons if table_id in plan.tables else [])]
            diff = [d for d in shown if d.startswith(table_id)]
            for line in (reasons or diff)[:4]:
                print(f"    {line[:200]}")
    print(f"{len(files)} renderings, {time.perf_counter() - start:.0f} s")
    print(f"false alarms: {alarms} of {right_all} tables read right flagged suspect "
          f"({100 * alarms / max(1, right_all):.1f}%)")
    print(f"silent: {silent} of {wrong_all} tables read wrong named by no warning with a page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="*")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--by-sample", action="store_true", help="name the samples each silent pair is silent in")
    parser.add_argument("--corpus", action="store_true", help="false alarms and silent tables over samples × re-prints")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --corpus: the reasons or the differences")
    parser.add_argument("--folder", type=Path, action="append", default=[],
                        help="with --corpus: also the PDFs of this folder (robustness.py --keep DIR)")
    parser.add_argument("--scans", action="store_true", help="with --corpus: also the scanned samples (OCR, a minute each)")
    args = parser.parse_args()
    if args.corpus:
        corpus(args.samples, args.verbose, args.folder, args.scans)
        return
    args.samples = args.samples or SAMPLES
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
