"""Printed table + role mapping → canonical records: typed values, resolved comuni and enti.

What cannot be read is kept as null with a warning naming page, table, row and column, so that
the checks report it as an extraction problem, never as a discrepancy between figures.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import PlanWarning, ValueParseError
from ..extractors.catalog import TableSpec
from ..extractors.classify import Match
from ..extractors.cells import join_cell_text
from ..extractors.rows import continues_record, split_stacked
from ..model import Cell, Table
from . import numbers
from .comuni import Resolver
from .doubt import header_cells, low_confidence_warning
from .entities import resolve_ente

_TOTAL = re.compile(r"^\s*(totale|tot\.?)(\b|$)", re.IGNORECASE)
_AT_GROUP = re.compile(r"^\s*(at|a\.t\.|area|ambito|aggregazione)\s*[\w]{0,3}\s*\d*\s*$", re.IGNORECASE)
_AT_NUMBER = re.compile(r"\bAT\s*(\d+)\b", re.IGNORECASE)
_CODE = re.compile(r"^['’`]?[A-Z]{0,4}\d[\d\-/ .]*$", re.IGNORECASE)
_DGR = re.compile(
    r"D\.?\s*G\.?\s*R\.?\s*(?:n\.?\s*)?(?:[XVI]+\s*/\s*)?(\d{3,5})"
    r"(?:\s*/\s*(\d{4})|\s+(?:del\s+)?\d{1,2}[./-]\d{1,2}[./-](\d{2,4}))?",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]{1,200}>")
_NUMERIC_KINDS = frozenset({"int", "units_di_cui", "liberi", "pct", "euro", "date", "time"})
_STATI = (
    (re.compile(r"ristruttur", re.IGNORECASE), "sfitto_ristrutturazione"),
    (re.compile(r"carenz", re.IGNORECASE), "sfitto_carenze_manutentive"),
    (re.compile(r"^\s*liber", re.IGNORECASE), "libero"),
)


@dataclass
class _Row:
    cells: dict[str, Cell]  # role → printed cell
    page: int

    def text(self, role: str) -> str:
        return join_cell_text(self.cells.get(role))


class RecordBuilder:
    def __init__(self, file: str, resolver: Resolver) -> None:
        self.file = file
        self.resolver = resolver

    # -- rows ------------------------------------------------------------------------------
    def _rows(self, match: Match) -> list[_Row]:
        spec = match.spec
        rows: list[_Row] = []
        for printed in match.table.rows:
            cells = {
                role: printed[col] for role, col in match.roles.items() if col < len(printed) and printed[col] is not None
            }
            if not cells:
                continue
            page = min(c.page for c in cells.values())
            for row in self._split_stacked(_Row(cells, page)):
                if rows and self._continues(spec, row, rows[-1]):
                    self._append(rows[-1], row)
                    continue
                rows.append(row)
        return rows

    def _split_stacked(self, row: _Row) -> list[_Row]:
        """Rows a borderless layout ran together, split back line by line (see ``rows.split_stacked``)."""
        split = split_stacked(row.cells, "comune", lambda: self._best_reading(row, "comune").resolved,
                              lambda line: self.resolver.resolve(line).resolved)
        return [row] if split is None else [_Row(cells, row.page) for cells in split]

    @staticmethod
    def _continues(spec: TableSpec, row: _Row, previous: _Row) -> bool:
        """A row with only wrapped text: the rest of a row split by a page break or a missed rule."""
        key = spec.role(spec.key)
        if key is None:
            return False
        texts = {role: row.text(role) for role in row.cells}
        kinds = {r.name: r.kind for r in spec.roles}
        return continues_record(texts, kinds, key.name, key.carry_down, row.page > previous.page)

    @staticmethod
    def _append(previous: _Row, row: _Row) -> None:
        for role, cell in row.cells.items():
            before = previous.cells.get(role)
            if before is None:
                previous.cells[role] = cell
            else:
                box = (min(before.bbox[0], cell.bbox[0]), before.bbox[1], max(before.bbox[2], cell.bbox[2]), before.bbox[3])
                doubt = [c for c in (before.confidence, cell.confidence) if c is not None]  # the worse half counts
                previous.cells[role] = Cell(before.text + "\n" + cell.text, before.page, box, min(doubt, default=None))

    # -- values ----------------------------------------------------------------------------
    def _value(self, table: Table, row: _Row, role: str, column: str, parser: Callable[[str], Any]) -> Any:
        text = row.text(role)
        try:
            return parser(text)
        except ValueParseError as error:
            table.warnings.append(PlanWarning(
                self.file, f"{column}: {error}", row.page, table.id, kind="unreadable",
                row=len(table.records), column=column, text=text,
            ))
            return None

    def _comune(self, table: Table, row: _Row, role: str = "comune") -> tuple[str | None, str | None]:
        text = row.text(role)
        if not text:
            return None, None
        resolution = self._best_reading(row, role)
        if not resolution.resolved:
            self._unresolved(table, row, "comune", text)
        return resolution.comune, resolution.comune_istat

    def _best_reading(self, row: _Row, role: str):
        """Resolve a name both with and without the word joins the geometry suggested."""
        return self.resolver.resolve(self._name_text(row, role))

    def _name_text(self, row: _Row, role: str) -> str:
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

    def _ente(self, table: Table, row: _Row) -> dict[str, Any]:
        ente_text = self._name_text(row, "ente") or None
        comune_text = self._name_text(row, "comune") or None
        ente = resolve_ente(ente_text, comune_text, self.resolver)
        if ente_text and ente.ente_tipo == "comune" and ente.comune is None:
            self._unresolved(table, row, "ente", ente_text)
        if comune_text and ente.comune is None and ente.resolution is not None and not ente.resolution.resolved:
            if ente.resolution.candidates:  # "COMUNI VARI" has none: it names no comune on purpose
                self._unresolved(table, row, "comune", comune_text)
        return {"ente_tipo": ente.ente_tipo, "ente": ente.ente, "comune": ente.comune, "comune_istat": ente.comune_istat}

    def _unresolved(self, table: Table, row: _Row, column: str, text: str) -> None:
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
        build_row = getattr(self, f"_row_{spec.id}", None) or self._row_units
        for row in self._rows(match):
            label = self._label(spec, row)
            total = bool(_TOTAL.match(label))
            if spec.id == "popolazione" and _AT_GROUP.match(label) and not total and not row.text("popolazione"):
                carried["at"] = _at_label(label)
                carried_cells["at"] = row.cells.get("comune") or next(iter(row.cells.values()))
                continue
            for role in spec.roles:
                if role.carry_down and row.text(role.name):
                    carried[role.name] = row.text(role.name)
                    carried_cells[role.name] = row.cells[role.name]
            if not total and not label and self._has_numbers(spec, row):
                total = "is_total" in table.columns  # an unlabelled sum line closing the table
            record = build_row(table, row, total, carried)
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
    def _label(spec: TableSpec, row: _Row) -> str:
        for role in (spec.key, "ente", "comune", "misura", "at", "aggregazione"):
            text = row.text(role)
            if text:
                return text
        return ""

    @staticmethod
    def _has_numbers(spec: TableSpec, row: _Row) -> bool:
        return any(r.kind in _NUMERIC_KINDS and row.text(r.name) for r in spec.roles)

    @staticmethod
    def _sources(spec: TableSpec, row: _Row) -> dict[str, Cell]:
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

    def _ente_or_total(self, table: Table, row: _Row, total: bool) -> dict[str, Any]:
        return self._blank_ente() if total else self._ente(table, row)

    def _row_units(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente_or_total(table, row, total)
        record["unita"] = self._value(table, row, "unita", "unita", numbers.parse_int)
        return record

    def _row_popolazione(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        label = self._label(table_spec(table), row)
        at = carried.get("at")
        if total:
            match = _AT_NUMBER.search(label)
            at = f"AT {match.group(1)}" if match else (at if re.search(r"\bAT\b", label, re.I) else None)
            comune = istat = None
        else:
            comune, istat = self._comune(table, row)
        return {
            "at": at, "comune": comune, "comune_istat": istat,
            "popolazione": self._value(table, row, "popolazione", "popolazione", numbers.parse_int), "is_total": total,
        }

    def _row_a_consistenza(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente_or_total(table, row, total)
        totale, altri = self._value(table, row, "alloggi_totali", "alloggi_totali", numbers.parse_with_part) or (None, None)
        record.update(
            alloggi_totali=totale,
            alloggi_sap=self._value(table, row, "alloggi_sap", "alloggi_sap", numbers.parse_int),
            alloggi_sas=self._value(table, row, "alloggi_sas", "alloggi_sas", numbers.parse_int),
            alloggi_altri_usi=altri if altri is not None else (0 if totale is not None else None),
            is_total=total,
        )
        return record

    def _row_e_libere(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente(table, row)
        text = row.text("codice_id")
        code = nota = None
        if text and not numbers.is_null(text):
            if _CODE.match(text):
                code = numbers.parse_code(text)
            else:
                comune_text = row.text("comune")
                nota = text[len(comune_text):].strip() if comune_text and text.upper().startswith(comune_text.upper()) else text
        record.update(codice_id=code, nota=nota or None)
        return record

    def _row_g_assegnabili(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente_or_total(table, row, total)
        liberi, turnover = self._value(table, row, "liberi", "liberi", numbers.parse_liberi) or (None, 0)
        record.update(
            liberi=liberi,
            liberi_turnover=turnover if liberi is not None else None,
            ristrutturazione=self._value(table, row, "ristrutturazione", "ristrutturazione", numbers.parse_int),
            carenza_manutentiva=self._value(table, row, "carenza_manutentiva", "carenza_manutentiva", numbers.parse_int),
            totale=self._value(table, row, "totale", "totale", numbers.parse_int),
            is_total=total,
        )
        return record

    def _row_h_soglia_indigenti(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        comune, istat = self._comune(table, row)
        return {"comune": comune, "comune_istat": istat, "soglia_pct": self._value(table, row, "soglia_pct", "soglia_pct", numbers.parse_percent)}

    def _row_i_categorie_aggiuntive(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        comune, istat = self._comune(table, row)
        return {"comune": comune, "comune_istat": istat, "categoria": _plain(row.text("categoria")) or None}

    def _row_i_forze_polizia(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        comune, istat = self._comune(table, row)
        return {"comune": comune, "comune_istat": istat, "quota_pct": self._value(table, row, "quota_pct", "quota_pct", numbers.parse_percent)}

    def _row_k_assegnate_anno_precedente(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente_or_total(table, row, total)
        unita, di_cui = self._value(table, row, "unita", "unita", numbers.parse_with_part) or (None, None)
        record.update(unita=unita, di_cui_mobilita=di_cui)
        return record

    def _row_misure_sostegno(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        return {"misura": _plain(row.text("misura")) or None, "riferimenti": dgr_references(row.text("riferimenti")), "finalita": _plain(row.text("finalita")) or None}

    def _row_fondi_solidarieta_comuni(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        comune, istat = (None, None) if total else self._comune(table, row)
        return {
            "aggregazione": None if total else carried.get("aggregazione"),
            "comune": comune, "comune_istat": istat,
            "fondo_eur": self._value(table, row, "fondo_eur", "fondo_eur", numbers.parse_euro),
            "delega_aler": self._value(table, row, "delega_aler", "delega_aler", numbers.parse_si_no),
            "is_total": total,
        }

    def _row_fondi_solidarieta_enti(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente_or_total(table, row, total)
        record["fondo_eur"] = self._value(table, row, "fondo_eur", "fondo_eur", numbers.parse_euro)
        return record

    def _row_riparto_misure(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        return {
            "misura": _plain(row.text("misura")) or None,
            "percentuale": self._value(table, row, "percentuale", "percentuale", numbers.parse_percent),
            "risorse_eur": self._value(table, row, "risorse_eur", "risorse_eur", numbers.parse_euro),
            "finalita": _plain(row.text("finalita")) or None,
        }

    def _row_utilizzo_dgr(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        return {
            "dgr": dgr_references(row.text("dgr")) or (_plain(row.text("dgr")) or None),
            "fondo_eur": self._value(table, row, "fondo_eur", "fondo_eur", numbers.parse_euro),
            "domande_presentate": self._value(table, row, "domande_presentate", "domande_presentate", numbers.parse_int),
            "domande_finanziate": self._value(table, row, "domande_finanziate", "domande_finanziate", numbers.parse_int),
        }

    def _row_alienazioni(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        comune, istat = self._comune(table, row)
        return {"prog": self._value(table, row, "prog", "prog", numbers.parse_int), "comune": comune, "comune_istat": istat, "via": _plain(row.text("via")) or None}

    def _row_allegato_a(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        record = self._ente(table, row)
        categoria = _plain(row.text("categoria_aggiuntiva"))
        record.update(
            data_ricezione=self._value(table, row, "data_ricezione", "data_ricezione", numbers.parse_date),
            ora_ricezione=self._value(table, row, "ora_ricezione", "ora_ricezione", numbers.parse_time),
        )
        for column in ("ui_sas", "ui_sap", "ui_disponibili", "ui_libere_turnover", "ui_carenza_manutentiva",
                       "ui_ristrutturazione", "ui_transitori", "ui_assegnate_anno_precedente", "ui_conferite_privati"):
            record[column] = self._value(table, row, column, column, numbers.parse_int)
        record["categoria_aggiuntiva"] = None if categoria.upper() in ("", "NO", "-") else categoria
        record["soglia_indigenti_pct"] = self._value(table, row, "soglia_indigenti_pct", "soglia_indigenti_pct", numbers.parse_percent)
        record["quota_forze_polizia_pct"] = self._value(table, row, "quota_forze_polizia_pct", "quota_forze_polizia_pct", numbers.parse_percent)
        return record

    def _row_allegato_b(self, table: Table, row: _Row, total: bool, carried: dict) -> dict[str, Any]:
        tipo = row.text("ente_tipo").upper()
        comune, istat = self._comune(table, row)
        stato_text = _plain(row.text("stato"))
        stato = next((value for pattern, value in _STATI if pattern.search(stato_text)), stato_text.lower() or None)
        return {
            "ente_tipo": "aler" if "ALER" in tipo else ("comune" if "COMUN" in tipo else ("altro" if tipo else None)),
            "id_alloggio": numbers.parse_code(row.text("id_alloggio")),
            "codice_alloggio": numbers.parse_code(row.text("codice_alloggio")),
            "comune": comune, "comune_istat": istat, "stato": stato,
        }


def table_spec(table: Table) -> TableSpec:
    from ..extractors.catalog import SPECS_BY_ID

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


def _at_label(text: str) -> str:
    match = _AT_NUMBER.search(text)
    return f"AT {match.group(1)}" if match else " ".join(text.split())


def _plain(text: str) -> str:
    """Cell text without the HTML some offices paste from web pages, whitespace collapsed."""
    if "<" in text and ">" in text:
        text = html.unescape(_TAGS.sub(" ", text))
    return " ".join(text.split())


def dgr_references(text: str) -> str | None:
    """"DGR 4833 del 07.06.2021 DGR 6732 del 25.07.2022" → "DGR 4833/2021; DGR 6732/2022"."""
    found = []
    for match in _DGR.finditer(text or ""):
        year = match.group(2) or match.group(3)
        if year and len(year) == 2:
            year = "20" + year
        reference = f"DGR {match.group(1)}/{year}" if year else f"DGR {match.group(1)}"
        if reference not in found:
            found.append(reference)
    return "; ".join(found) or None
