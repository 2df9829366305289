"""What every rule needs around one plan: rows without the unreadable ones, keys, and findings.

Entities are matched only by resolved identifiers: ``comune_istat`` and (``ente_tipo``, ``ente``),
never by printed text. A row whose comune/ente could not be resolved is left out of every rule
(the extraction finding reports it), and a comparison that such a row could explain is not reported.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..extractors.catalog import SPECS
from ..extractors.page import LOW_CONFIDENCE
from ..normalize.numbers import format_italian
from .findings import Evidence, Finding
from .registry import RULES

if TYPE_CHECKING:
    from ..errors import PlanWarning
    from ..model import Cell, Plan, Table

Record = dict[str, Any]
UnitKey = tuple[str, str, str]  # (ente_tipo, ente, comune_istat): one owner in one comune
EnteKey = tuple[str, str]  # ("comune", istat) for a Comune, (ente_tipo, ente) for others

# Tables that a plan often leaves out because they are empty ("Nessun Ente ha comunicato"):
# when absent they count as zero units instead of making the rules that use them silent.
OPTIONAL_EMPTY = frozenset(spec.id for spec in SPECS if spec.absent_is_zero)


def num(value: Any) -> int | float | None:
    """A number from a record value; None for null, NaN, text and booleans (never 0 for a blank)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else value
    if hasattr(value, "item"):  # numpy / pandas scalars
        return num(value.item())
    return None


def cents(value: float) -> int:
    """Euro compared to the cent: 1595127.1 and 1595127.10 are the same amount."""
    return int(round(round(value, 2) * 100))


def fmt(value: Any) -> str:
    """A figure as messages print it: counts bare, amounts with two decimals."""
    if isinstance(value, float):
        return format_italian(value, 0 if value.is_integer() else 2)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10000:
        return format_italian(value)  # 156.113 as the plans print it
    return "—" if value is None else str(value)


def eur(value: float) -> str:
    """An amount in euro as the plans print it: 856.581,99."""
    return format_italian(value, 2)


def ente_key(record: Record, default_tipo: str = "comune") -> EnteKey:
    """The owner a row is about: a Comune by its ISTAT code, any other ente by type and name."""
    tipo = record.get("ente_tipo") or default_tipo
    if tipo == "comune" and record.get("comune_istat"):
        return ("comune", str(record["comune_istat"]))
    return (tipo, str(record.get("ente") or ""))


def unit_key(record: Record) -> UnitKey:
    """One owner in one comune (ALER rows are per comune where the units stand)."""
    return (record.get("ente_tipo") or "", str(record.get("ente") or ""), str(record.get("comune_istat") or ""))


def label(record: Record) -> str:
    """Readable name of a row for messages (canonical names, not the printed text)."""
    if record.get("is_total"):
        return "TOTALE" + (f" {record['at']}" if record.get("at") else "")
    ente, comune = record.get("ente"), record.get("comune")
    if ente and comune and record.get("ente_tipo") != "comune":
        return f"{ente} ({comune})"
    return str(ente or (f"Comune di {comune}" if comune else "") or record.get("misura") or record.get("dgr") or "?")


