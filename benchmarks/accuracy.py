#!/usr/bin/env python3
"""Cell accuracy of table extractors on the sample renderings of the Cremonese 2023 plan.

Two measures (benchmarks/README.md explains them):

* ``canonical_accuracy(out_dir, sample)``: pdfplans' CSVs against the hand-transcribed tables in
  ``samples/expected/<sample>/``, cell by cell (typed values, same row index, same column).
* ``printed_accuracy(cells_by_page, pdf)``: for tools that return unlabelled grids, the share of the
  values printed in the plan's tables (``samples/source/cremonese_2023.txt``, rebuilt into printed
  cells by the samples' own builder) found as the text of some extracted cell on a page where that
  table is printed. Each extracted cell is used at most once.

    .venv/bin/python benchmarks/accuracy.py OUT_DIR [--sample cremonese_2023]   # score a pdfplans output
"""
from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SOURCE = SAMPLES / "source" / "cremonese_2023.txt"
# The samples' builder parses the source into printed cells and finds table pages with pdftotext:
# reusing it keeps the reference independent of pdfplans and identical to what was rendered.
sys.path.insert(0, str(SAMPLES / "build"))
sys.path.insert(0, str(ROOT / "tests"))

MAX_VALUE_CHARS = 60  # longer cells are prose (misure, riparto): not "numbers and names"


# ---------------------------------------------------------------- which expected set applies

def expected_sample(pdf: Path) -> str | None:
    """``samples/expected/<name>`` whose name prefixes the PDF's stem (cremonese_2023_alt -> cremonese_2023)."""
    root = SAMPLES / "expected"
    names = sorted((p.name for p in root.iterdir() if p.is_dir()), key=len, reverse=True) if root.is_dir() else []
    return next((n for n in names if pdf.stem == n or pdf.stem.startswith(n + "_")), None)


# ---------------------------------------------------------------- canonical (pdfplans) measure

@dataclass
class CanonicalScore:
    right: int = 0
    cells: int = 0
    extra_rows: int = 0
    missing_tables: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.cells if self.cells else 0.0


def _typed(column: str, text: str) -> Any:
    """CSV text -> the typed value, as the CSV contract of tables.md defines it."""
    from pdfplans.schema import column_kind

    if text == "":
        return None
    kind = column_kind(column)
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            return {"true": True, "false": False}[text]
    except (ValueError, KeyError):
        return text  # a malformed value simply counts as a wrong cell
    return text


def canonical_accuracy(out_dir: Path, sample: str) -> CanonicalScore:
    from expected import differences, load_expected
    from pdfplans.schema import TABLE_COLUMNS

    score = CanonicalScore()
    for table_id, columns in TABLE_COLUMNS.items():
        expected = load_expected(sample, table_id)
        score.cells += len(expected) * len(columns)
        path = out_dir / f"{table_id}.csv"
        if not path.exists():
            score.missing_tables.append(table_id)
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            found = [{c: _typed(c, row.get(c) or "") for c in columns} for row in csv.DictReader(handle)]
        compared = min(len(expected), len(found))
        # differences() reports one line per differing cell ("id[i].col: ...") plus a row-count line
        wrong = sum(1 for line in differences(table_id, expected, found) if re.match(rf"{table_id}\[\d+\]\.", line))
        score.right += compared * len(columns) - wrong
        score.extra_rows += max(0, len(found) - len(expected))
    return score


# ---------------------------------------------------------------- printed-value (raw grid) measure

def normal(text: str) -> str:
    """Cell text compared without any whitespace: line wraps inside and between words do not count."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _tokens(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()


@lru_cache(maxsize=1)
def printed_values() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(table key, printed body cells) in document order: short, single-paragraph, non-empty cells."""
    from seed_to_doc import TABLE_ORDER, build_table, raw_blocks

    tables = [val for kind, val in raw_blocks(SOURCE.read_text(encoding="utf-8")) if kind == "table"]
    out = []
    for (key, _), rows in zip(TABLE_ORDER, tables):
        block = build_table(key, rows)  # type: ignore[arg-type]
        cells = tuple(c.strip() for r in block.rows for c in r
                      if c.strip() and "\n" not in c and len(c.strip()) <= MAX_VALUE_CHARS)
        out.append((key, cells))
    return tuple(out)


def table_pages(pdf: Path, n_pages: int) -> dict[str, list[int]]:
    """1-based pages of each table (from pdftotext); every page when the text layer does not show it."""
    from table_pages import table_pages as locate

    try:
        found = locate(str(pdf))
    except (subprocess.CalledProcessError, FileNotFoundError):
        found = []
    pages = {key: list(range(a, b + 1)) for key, a, b in found if a is not None and b is not None}
    everywhere = list(range(1, n_pages + 1))
    return {key: pages.get(key, everywhere) for key, _ in printed_values()}


@dataclass
class PrintedScore:
    exact: int = 0
    loose: int = 0
    values: int = 0

    @property
    def share(self) -> float:
        return self.exact / self.values if self.values else 0.0

    @property
    def loose_share(self) -> float:
        return self.loose / self.values if self.values else 0.0


def _contains(cell: list[str], value: list[str]) -> bool:
    n = len(value)
    return any(cell[i:i + n] == value for i in range(len(cell) - n + 1))


def printed_accuracy(cells_by_page: dict[int, list[str]], pdf: Path, n_pages: int) -> PrintedScore:
    """Exact: the value is the whole text of a cell (each cell used once). Loose: its words appear
    in a row inside some cell of those pages (merged columns, a cell holding two rows)."""
    pools = {page: Counter(normal(c) for c in cells if c and c.strip()) for page, cells in cells_by_page.items()}
    tokens = {page: [_tokens(c) for c in cells if c and c.strip()] for page, cells in cells_by_page.items()}
    pages_of = table_pages(pdf, n_pages)
    score = PrintedScore()
    for key, values in printed_values():
        pages = pages_of[key]
        for value in values:
            score.values += 1
            want = normal(value)
            page = next((p for p in pages if pools.get(p, Counter())[want] > 0), None)
            if page is not None:
                pools[page][want] -= 1
                score.exact += 1
                score.loose += 1
                continue
            words = _tokens(value)
            if any(_contains(cell, words) for p in pages for cell in tokens.get(p, [])):
                score.loose += 1
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description="Score a `pdfplans extract` output folder against the expected CSVs.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sample", default="cremonese_2023")
    args = parser.parse_args()
    score = canonical_accuracy(args.out_dir, args.sample)
    print(f"{score.right}/{score.cells} cells right ({score.share:.1%}), {score.extra_rows} extra rows, "
          f"missing tables: {', '.join(score.missing_tables) or 'none'}")


if __name__ == "__main__":
    main()
