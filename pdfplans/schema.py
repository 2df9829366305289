"""The canonical tables of a Piano annuale (the contract of ``shared/spec/tables.md``).

Every extracted table is exported under one of these ids with exactly these columns, in this
order; ``page`` (1-based page of the row) follows them on every table.
"""
from __future__ import annotations

from typing import Final

ENTE = ("ente_tipo", "ente", "comune", "comune_istat")
UNITS = (*ENTE, "unita")

TABLE_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "popolazione": ("at", "comune", "comune_istat", "popolazione", "is_total"),
    "a_consistenza": (*ENTE, "alloggi_totali", "alloggi_sap", "alloggi_sas", "alloggi_altri_usi", "is_total"),
    "b_carenza_manutentiva": UNITS,
    "c_ristrutturazione": UNITS,
    "d_nuova_edificazione": UNITS,
    "e_libere": (*ENTE, "codice_id", "nota"),
    "e_turnover": UNITS,
    "f_conferite_privati": UNITS,
    "g_assegnabili": (*ENTE, "liberi", "liberi_turnover", "ristrutturazione", "carenza_manutentiva", "totale", "is_total"),
    "h_soglia_indigenti": ("comune", "comune_istat", "soglia_pct"),
    "i_categorie_aggiuntive": ("comune", "comune_istat", "categoria"),
    "i_forze_polizia": ("comune", "comune_istat", "quota_pct"),
    "j_transitori": UNITS,
    "k_assegnate_anno_precedente": (*UNITS, "di_cui_mobilita"),
    "misure_sostegno": ("misura", "riferimenti", "finalita"),
    "fondi_solidarieta_comuni": ("aggregazione", "comune", "comune_istat", "fondo_eur", "delega_aler", "is_total"),
    "fondi_solidarieta_enti": (*ENTE, "fondo_eur"),
    "riparto_misure": ("misura", "percentuale", "risorse_eur", "finalita"),
    "utilizzo_dgr": ("dgr", "fondo_eur", "domande_presentate", "domande_finanziate"),
    "alienazioni": ("prog", "comune", "comune_istat", "via"),
    "allegato_a": (
        *ENTE, "data_ricezione", "ora_ricezione", "ui_sas", "ui_sap", "ui_disponibili", "ui_libere_turnover",
        "ui_carenza_manutentiva", "ui_ristrutturazione", "ui_transitori", "ui_assegnate_anno_precedente",
        "ui_conferite_privati", "categoria_aggiuntiva", "soglia_indigenti_pct", "quota_forze_polizia_pct",
    ),
    "allegato_b": ("ente_tipo", "id_alloggio", "codice_alloggio", "comune", "comune_istat", "stato"),
}

TABLE_IDS: Final[tuple[str, ...]] = tuple(TABLE_COLUMNS)

INT_COLUMNS: Final[frozenset[str]] = frozenset({
    "popolazione", "alloggi_totali", "alloggi_sap", "alloggi_sas", "alloggi_altri_usi", "unita",
    "liberi", "liberi_turnover", "ristrutturazione", "carenza_manutentiva", "totale", "di_cui_mobilita",
    "domande_presentate", "domande_finanziate", "prog", "ui_sas", "ui_sap", "ui_disponibili",
    "ui_libere_turnover", "ui_carenza_manutentiva", "ui_ristrutturazione", "ui_transitori",
    "ui_assegnate_anno_precedente", "ui_conferite_privati", "page",
})
FLOAT_COLUMNS: Final[frozenset[str]] = frozenset({
    "soglia_pct", "quota_pct", "fondo_eur", "percentuale", "risorse_eur",
    "soglia_indigenti_pct", "quota_forze_polizia_pct",
})
BOOL_COLUMNS: Final[frozenset[str]] = frozenset({"is_total", "delega_aler"})


def columns_of(table_id: str) -> tuple[str, ...]:
    """Canonical columns of ``table_id`` followed by ``page``."""
    return (*TABLE_COLUMNS[table_id], "page")


def column_kind(column: str) -> str:
    """``int``, ``float``, ``bool`` or ``str``: how a canonical column is typed."""
    if column in INT_COLUMNS:
        return "int"
    if column in FLOAT_COLUMNS:
        return "float"
    if column in BOOL_COLUMNS:
        return "bool"
    return "str"