class PlanContext:
    """One plan seen by the rules."""

    def __init__(self, plan: "Plan") -> None:
        self.plan = plan
        seen: set[tuple[Any, ...]] = set()
        self.warnings: list[PlanWarning] = []
        for warning in [*plan.warnings, *(w for t in plan.tables.values() for w in t.warnings)]:
            key = (warning.kind, warning.table, warning.row, warning.column, warning.page, warning.message)
            if key not in seen:
                seen.add(key)
                self.warnings.append(warning)
        self.unresolved_rows: dict[str, set[int]] = {}
        for warning in self.warnings:
            if warning.kind == "unresolved" and warning.table and warning.row is not None:
                self.unresolved_rows.setdefault(warning.table, set()).add(warning.row)
        self.missing_tables = {w.table for w in self.warnings if w.kind == "missing_table" and w.table}

    # -- tables and rows -------------------------------------------------------------------------
    def table(self, table_id: str) -> "Table | None":
        return self.plan.tables.get(table_id)

    def has(self, *table_ids: str) -> bool:
        """Every table is present (the optional-empty ones count as present)."""
        return all(t in self.plan.tables or (t in OPTIONAL_EMPTY and t not in self.missing_tables)
                   for t in table_ids)

    def rows(self, table_id: str, totals: bool | None = False, resolved: bool = True) -> Iterator[tuple[int, Record]]:
        """(index, record); ``totals`` False: data rows, True: total rows, None: all.

        ``resolved``: leave out the rows whose comune/ente could not be resolved (for matching);
        sums that need no entity (printed totals) keep them.
        """
        table = self.table(table_id)
        if table is None:
            return
        skip = self.unresolved_rows.get(table_id, set()) if resolved else set()
        for index, record in enumerate(table.records):
            if index in skip:
                continue
            if totals is None or bool(record.get("is_total")) == totals:
                yield index, record

    def unresolved(self, table_ids: Iterable[str], ente_tipo: str | None = None) -> bool:
        """Some row of these tables could not be resolved (and may be of ``ente_tipo``)."""
        for table_id in table_ids:
            table = self.table(table_id)
            for index in self.unresolved_rows.get(table_id, ()):
                if ente_tipo is None or table is None or index >= len(table.records):
                    return True
                tipo = table.records[index].get("ente_tipo")
                if not tipo or tipo == ente_tipo:
                    return True
        return False

    def cell(self, table_id: str, row: int, column: str) -> "Cell | None":
        table = self.table(table_id)
        return table.cell_or_none(row, column) if table is not None else None

    def page(self, table_id: str, row: int, column: str | None = None) -> int | None:
        """Page of a printed cell, else of its row."""
        cell = self.cell(table_id, row, column) if column else None
        if cell is not None:
            return cell.page
        table = self.table(table_id)
        if table is None or not 0 <= row < len(table.records):
            return None
        page = table.records[row].get("page")
        return int(page) if page else None

    def table_pages(self, table_id: str) -> list[int]:
        table = self.table(table_id)
        return table.pages if table is not None else []

    # -- findings --------------------------------------------------------------------------------
    def finding(
        self,
        rule: str,
        message: str,
        *,
        tables: Sequence[str],
        evidence: Sequence[Evidence] = (),
        record: Record | None = None,
        field: str | None = None,
        expected: Any = None,
        found: Any = None,
        pages: Iterable[int | None] = (),
        severity: str | None = None,
        kind: str = "discrepancy",
        ente: str | None = None,
        quote: str | None = None,
        previous: "tuple[PlanContext, Sequence[Evidence]] | None" = None,
    ) -> Finding:
        """A finding of ``rule`` with pages gathered from the evidence cells.

        ``quote``: the sentence of a narrative finding; ``previous``: the other plan's context and cells
        of a finding across years, so a report can show both years' print.
        A figure read by OCR with low confidence that breaks the arithmetic is more likely a
        misreading than an error in the plan: the finding says so and is lowered to a warning. Figures
        OCR read with confidence stand: the finding stays what it is, and says they came from OCR.
        """
        severity = severity or RULES[rule].severity
        all_pages = {p for p in pages if p}
        all_pages.update(p for (t, r, c) in evidence if (p := self.page(t, r, c)))
        if kind == "discrepancy":
            ocr = [cell for (t, r, c) in evidence if (cell := self.cell(t, r, c)) is not None
                   and cell.confidence is not None]
            if ocr:
                worst = min(ocr, key=lambda c: c.confidence or 0.0)
                if (worst.confidence or 0.0) < LOW_CONFIDENCE:
                    message += (f" — likely an OCR misreading: {worst.flat!r} on page {worst.page} was read by "
                                f"OCR with low confidence ({worst.confidence:.0f})")
                    if severity == "error":
                        severity = "warning"
                else:
                    message += f" (figures read by OCR, lowest confidence {worst.confidence:.0f})"
        record = record or {}
        return Finding(
            rule=rule, severity=severity, message=message, tables=list(dict.fromkeys(tables)),
            ente=ente if ente is not None else (record.get("ente") or None),
            comune=record.get("comune") or None, comune_istat=record.get("comune_istat") or None,
            field=field, expected=expected, found=found, pages=sorted(all_pages), kind=kind,
            plan_file=self.plan.file, evidence=list(dict.fromkeys(evidence)), quote=quote,
            previous_file=previous[0].plan.file if previous else None,
            previous_evidence=list(dict.fromkeys(previous[1])) if previous else [],
        )


class Tally:
    """Units per key summed over one table's rows, with the cells they came from.

    ``total`` is None when some row of the key prints no figure: the sum is then unknown.
    """

    def __init__(self) -> None:
        self.totals: dict[Any, int | float | None] = {}
        self.evidence: dict[Any, list[Evidence]] = {}
        self.records: dict[Any, Record] = {}

    def add(self, key: Any, value: int | float | None, evidence: Evidence, record: Record) -> None:
        current = self.totals.get(key, 0)
        self.totals[key] = None if current is None or value is None else current + value
        self.evidence.setdefault(key, []).append(evidence)
        self.records.setdefault(key, record)

    def get(self, key: Any) -> int | float | None:
        return self.totals.get(key, 0)

    def keys(self) -> set[Any]:
        return set(self.totals)


def tally(ctx: PlanContext, table_id: str, column: str | None, key=unit_key, where=None,
          shown: str | None = None) -> Tally:
    """Sum ``column`` (or count rows when None) of the data rows of ``table_id`` per ``key``.

    ``shown``: the cell cited for a counted row, the one ``where`` looks at (Allegato B's ``stato``).
    """
    result = Tally()
    for index, record in ctx.rows(table_id):
        if where is not None and not where(record):
            continue
        value = 1 if column is None else num(record.get(column))
        result.add(key(record), value, (table_id, index, column or shown or _first_column(ctx, table_id, index)), record)
    return result


def _first_column(ctx: PlanContext, table_id: str, index: int) -> str:
    """A printed cell to show for a row that is counted, not read (e's unit codes)."""
    table = ctx.table(table_id)
    cells = table.cells[index] if table is not None and index < len(table.cells) else {}
    for column in ("codice_id", "id_alloggio", "codice_alloggio", "stato", "comune"):
        if column in cells:
            return column
    return next(iter(cells), "comune")


def ordered(*tallies: Tally) -> list[Any]:
    """The keys of several tallies in printed order (the first table's rows first)."""
    return list(dict.fromkeys(k for t in tallies for k in t.totals))
