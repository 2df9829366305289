"""A reading scored against a sample's expected tables, table by table, and split by its verdicts.

Shared by producers.py (cells right per re-print) and bench_verdicts.py (false alarms and silent
wrong tables over every text sample and re-print). Needs tests/ on sys.path (expected.py).
"""
from __future__ import annotations

from expected import differences, expected_name, load_expected, sample_tables

from pdfplans.schema import TABLE_COLUMNS


def score(plan, sample: str) -> tuple[int, int, dict[str, tuple[int, int]], list[str]]:
    """Cells right, cells expected, the same per table, and every differing cell."""
    name = expected_name(sample)
    per_table: dict[str, tuple[int, int]] = {}
    shown: list[str] = []
    for table_id in sample_tables(sample):
        expected = load_expected(name, table_id)
        cells = len(expected) * len(TABLE_COLUMNS[table_id])
        if table_id not in plan.tables:
            per_table[table_id] = (0, cells)
            shown.append(f"{table_id}: not found")
            continue
        diff = differences(table_id, expected, plan[table_id].records)
        wrong = sum(1 for d in diff if "rows, expected" not in d) + _rows_off(diff, table_id)
        per_table[table_id] = (max(0, cells - wrong), cells)
        shown += diff
    right = sum(r for r, _ in per_table.values())
    total = sum(c for _, c in per_table.values())
    return right, total, per_table, shown


def _rows_off(diff: list[str], table_id: str) -> int:
    """Cells of the expected rows not extracted at all, or of the rows read too many (a line of text
    around the table taken for a row): ``differences`` compares only the rows both have."""
    for line in diff:
        if "rows, expected" in line:
            found, expected = (int(w) for w in line.replace(",", "").split() if w.isdigit())
            return abs(expected - found) * len(TABLE_COLUMNS[table_id])
    return 0


def split(plan, sample: str, per_table: dict[str, tuple[int, int]]) -> tuple[list[str], list[str]]:
    """The tables read right (cell for cell and row for row) and the tables read wrong: not found,
    cells or rows off (rows beyond the expected ones are another table's), or found with rows in a
    plan whose expected set has no such table."""
    name = expected_name(sample)
    whole = {t for t in per_table if t in plan.tables and len(plan[t].records) == len(load_expected(name, t))}
    right = [t for t, (r, c) in per_table.items() if r == c and t in whole]
    wrong = [t for t in per_table if t not in right]
    wrong += [t for t, table in plan.tables.items() if t not in per_table and table.records]
    return right, wrong


# warnings that name a doubtful cell of a table (an OCR reading the engine was unsure of, a name not
# resolved): a table so named is not silent, though its verdict may be ok
CELL_WARNINGS = {"low_confidence", "unreadable", "unresolved"}


def suspect_or_missing(plan) -> dict[str, list[int | None]]:
    """Table → the pages of its verdict's reasons, for the tables judged suspect or missing."""
    out: dict[str, list[int | None]] = {t: [r.page for r in v.reasons] for t, v in plan.missing.items()}
    for table in plan.tables.values():
        if not table.verdict.ok:
            out[table.id] = [r.page for r in table.verdict.reasons]
    return out


def named(plan) -> dict[str, list[int | None]]:
    """Table → the pages of every warning that names it: its verdict's reasons and the warnings on
    its cells."""
    out = suspect_or_missing(plan)
    for warning in plan.warnings:
        if warning.kind in CELL_WARNINGS and warning.table:
            out.setdefault(warning.table, []).append(warning.page)
    return out


def verdicts(plan, sample: str, per_table: dict[str, tuple[int, int]]) -> tuple[list[str], list[str], int, int]:
    """Tables right and flagged, tables wrong and not named by a warning with a page, and how many
    right and wrong."""
    right, wrong = split(plan, sample, per_table)
    suspect, warned = suspect_or_missing(plan), named(plan)
    alarms = [t for t in right if t in suspect]
    silent = [t for t in wrong if not any(p for p in warned.get(t, []))]
    return alarms, silent, len(right), len(wrong)
