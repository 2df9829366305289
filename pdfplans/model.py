"""Public objects of the library: ``Plan``, ``Table`` and ``Cell``.

A ``Table`` keeps, for every typed row, the printed ``Cell`` each value came from (text, page,
bounding box, OCR confidence), so nothing printed is lost and every figure can be cited.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .errors import PlanWarning
from .extractors.page import LOW_CONFIDENCE
from .schema import TABLE_COLUMNS, column_kind, columns_of
from .verdicts.base import Reason, Verdict

if TYPE_CHECKING:  # pandas costs half a second to import: only when a frame is asked for
    import pandas as pd

    from .checks.findings import Findings

HTML_ROWS = 30  # rows a notebook shows of a table

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass(frozen=True)
class Cell:
    """One printed cell: its text as printed (lines joined by newlines), page and box."""

    text: str
    page: int
    bbox: BBox
    confidence: float | None = None  # OCR confidence 0..100; None for a text layer
    joins: tuple[int, ...] = ()  # line i ends inside a word that line i+1 completes (a narrow cell broke it)

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())


def _confidence(cell: Cell | None) -> float | None:
    return cell.confidence if cell is not None else None


@dataclass
class Table:
    """A canonical table: typed records plus the printed cells behind them."""

    id: str
    records: list[dict[str, Any]] = field(default_factory=list)
    cells: list[dict[str, Cell]] = field(default_factory=list)  # per record: column -> source cell
    caption: str = ""
    caption_page: int | None = None
    warnings: list[PlanWarning] = field(default_factory=list)
    headers: dict[str, Cell] = field(default_factory=dict)  # column -> printed header cell (reports cite it)
    score: float | None = None  # how well the printed table matched this id (None: the plan says it has none)
    verdict: Verdict = field(default_factory=Verdict)  # is the reading right? (verdicts.judge, from evidence)

    @property
    def columns(self) -> tuple[str, ...]:
        return columns_of(self.id)

    @property
    def pages(self) -> list[int]:
        found = sorted({r["page"] for r in self.records if r.get("page")})
        if not found and self.caption_page:
            return [self.caption_page]
        return found

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records)

    @property
    def df(self) -> "pd.DataFrame":
        """Typed frame, columns exactly as in docs/tables.md, then ``page``."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.records, columns=list(self.columns))
        for column in self.columns:
            kind = column_kind(column)
            if kind == "int":
                frame[column] = frame[column].astype("Int64")
            elif kind == "float":
                frame[column] = frame[column].astype("Float64")
            elif kind == "bool":
                frame[column] = frame[column].astype("boolean")
            else:
                frame[column] = frame[column].astype("string")
        return frame

    @property
    def raw(self) -> "pd.DataFrame":
        """Printed text of the cell behind every value, same shape as ``df``, with pages (OCR doubt: ``confidence``)."""
        import pandas as pd

        rows = []
        for record, cells in zip(self.records, self.cells):
            row = {c: (cells[c].text if c in cells else None) for c in TABLE_COLUMNS[self.id]}
            row["page"] = record.get("page")
            rows.append(row)
        return pd.DataFrame.from_records(rows, columns=list(self.columns))

    @property
    def confidence(self) -> "pd.DataFrame":
        """OCR confidence (0..100) of the cell behind every value, same shape as ``raw``, with pages.

        NaN where the value came from a text layer (no doubt) or from no printed cell.
        """
        import pandas as pd

        rows = []
        for record, cells in zip(self.records, self.cells):
            row: dict[str, Any] = {c: _confidence(cells.get(c)) for c in TABLE_COLUMNS[self.id]}
            row["page"] = record.get("page")
            rows.append(row)
        frame = pd.DataFrame.from_records(rows, columns=list(self.columns))
        return frame.astype({c: "Float64" for c in TABLE_COLUMNS[self.id]})

    def cell(self, row: int, column: str) -> Cell | None:
        """The printed cell behind record ``row``'s value of ``column`` (``row`` as in ``df``, from 0).

        None when the value is derived or was not printed; ``IndexError`` for a row the table does
        not have, ``KeyError`` for a column it does not have (a typo must not look like a blank).
        """
        if not 0 <= row < len(self.records):
            raise IndexError(f"{self.id} has rows 0..{len(self.records) - 1}, not {row}")
        if column not in self.columns:
            raise KeyError(f"{self.id} has no column {column!r}; columns: {', '.join(self.columns)}")
        return self.cells[row].get(column) if row < len(self.cells) else None

    def cell_or_none(self, row: int, column: str) -> Cell | None:
        """``cell``, with None for any row or column the table lacks (evidence lookups)."""
        try:
            return self.cell(row, column)
        except (IndexError, KeyError):
            return None

    def _repr_html_(self) -> str:
        """The first rows as a table; a value OCR read with low confidence is shaded, its confidence as a tooltip."""
        import html  # for notebooks only: not imported by every extract

        head = f"<b>{html.escape(self.id)}</b>: {len(self)} rows, pages {self.pages}"
        if not self.records:
            return f"<div>{head}</div>"
        columns = list(self.columns)
        lines = ["<tr><th></th>" + "".join(f"<th>{html.escape(c)}</th>" for c in columns) + "</tr>"]
        for row, (record, cells) in enumerate(zip(self.records[:HTML_ROWS], self.cells)):
            tds = []
            for column in columns:
                value, cell = record.get(column), cells.get(column)
                text = "" if value is None else html.escape(str(value))
                if cell is not None and cell.confidence is not None and cell.confidence < LOW_CONFIDENCE:
                    text = f'<td style="background:#ffd9a8" title="OCR {cell.confidence:.0f}%">{text}</td>'
                else:
                    text = f"<td>{text}</td>"
                tds.append(text)
            lines.append(f"<tr><th>{row}</th>{''.join(tds)}</tr>")
        more = f"<p>… and {len(self) - HTML_ROWS} more rows</p>" if len(self) > HTML_ROWS else ""
        return f"<div>{head}<table>{''.join(lines)}</table>{more}</div>"

    def __repr__(self) -> str:
        return f"Table({self.id!r}, rows={len(self)}, pages={self.pages})"


