#!/usr/bin/env python3
"""Cells right per scanned sample: every ``samples/cremonese_2023_scan*.pdf`` read by OCR and
compared cell by cell with ``samples/expected/cremonese_2023`` (as tests/test_scan.py does).

    .venv/bin/python benchmarks/bench_scan.py                  # the committed scanned samples
    .venv/bin/python benchmarks/bench_scan.py --full           # + whole-plan scans at 150/200/300 dpi, upright and turned
    .venv/bin/python benchmarks/bench_scan.py --wrong FILE.pdf # list every wrong cell
    .venv/bin/python benchmarks/bench_scan.py --pages 21 FILE.pdf   # only those pages of FILE (1-based)

A sample made of some pages of the plan (``samples/build/build_all.py: SCANS``) is scored on the
tables printed wholly on those pages (``table_pages.py`` on the text PDF it was scanned from); a
table among them that is not found counts all its cells wrong. ``--full`` scans the whole plan
with ``samples/build/scan.py`` into a temporary folder first (deterministic, a minute or two per
variant). Prints, per file: cells right, Allegato A's alone, tables missing, pages read turned, and
the wall time of ``read_plan``.
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path[:0] = [str(ROOT / "tests"), str(SAMPLES / "build")]
sys.dont_write_bytecode = True  # keep samples/build free of __pycache__
ALL_PAGES = 25  # of samples/cremonese_2023.pdf
# whole-plan variants for --full: (name, scan.scan_pdf options)
FULL = [
    ("full_150", {"seed": 150, "dpi": 150, "quality": 50}),
    ("full_300_turned", {"seed": 300, "dpi": 300, "bilevel": True, "turns": {21: 90, 3: 180, 16: 270}}),
    ("full_200_sideways", {"seed": 200, "turns": {21: 90}}),
]


def tables_on(pages: list[int]) -> set[str]:
    """Tables printed wholly on ``pages`` of the text PDF the scans are made from."""
    from table_pages import table_pages

    return {key for key, first, last in table_pages(str(SAMPLES / "cremonese_2023.pdf"))
            if first is not None and all(p in pages for p in range(first, (last or first) + 1))}


def sample_pages(pdf: Path) -> list[int]:
    """The pages of the plan a committed scanned sample holds (all of them if it is not one)."""
    from build_all import OUTPUTS, SCANS

    name = next((n for n, file in OUTPUTS.items() if file == pdf.name), None)
    return list(SCANS.get(name or "", {}).get("pages") or range(1, ALL_PAGES + 1))


def score(plan: Any, tables: set[str] | None = None, wrong: list | None = None) -> dict[str, tuple[int, int]]:
    """{table id: (right, cells)} over the expected tables of the 2023 plan (or those in ``tables``);
    ``wrong`` collects (table, row, column, expected, found) of every wrong cell."""
    from expected import _same, load_expected

    from pdfplans.schema import TABLE_COLUMNS, TABLE_IDS

    out: dict[str, tuple[int, int]] = {}
    for table_id in TABLE_IDS:
        if tables is not None and table_id not in tables:
            continue
        expected = load_expected("cremonese_2023", table_id)
        found = plan[table_id].records if table_id in plan.tables else []
        columns = TABLE_COLUMNS[table_id]
        right = 0
        for row, (want, got) in enumerate(zip(expected, found)):
            for column in columns:
                if _same(column, want[column], got[column]):
                    right += 1
                elif wrong is not None:
                    wrong.append((table_id, row, column, want[column], got[column]))
        out[table_id] = (right, len(expected) * len(columns))
    return out


def subset(pdf: Path, pages: list[int], folder: Path) -> Path:
    """A copy of ``pdf`` holding only ``pages`` (1-based)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(pdf))
    part = pdfium.PdfDocument.new()
    part.import_pages(source, [p - 1 for p in pages])
    buffer = io.BytesIO()
    part.save(buffer)
    part.close()
    source.close()
    path = folder / f"{pdf.stem}_p{'-'.join(map(str, pages))}.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def report(name: str, path: Path, tables: set[str] | None, show_wrong: bool) -> None:
    from pdfplans import read_plan
    from pdfplans.errors import PlanReadError

    start = time.perf_counter()
    try:
        plan = read_plan(path)
    except PlanReadError as error:
        print(f"{name}: {error}", flush=True)
        return
    wall = time.perf_counter() - start
    wrong: list = []
    scores = score(plan, tables, wrong)
    right = sum(r for r, _ in scores.values())
    cells = sum(c for _, c in scores.values())
    a_right, a_cells = scores.get("allegato_a", (0, 0))
    missing = [t for t, (_, c) in scores.items() if c and t not in plan.tables]
    print(f"{name}: {right}/{cells} cells {100 * right / max(cells, 1):.1f}%  "
          f"allegato_a {a_right}/{a_cells} {100 * a_right / max(a_cells, 1):.1f}%  "
          f"{len(scores)} tables scored, missing {missing or 'none'}  {wall:.0f} s", flush=True)
    for table_id, (r, c) in scores.items():
        if r < c:
            print(f"    {table_id}: {r}/{c}")
    for cell in wrong if show_wrong else []:
        print("    wrong %s[%d].%s: expected %r, found %r" % cell)
    for warning in plan.warnings:
        if "turned" in warning.message:
            print(f"    page {warning.page}: {warning.message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--full", action="store_true", help="also whole-plan scans made on the fly")
    parser.add_argument("--wrong", action="store_true", help="list every wrong cell")
    parser.add_argument("--pages", help="comma-separated 1-based pages to read (a subset of each file)")
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(SAMPLES.glob("cremonese_2023_scan*.pdf"))
    with tempfile.TemporaryDirectory() as folder:
        for pdf in pdfs:
            pages = sample_pages(pdf)
            if args.pages:  # pages of this file, hence of the plan through its own list
                picked = [int(p) for p in args.pages.split(",")]
                report(f"{pdf.name} p. {args.pages}", subset(pdf, picked, Path(folder)),
                       tables_on([pages[p - 1] for p in picked]), args.wrong)
            else:
                report(pdf.name, pdf, tables_on(pages), args.wrong)
        if args.full:
            from scan import scan_pdf

            for name, options in FULL:
                path = scan_pdf(SAMPLES / "cremonese_2023.pdf", Path(folder) / f"{name}.pdf", **options)  # type: ignore[arg-type]
                report(name, path, None, args.wrong)


if __name__ == "__main__":
    main()
