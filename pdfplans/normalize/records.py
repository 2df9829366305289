"""Printed table + role mapping → canonical records: typed values, resolved comuni and enti.

What cannot be read is kept as null with a warning naming page, table, row and column, so that
the checks report it as an extraction problem, never as a discrepancy between figures.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import PlanWarning, ValueParseError
from ..extractors.catalog import SPECS_BY_ID, TableSpec
from ..extractors.cells import join_cell_text
from ..extractors.classify import Match
from ..extractors.kinds import KINDS
from ..extractors.rows import continues_record, split_stacked
from ..model import Cell, Table
from .builders import BUILDERS, at_label, generic_row
from .comuni import Resolver
from .doubt import header_cells, low_confidence_warning
from .entities import resolve_ente

_TOTAL = re.compile(r"^\s*(totale|tot\.?)(\b|$)", re.IGNORECASE)
_DASH = re.compile(r"^\s*[-–—]+\s*$")
_AT_GROUP = re.compile(r"^\s*(at|a\.t\.|area|ambito|aggregazione)\s*[\w]{0,3}\s*\d*\s*$", re.IGNORECASE)


@dataclass
class Row:
    cells: dict[str, Cell]  # role → printed cell
    page: int

    def text(self, role: str) -> str:
        return join_cell_text(self.cells.get(role))


class RecordBuilder:
    def __init__(self, file: str, resolver: Resolver) -> None:
        self.file = file
        self.resolver = resolver

    # -- rows ------------------------------------------------------------------------------
    def _rows(self, match: Match) -> list[Row]:
        spec = match.spec
        rows: list[Row] = []
        for printed in match.table.rows:
            cells = {
                role: cell for role, col in match.roles.items() if col < len(printed) and (cell := printed[col]) is not None
            }
            if not cells:
                continue
            page = min(c.page for c in cells.values())
            for row in self._split_stacked(Row(cells, page)):
                if rows and self._continues(spec, row, rows[-1]):
                    self._append(rows[-1], row)
                    continue
                rows.append(row)
        return rows

    def _split_stacked(self, row: Row) -> list[Row]:
        """Rows a borderless layout ran together, split back line by line (see ``rows.split_stacked``)."""
        split = split_stacked(row.cells, "comune", lambda: self._best_reading(row, "comune").resolved,
                              lambda line: self.resolver.resolve(line).resolved)
        return [row] if split is None else [Row(cells, row.page) for cells in split]

    @staticmethod
    def _continues(spec: TableSpec, row: Row, previous: Row) -> bool:
        """A row with only wrapped text: the rest of a row split by a page break or a missed rule."""
        key = spec.role(spec.key)
        if key is None:
            return False
        texts = {role: row.text(role) for role in row.cells}
        kinds = {r.name: r.kind for r in spec.roles}
        return continues_record(texts, kinds, key.name, key.carry_down, row.page > previous.page)

    @staticmethod
    def _append(previous: Row, row: Row) -> None:
        for role, cell in row.cells.items():
            before = previous.cells.get(role)
            if before is None:
                previous.cells[role] = cell
            else:
                box = (min(before.bbox[0], cell.bbox[0]), before.bbox[1], max(before.bbox[2], cell.bbox[2]), before.bbox[3])
                doubt = [c for c in (before.confidence, cell.confidence) if c is not None]  # the worse half counts
                previous.cells[role] = Cell(before.text + "\n" + cell.text, before.page, box, min(doubt, default=None))

    # -- values ----------------------------------------------------------------------------
    def read(self, table: Table, row: Row, role: str) -> Any:
        """The value of ``role`` parsed as its kind says (a warning, and None, if it cannot be)."""
        spec = table_spec_of(table)
        declared = spec.role(role)
        parse = KINDS[declared.kind].parse if declared is not None else None
        if parse is None:
            raise ValueError(f"{table.id}.{role}: no parser for this role")
        return self._value(table, row, role, role, parse)

    def _value(self, table: Table, row: Row, role: str, column: str, parser: Callable[[str], Any]) -> Any:
        text = row.text(role)
        try:
            return parser(text)
        except ValueParseError as error:
            table.warnings.append(PlanWarning(
                self.file, f"{column}: {error}", row.page, table.id, kind="unreadable",
                row=len(table.records), column=column, text=text,
            ))
            return None

    def _comune(self, table: Table, row: Row, role: str = "comune") -> tuple[str | None, str | None]:
        text = row.text(role)
        if not text:
            return None, None
        resolution = self._best_reading(row, role)
        if not resolution.resolved:
            self._unresolved(table, row, "comune", text)
        return resolution.comune, resolution.comune_istat

    def _best_reading(self, row: Row, role: str):
        """Resolve a name both with and without the word joins the geometry suggested."""
        return self.resolver.resolve(self._name_text(row, role))

    def _name_text(self, row: Row, role: str) -> str:
        """The cell's text read as a name: with the geometry's word joins ("CASALBUTTA"+"NO"), or
        without them when that reads better ("GRUMELLO" + "ED UNITI" that happened to fill the line)."""
        cell = row.cells.get(role)
        joined = join_cell_text(cell)
        if cell is None or "\n" not in cell.text:
            return joined
        best = self.resolver.resolve(joined)
        if best.resolved and best.score >= 99:
            return joined
        chosen = joined
        for reading in _readings(cell):  # every way of gluing the line breaks ("GRUMELL" / "O ED" / "UNITI")
            candidate = self.resolver.resolve(reading)
            if (candidate.resolved, candidate.score) > (best.resolved, best.score):
                best, chosen = candidate, reading
        return chosen

    def _ente(self, table: Table, row: Row) -> dict[str, Any]:
        ente_text = self._name_text(row, "ente") or None
        comune_text = self._name_text(row, "comune") or None
        ente = resolve_ente(ente_text, comune_text, self.resolver)
        cell = row.cells.get("ente")
        if ente.ente_tipo == "altro" and cell is not None and "\n" in cell.text:
            # a word join the geometry suggested may hide a known owner ("ALER" / "Vimercate" glued)
            for reading in _readings(cell):
                other = resolve_ente(reading, comune_text, self.resolver)
                if other.ente_tipo in ("comune", "aler"):
                    ente, ente_text = other, reading
                    break
        if ente_text and ente.ente_tipo == "comune" and ente.comune is None:
            self._unresolved(table, row, "ente", ente_text)
        if comune_text and ente.comune is None and ente.resolution is not None and not ente.resolution.resolved:
            if ente.resolution.candidates:  # "COMUNI VARI" has none: it names no comune on purpose
                self._unresolved(table, row, "comune", comune_text)
        return {"ente_tipo": ente.ente_tipo, "ente": ente.ente, "comune": ente.comune, "comune_istat": ente.comune_istat}

    def _unresolved(self, table: Table, row: Row, column: str, text: str) -> None:
        table.warnings.append(PlanWarning(
            self.file, f"{column} {text!r} could not be resolved", row.page, table.id, kind="unresolved",
            row=len(table.records), column=column, text=text,
        ))

    # -- tables ----------------------------------------------------------------------------
    def build(self, match: Match) -> Table:
        spec = match.spec
        table = Table(spec.id, caption=" ".join(l.text for l in match.table.caption[-2:]))
        table.headers = header_cells(match)
        carried: dict[str, str] = {}
        carried_cells: dict[str, Cell] = {}  # the printed label behind a carried value ("AT 1")
        build_row = BUILDERS[spec.builder] if spec.builder else generic_row
        for row in self._rows(match):
            label = self._label(spec, row)
            total = bool(_TOTAL.match(label))
            # a group label ("AT 1") with no figures names the group of the rows below
            if spec.at_groups and _AT_GROUP.match(label) and not total and not self._has_numbers(spec, row):
                carried["at"] = at_label(label)
                carried_cells["at"] = row.cells.get("comune") or next(iter(row.cells.values()))
                continue
            if not total and self._only_dashes(spec, row):
                continue  # "ALBOSAGGIA | -": a comune that chose none (of a table printed with others)
            for role in spec.roles:
                if role.carry_down and row.text(role.name):
                    carried[role.name] = row.text(role.name)
                    carried_cells[role.name] = row.cells[role.name]
            if not total and not label and self._has_numbers(spec, row):
                total = "is_total" in table.columns  # an unlabelled sum line closing the table
            record = build_row(self, table, row, total, carried)
            if record is None:
                continue
            record["page"] = row.page
            sources = self._sources(spec, row)
            for name, cell in carried_cells.items():
                if name in record and record[name] is not None:
                    sources.setdefault(name, cell)
            table.records.append(record)
            table.cells.append(sources)
        doubt = low_confidence_warning(self.file, table)  # one line per table, not one per cell
        if doubt is not None:
            table.warnings.append(doubt)
        return table

    @staticmethod
    def _label(spec: TableSpec, row: Row) -> str:
        for role in (spec.key, "ente", "comune", "misura", "at", "aggregazione"):
            text = row.text(role)
            if text:
                return text
        return ""

    @staticmethod
    def _only_dashes(spec: TableSpec, row: Row) -> bool:
        """A row whose every cell but its name is a dash or blank, one dash at least: it says "none"."""
        texts = [row.text(r.name) for r in spec.roles if r.name != spec.key and not r.carry_down]
        return any(_DASH.match(t) for t in texts) and all(not t or _DASH.match(t) for t in texts)

    @staticmethod
    def _has_numbers(spec: TableSpec, row: Row) -> bool:
        return any(KINDS[r.kind].numeric and row.text(r.name) for r in spec.roles)

    @staticmethod
    def _sources(spec: TableSpec, row: Row) -> dict[str, Cell]:
        out: dict[str, Cell] = {}
        for role, cell in row.cells.items():
            out[role] = cell
        for derived, source in (
            ("comune_istat", "comune"), ("ente_tipo", "ente"), ("liberi_turnover", "liberi"),
            ("alloggi_altri_usi", "alloggi_totali"), ("di_cui_mobilita", "unita"),
        ):
            if source in row.cells:
                out.setdefault(derived, row.cells[source])
        if "comune" not in out and "ente" in row.cells:
            out["comune"] = row.cells["ente"]
            out.setdefault("comune_istat", row.cells["ente"])
        return out

    def _blank_ente(self) -> dict[str, Any]:
        return {"ente_tipo": None, "ente": None, "comune": None, "comune_istat": None}

    def _ente_or_total(self, table: Table, row: Row, total: bool) -> dict[str, Any]:
        return self._blank_ente() if total else self._ente(table, row)


def table_spec_of(table: Table) -> TableSpec:
    return SPECS_BY_ID[table.id]


def _readings(cell: Cell, most_breaks: int = 4) -> list[str]:
    """The texts a cell may mean, each line break read as a space or as a word broken by the cell."""
    lines = [line.strip() for line in cell.text.split("\n") if line.strip()]
    breaks = min(len(lines) - 1, most_breaks)
    out = []
    for mask in range(2 ** breaks):
        text = lines[0]
        for index, line in enumerate(lines[1:]):
            glue = index < breaks and mask >> index & 1
            text += line if glue else " " + line
        out.append(text)
    return out
