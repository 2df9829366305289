"""A plan as one Excel workbook: a sheet per canonical table with typed cells, then the warnings
and the findings, each with its page (``pdfplans extract --xlsx``).

openpyxl writes numbers as numbers and booleans as booleans, so a spreadsheet sums a column
without any conversion; a null stays an empty cell, never 0.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export import atomic_write

if TYPE_CHECKING:
    from .checks.findings import Findings
    from .model import Plan

WARNING_COLUMNS = ("page", "table", "kind", "row", "column", "text", "message")
FINDING_COLUMNS = ("severity", "rule", "kind", "message", "tables", "ente", "comune", "comune_istat", "field",
                   "expected", "found", "pages")


def write_workbook(plan: "Plan", path: str | Path, findings: "Findings | None" = None) -> Path:
    """Write ``path`` (.xlsx) for ``plan``; ``findings`` default to ``plan.check()``. Returns the path."""
    from openpyxl import Workbook

    target = Path(path)
    book = Workbook()
    book.remove(book.active)
    for table in plan.tables.values():
        _sheet(book, table.id, table.columns, ([record.get(c) for c in table.columns] for record in table.records))
    _sheet(book, "warnings", WARNING_COLUMNS, (_warning_row(w) for w in plan.warnings))
    found = plan.check() if findings is None else findings
    _sheet(book, "findings", FINDING_COLUMNS, (_finding_row(f) for f in found))
    atomic_write(target, book.save, binary=True)
    return target


def _sheet(book: Any, title: str, columns: tuple[str, ...], rows: Any) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(title[:31])  # Excel's limit on sheet names
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_excel(value) for value in row])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, min(40, len(column) + 2))


def _excel(value: Any) -> Any:
    """Cells Excel can hold: lists as text ("9, 10"), everything else as it is."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    return value


def _warning_row(warning: Any) -> list[Any]:
    row = warning.row + 1 if warning.row is not None else None  # rows as a person counts them
    return [warning.page, warning.table, warning.kind, row, warning.column, warning.text, warning.message]


def _finding_row(finding: Any) -> list[Any]:
    values = finding.to_dict()
    return [values["severity"], values["rule"], finding.kind, values["message"], values["tables"], values["ente"],
            values["comune"], values["comune_istat"], values["field"], values["expected"], values["found"],
            values["pages"]]
