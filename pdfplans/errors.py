"""Errors and warnings that name the file and page, so a batch can report them and go on."""
from __future__ import annotations

from dataclasses import dataclass


class PdfPlansError(Exception):
    """Base class of every error pdfplans raises on purpose."""


class PlanReadError(PdfPlansError):
    """The file could not be read as a plan (not a PDF, corrupt, encrypted, hostile, not a plan)."""

    def __init__(self, file: str, reason: str, page: int | None = None) -> None:
        self.file = file
        self.reason = reason
        self.page = page
        where = f"{file}, page {page}" if page else file
        super().__init__(f"{where}: {reason}")


class ValueParseError(PdfPlansError, ValueError):
    """A printed value could not be read in the form its column expects."""

    def __init__(self, text: str, expected: str) -> None:
        self.text = text
        self.expected = expected
        super().__init__(f"cannot read {text!r} as {expected}")


@dataclass(frozen=True)
class PlanWarning:
    """Something the reader noticed but could work around; always locatable."""

    file: str
    message: str
    page: int | None = None
    table: str | None = None
    kind: str = "notice"  # unresolved | unreadable | low_confidence | missing_table | noise | notice
    row: int | None = None  # index of the record in its table, when the warning is about one cell
    column: str | None = None
    text: str | None = None  # the printed text concerned
    cells: tuple[tuple[int, str], ...] = ()  # (record index, column) of every cell a grouped warning is about

    def to_dict(self) -> dict[str, object]:
        """The warning as plan.json lists it: rows counted from 1, and every cell a grouped warning is about."""
        out: dict[str, object] = {"kind": self.kind, "table": self.table, "page": self.page, "message": self.message}
        if self.row is not None:
            out.update(row=self.row + 1, column=self.column)
        if self.cells:
            out["cells"] = [{"row": row + 1, "column": column} for row, column in self.cells]
        return out

    def __str__(self) -> str:
        parts = [self.file]
        if self.page:
            parts.append(f"page {self.page}")
        if self.table:
            parts.append(self.table)
        if self.row is not None:
            parts.append(f"row {self.row + 1}")  # people count rows from 1
        return f"{', '.join(parts)}: {self.message}"
