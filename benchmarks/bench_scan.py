#!/usr/bin/env python3
"""Cells right per scanned sample: every ``samples/cremonese_2023_scan*.pdf`` read by OCR and
compared cell by cell with ``samples/expected/cremonese_2023`` (as tests/test_scan.py does).

    .venv/bin/python benchmarks/bench_scan.py                        # every scanned sample
    .venv/bin/python benchmarks/bench_scan.py samples/cremonese_2023_scan_150.pdf
    .venv/bin/python benchmarks/bench_scan.py --pages 21 FILE.pdf    # only those pages (1-based)

Prints, per file: cells right of all expected tables, of Allegato A alone, tables missing, the
orientations found on its pages, and the wall time of ``read_plan``. With ``--pages`` only the
tables found on those pages are scored (a table not printed there does not count as missing).
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def score(plan, only_found: bool = False, wrong: list | None = None) -> dict[str, tuple[int, int]]:
    """{table id: (right, cells)} over the expected tables of the 2023 plan; ``wrong`` collects
    (table, row, column, expected, found) of every wrong cell."""
    from expected import _same, load_expected
    from pdfplans.schema import TABLE_COLUMNS, TABLE_IDS

    out: dict[str, tuple[int, int]] = {}
    for table_id in TABLE_IDS:
        expected = load_expected("cremonese_2023", table_id)
        if only_found and table_id not in plan.tables:
            continue
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--wrong", action="store_true", help="list every wrong cell")
    parser.add_argument("--pages", help="comma-separated 1-based pages to read (a subset of each file)")
    args = parser.parse_args()
    from pdfplans import read_plan
    from pdfplans.errors import PlanReadError

    pdfs = args.pdfs or sorted((ROOT / "samples").glob("cremonese_2023_scan*.pdf"))
    pages = [int(p) for p in args.pages.split(",")] if args.pages else None
    with tempfile.TemporaryDirectory() as folder:
        for pdf in pdfs:
            path = subset(pdf, pages, Path(folder)) if pages else pdf
            start = time.perf_counter()
            try:
                plan = read_plan(path)
            except PlanReadError as error:
                print(f"{pdf.name}: {error}", flush=True)
                continue
            wall = time.perf_counter() - start
            wrong: list = []
            scores = score(plan, only_found=bool(pages), wrong=wrong)
            right = sum(r for r, _ in scores.values())
            cells = sum(c for _, c in scores.values())
            a_right, a_cells = scores.get("allegato_a", (0, 0))
            missing = [t for t in scores if t not in plan.tables]
            turned = sorted({(w.page, w.message) for w in plan.warnings if "turned" in w.message})
            print(f"{pdf.name}: {right}/{cells} cells {100 * right / max(cells, 1):.1f}%  "
                  f"allegato_a {a_right}/{a_cells} {100 * a_right / max(a_cells, 1):.1f}%  "
                  f"{len(plan.tables)} tables, missing {missing or 'none'}  {wall:.0f} s", flush=True)
            for table_id, (r, c) in scores.items():
                if r < c:
                    print(f"    {table_id}: {r}/{c}")
            for cell in wrong if args.wrong else []:
                print("    wrong %s[%d].%s: expected %r, found %r" % cell)
            for page, message in turned:
                print(f"    page {page}: {message}")


if __name__ == "__main__":
    main()
