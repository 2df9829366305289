#!/usr/bin/env python3
"""Cell accuracy of table extractors on the sample plans (Cremonese 2023 renderings, synthetic plans).

Two measures (benchmarks/README.md explains them):

* ``canonical_accuracy(out_dir, sample)``: pdfplans' CSVs against the expected tables in
  ``samples/expected/<sample>/``, cell by cell (typed values, same row index, same column), over the
  tables that have an expected CSV.
* ``printed_accuracy(cells_by_page, pdf, sample, pages)``: for tools that return unlabelled grids, the
  share of the values printed in the plan's tables (``samples/source/cremonese_2023.txt`` rebuilt into
  printed cells by the samples' own builder; for the synthetic plans the ``print`` rows of
  ``samples/source/<sample>.json``) found as the text of some extracted cell on a page where that
  table is printed. Each extracted cell is used at most once.

    .venv/bin/python benchmarks/accuracy.py OUT_DIR [--sample cremonese_2023]   # score a pdfplans output
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import unicodedata
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
    tables: int = 0  # tables scored: those with an expected CSV
    missing_tables: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.cells if self.cells else 0.0


def _typed(column: str, text: str) -> Any:
    """CSV text -> the typed value; a malformed value simply counts as a wrong cell."""
    from pdfplans.export import typed_value

    try:
        return typed_value(column, text)
    except (ValueError, KeyError):
        return text


def canonical_accuracy(out_dir: Path, sample: str) -> CanonicalScore:
    from expected import differences, load_expected

    from pdfplans.schema import TABLE_COLUMNS

    score = CanonicalScore()
    for table_id, columns in TABLE_COLUMNS.items():
        if not (SAMPLES / "expected" / sample / f"{table_id}.csv").exists():
            continue  # a table this plan does not print (tables.md: no CSV)
        score.tables += 1
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


Rows = list[list[str]]


@lru_cache(maxsize=None)
def printed_tables(sample: str) -> tuple[tuple[str, Rows], ...]:
    """(table key, body rows as printed) in document order, or () when the sample has no printed source.

    cremonese_2023: the real text, rebuilt into printed cells by the samples' builder (seed_to_doc);
    the synthetic plans: the ``print`` rows of ``samples/source/<sample>.json``."""
    if sample == "cremonese_2023":
        from seed_to_doc import TABLE_ORDER, build_table, raw_blocks

        tables = [val for kind, val in raw_blocks(SOURCE.read_text(encoding="utf-8")) if kind == "table"]
        return tuple((key, build_table(key, rows).rows) for (key, _), rows in zip(TABLE_ORDER, tables))  # type: ignore[arg-type]
    path = SAMPLES / "source" / f"{sample}.json"
    if not path.exists():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((key, [list(r["print"]) for r in rows]) for key, rows in data["tables"].items())


def printed_values(sample: str) -> list[tuple[str, list[str]]]:
    """(table key, printed body cells): short, single-paragraph, non-empty cells."""
    return [(key, [c.strip() for r in rows for c in r
                   if c.strip() and "\n" not in c and len(c.strip()) <= MAX_VALUE_CHARS])
            for key, rows in printed_tables(sample)]


def _page_texts(pdf: Path) -> list[str]:
    try:
        out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return []
    return [normal(page) for page in out.split("\f")]


def _locate_by_rows(pdf: Path, tables: tuple[tuple[str, Rows], ...]) -> dict[str, tuple[int, int]]:
    """Pages of each table: the first page (after the previous table's) holding one of its first
    three rows, then the first page from there holding one of its last three. A row is found when its
    cells, spaces dropped, follow each other in pdftotext -layout's text; a row whose cell wraps is
    not, hence three tries. Rows shorter than 6 characters ("AT 1") are too common to prove anything; tables of
    prose rows are found by their rows' first cells, with a page of slack either side."""
    pages = _page_texts(pdf)
    out, start = {}, 0
    for key, rows in tables:
        whole = [sig for sig in (normal("".join(r)) for r in rows) if len(sig) >= 6]
        # prose rows (misure, riparto) wrap every cell: their first cell alone, if long enough
        heads = [sig for sig in (normal(r[0]) for r in rows if r) if len(sig) >= 10]
        first = last = None
        for slack, signs in ((0, whole), (1, heads)):
            first = next((i for i in range(start, len(pages)) if any(s in pages[i] for s in signs[:3])), None)
            if first is not None:
                last = next((i for i in range(first, len(pages)) if any(s in pages[i] for s in signs[-3:])), first)
                # a wrapped first cell may not read whole on the page where its row starts: one page
                # of slack either side, so that the measure errs towards leniency, never a false miss
                first, last = max(start, first - slack), min(len(pages) - 1, last + slack)
                break
        if first is None or last is None:
            continue
        out[key] = (first + 1, last + 1)
        start = first
    return out


def table_pages(pdf: Path, sample: str, n_pages: int) -> dict[str, list[int]]:
    """1-based pages of each table (from pdftotext); every page when the text layer does not show it."""
    if sample == "cremonese_2023":
        from table_pages import table_pages as locate  # the builder's own, checked patterns

        try:
            found = {key: (a, b) for key, a, b in locate(str(pdf)) if a is not None and b is not None}
        except (subprocess.CalledProcessError, FileNotFoundError):
            found = {}
    else:
        found = _locate_by_rows(pdf, printed_tables(sample))
    everywhere = list(range(1, n_pages + 1))
    return {key: list(range(found[key][0], found[key][1] + 1)) if key in found else everywhere
            for key, _ in printed_tables(sample)}


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


class _Cell:
    """An extracted cell whose words are used up as values are matched to them."""

    def __init__(self, text: str) -> None:
        self.text = normal(text)
        self.words = _tokens(text)
        self.used = [False] * len(self.words)

    def take_whole(self, want: str) -> bool:
        if self.text != want or any(self.used):
            return False
        self.used = [True] * len(self.words)
        return True

    def take_words(self, words: list[str]) -> bool:
        n = len(words)
        for i in range(len(self.words) - n + 1):
            if self.words[i:i + n] == words and not any(self.used[i:i + n]):
                self.used[i:i + n] = [True] * n
                return True
        return False


def printed_accuracy(cells_by_page: dict[int, list[str]], pdf: Path, sample: str, n_pages: int) -> PrintedScore:
    """Exact: the value is the whole text of a cell. Loose: also counts a value whose words appear in
    a row inside a cell that holds more (merged columns, two rows in one cell). Every extracted cell,
    and every word of it, is used for one value at most; exact matches are made first."""
    cells = {page: [_Cell(c) for c in texts if c and c.strip()] for page, texts in cells_by_page.items()}
    pages_of = table_pages(pdf, sample, n_pages)
    wanted = [(value, pages_of[key]) for key, values in printed_values(sample) for value in values]
    score = PrintedScore(values=len(wanted))
    missed = []
    for value, pages in wanted:
        want = normal(value)
        if any(cell.take_whole(want) for p in pages for cell in cells.get(p, [])):
            score.exact += 1
        else:
            missed.append((value, pages))
    score.loose = score.exact
    for value, pages in missed:
        words = _tokens(value)
        if any(cell.take_words(words) for p in pages for cell in cells.get(p, [])):
            score.loose += 1
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description="Score a `pdfplans extract` output folder against the expected CSVs.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sample", default="cremonese_2023")
    args = parser.parse_args()
    score = canonical_accuracy(args.out_dir, args.sample)
    print(f"{score.tables} tables, {score.right}/{score.cells} cells right ({score.share:.1%}), {score.extra_rows} extra rows, "
          f"missing tables: {', '.join(score.missing_tables) or 'none'}")


if __name__ == "__main__":
    main()