@dataclass
class Plan:
    """One plan PDF read into canonical tables."""

    file: str
    sha256: str
    pages: int
    ambito: str | None = None
    anno: int | None = None
    titolo: str | None = None
    comuni_ambito: list[dict[str, str]] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    warnings: list[PlanWarning] = field(default_factory=list)
    text: list[tuple[int, str]] = field(default_factory=list, repr=False)  # (page, line) narrative
    missing: dict[str, Verdict] = field(default_factory=dict)  # tables announced but not found, with why
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text came from OCR, not a text layer

    def __getitem__(self, table_id: str) -> Table:
        try:
            return self.tables[table_id]
        except KeyError:
            raise KeyError(f"{Path(self.file).name} has no table {table_id!r}; found: {sorted(self.tables)}") from None

    def __contains__(self, table_id: str) -> bool:
        return table_id in self.tables

    def metadata(self) -> dict[str, Any]:
        """The ``plan.json`` object of docs/tables.md."""
        return {
            "ambito": self.ambito,
            "anno": self.anno,
            "titolo": self.titolo,
            "pagine": self.pages,
            "sha256": self.sha256,
            "comuni_ambito": self.comuni_ambito,
            "tables": [{"id": t.id, "pages": t.pages, "rows": len(t), **t.verdict.to_dict()} for t in self.tables.values()],
            "missing_tables": [{"id": tid, **v.to_dict()} for tid, v in self.missing.items()],
            "warnings": [w.to_dict() for w in self.verdict_warnings()]
            + [w.to_dict() for w in self.warnings],
        }

    def verdict_warnings(self) -> list[Reason]:
        """The reasons of every suspect table, then of every missing one (what extract warns of by default)."""
        return [r for t in self.tables.values() for r in t.verdict.reasons] + [
            r for v in self.missing.values() for r in v.reasons]

    @property
    def suspect(self) -> list[str]:
        """Ids of the tables whose reading some evidence contradicts."""
        return [t.id for t in self.tables.values() if not t.verdict.ok]

    def to_json(self) -> str:
        return json.dumps(self.metadata(), ensure_ascii=False, indent=2)

    def check(self, previous: "list[Plan] | None" = None) -> "Findings":
        """Run every reconciliation rule on this plan (and across years with ``previous``)."""
        from .checks import run_checks

        return run_checks([*(previous or []), self])

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            f"<tr><td>{html.escape(t.id)}</td><td>{len(t)}</td><td>{t.pages}</td></tr>" for t in self.tables.values()
        )
        title = html.escape(f"{self.ambito or '?'} {self.anno or ''} — {Path(self.file).name}, {self.pages} pages")
        return f"<div><b>{title}</b><table><tr><th>table</th><th>rows</th><th>pages</th></tr>{rows}</table></div>"

    def __repr__(self) -> str:
        return f"Plan({Path(self.file).name!r}, ambito={self.ambito!r}, anno={self.anno}, tables={len(self.tables)})"
