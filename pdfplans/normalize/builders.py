"""Row builders: how a row of a canonical table becomes a record, one function per table that
needs more than the generic builder.

The generic builder (``generic_row``) reads every column from the role of the same name with the
parser of the role's kind (``extractors/kinds.py``), the ente group from the ``ente`` role and
the ISTAT code from ``comune``. A table declares its own builder by name in its ``TableSpec``
(``builder="..."``); the two are checked against each other when this module loads.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..extractors.catalog import SPECS, SPECS_BY_ID, TableSpec
from ..extractors.kinds import KINDS
from ..model import Table
from . import numbers

if TYPE_CHECKING:
    from .records import RecordBuilder, Row

Record = dict[str, Any]
Builder = Callable[["RecordBuilder", Table, "Row", bool, dict[str, str]], Record]
BUILDERS: dict[str, Builder] = {}

AT_NUMBER = re.compile(r"\bAT\s*(\d+)\b", re.IGNORECASE)
_CODE = re.compile(r"^['’`]?[A-Z]{0,4}[-/]?\d[\d\-/ .]*$", re.IGNORECASE)  # 23861431, 'BS151846, CM-014
_DGR = re.compile(
    r"D\.?\s*G\.?\s*R\.?\s*(?:n\.?\s*)?(?:[XVI]+\s*/\s*)?(\d{3,5})"
    r"(?:\s*/\s*(\d{4})|\s+(?:del\s+)?\d{1,2}[./-]\d{1,2}[./-](\d{2,4}))?",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]{1,200}>")
_STATI = (
    (re.compile(r"ristruttur", re.IGNORECASE), "sfitto_ristrutturazione"),
    (re.compile(r"carenz", re.IGNORECASE), "sfitto_carenze_manutentive"),
    (re.compile(r"^\s*liber", re.IGNORECASE), "libero"),
)


def builder(name: str) -> Callable[[Builder], Builder]:
    def register(function: Builder) -> Builder:
        BUILDERS[name] = function
        return function

    return register


def generic_row(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    """Each column from its role, in column order; the ente group (blank on a total row) or the
    comune with its ISTAT code resolved where they come."""
    spec = table_spec(table)
    record: Record = {}
    for column in spec.columns:
        if column in record:
            continue
        if column == "is_total":
            record[column] = total
        elif column in ("ente_tipo", "ente") or (column in ("comune", "comune_istat") and spec.role("ente")):
            record.update(b._ente_or_total(table, row, total))
        elif column in ("comune", "comune_istat"):
            record["comune"], record["comune_istat"] = b._comune(table, row)
        elif KINDS[_role_kind(spec.id, column)].parse is None:
            record[column] = plain_text(row.text(column)) or None
        else:
            record[column] = b.read(table, row, column)
    return record


def _role_kind(table_id: str, column: str) -> str:
    role = SPECS_BY_ID[table_id].role(column)
    assert role is not None  # checked when the catalog loads
    return role.kind


@builder("popolazione")
def _popolazione(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    label = b._label(table_spec(table), row)
    at = carried.get("at")
    if total:
        match = AT_NUMBER.search(label)
        at = f"AT {match.group(1)}" if match else (at if re.search(r"\bAT\b", label, re.I) else None)
        comune = istat = None
    else:
        comune, istat = b._comune(table, row)
    return {
        "at": at, "comune": comune, "comune_istat": istat,
        "popolazione": b.read(table, row, "popolazione"), "is_total": total,
    }


@builder("a_consistenza")
def _a_consistenza(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    record = b._ente_or_total(table, row, total)
    totale, altri = b.read(table, row, "alloggi_totali") or (None, None)
    record.update(
        alloggi_totali=totale,
        alloggi_sap=b.read(table, row, "alloggi_sap"),
        alloggi_sas=b.read(table, row, "alloggi_sas"),
        alloggi_altri_usi=altri if altri is not None else (0 if totale is not None else None),
        is_total=total,
    )
    return record


@builder("e_libere")
def _e_libere(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    record = b._ente(table, row)
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


@builder("g_assegnabili")
def _g_assegnabili(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    record = b._ente_or_total(table, row, total)
    liberi, turnover = b.read(table, row, "liberi") or (None, 0)
    record.update(
        liberi=liberi,
        liberi_turnover=turnover if liberi is not None else None,
        ristrutturazione=b.read(table, row, "ristrutturazione"),
        carenza_manutentiva=b.read(table, row, "carenza_manutentiva"),
        totale=b.read(table, row, "totale"),
        is_total=total,
    )
    return record


@builder("k_assegnate_anno_precedente")
def _k_assegnate_anno_precedente(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    record = b._ente_or_total(table, row, total)
    unita, di_cui = b.read(table, row, "unita") or (None, None)
    record.update(unita=unita, di_cui_mobilita=di_cui)
    return record


@builder("misure_sostegno")
def _misure_sostegno(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    return {
        "misura": plain_text(row.text("misura")) or None,
        "riferimenti": dgr_references(row.text("riferimenti")),
        "finalita": plain_text(row.text("finalita")) or None,
    }


@builder("fondi_solidarieta_comuni")
def _fondi_solidarieta_comuni(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    comune, istat = (None, None) if total else b._comune(table, row)
    return {
        "aggregazione": None if total else carried.get("aggregazione"),
        "comune": comune, "comune_istat": istat,
        "fondo_eur": b.read(table, row, "fondo_eur"),
        "delega_aler": b.read(table, row, "delega_aler"),
        "is_total": total,
    }


@builder("utilizzo_dgr")
def _utilizzo_dgr(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    return {
        "dgr": dgr_references(row.text("dgr")) or (plain_text(row.text("dgr")) or None),
        "fondo_eur": b.read(table, row, "fondo_eur"),
        "domande_presentate": b.read(table, row, "domande_presentate"),
        "domande_finanziate": b.read(table, row, "domande_finanziate"),
    }


@builder("allegato_a")
def _allegato_a(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    record = b._ente(table, row)
    categoria = plain_text(row.text("categoria_aggiuntiva"))
    record.update(
        data_ricezione=b.read(table, row, "data_ricezione"),
        ora_ricezione=b.read(table, row, "ora_ricezione"),
    )
    for column in ("ui_sas", "ui_sap", "ui_disponibili", "ui_libere_turnover", "ui_carenza_manutentiva",
                   "ui_ristrutturazione", "ui_transitori", "ui_assegnate_anno_precedente", "ui_conferite_privati"):
        record[column] = b.read(table, row, column)
    record["categoria_aggiuntiva"] = None if categoria.upper() in ("", "NO", "-") else categoria
    record["soglia_indigenti_pct"] = b.read(table, row, "soglia_indigenti_pct")
    record["quota_forze_polizia_pct"] = b.read(table, row, "quota_forze_polizia_pct")
    return record


@builder("allegato_b")
def _allegato_b(b: RecordBuilder, table: Table, row: Row, total: bool, carried: dict[str, str]) -> Record:
    tipo = row.text("ente_tipo").upper()
    comune, istat = b._comune(table, row)
    stato_text = plain_text(row.text("stato"))
    stato = next((value for pattern, value in _STATI if pattern.search(stato_text)), stato_text.lower() or None)
    return {
        "ente_tipo": "aler" if "ALER" in tipo else ("comune" if "COMUN" in tipo else ("altro" if tipo else None)),
        "id_alloggio": numbers.parse_code(row.text("id_alloggio")),
        "codice_alloggio": numbers.parse_code(row.text("codice_alloggio")),
        "comune": comune, "comune_istat": istat, "stato": stato,
    }


def table_spec(table: Table) -> TableSpec:
    return SPECS_BY_ID[table.id]


def at_label(text: str) -> str:
    match = AT_NUMBER.search(text)
    return f"AT {match.group(1)}" if match else " ".join(text.split())


def plain_text(text: str) -> str:
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



def _check_builders() -> None:
    """Every builder a table names exists, and every builder here serves a table."""
    named = {spec.builder for spec in SPECS if spec.builder}
    if named != set(BUILDERS):
        raise RuntimeError(f"row builders named but missing: {sorted(named - set(BUILDERS))}; "
                           f"defined but unused: {sorted(set(BUILDERS) - named)}")


_check_builders()
