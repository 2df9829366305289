"""Load the expected CSVs transcribed from the seed and compare extracted tables cell by cell."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pdfplans.export import read_table_csv
from pdfplans.schema import TABLE_COLUMNS, column_kind

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def load_expected(sample: str, table_id: str) -> list[dict[str, Any]]:
    return read_table_csv(SAMPLES / "expected" / sample / f"{table_id}.csv", table_id)


def _same(column: str, expected: Any, found: Any) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    if column_kind(column) == "float":
        return abs(float(expected) - float(found)) < 0.005
    return expected == found


def differences(table_id: str, expected: list[dict], found: list[dict]) -> list[str]:
    """Human-readable list of every differing cell (empty when the tables are equal)."""
    out = []
    if len(expected) != len(found):
        out.append(f"{table_id}: {len(found)} rows, expected {len(expected)}")
    for index, (want, got) in enumerate(zip(expected, found)):
        for column in TABLE_COLUMNS[table_id]:
            if not _same(column, want[column], got.get(column)):
                out.append(f"{table_id}[{index}].{column}: found {got.get(column)!r}, expected {want[column]!r}")
    return out


def expected_name(sample: str) -> str:
    """The expected set of a rendering: its own, else the plan it renders ("cremonese_2023_alt")."""
    name = sample.split("__")[0]
    while not (SAMPLES / "expected" / name).is_dir() and "_" in name:
        name = name.rsplit("_", 1)[0]
    return name


# samples made of some pages of a plan: the tables printed wholly on those pages (samples/build/
# build_all.py SCANS, as samples/build/table_pages.py finds them in the text PDF; the empty f) is a
# sentence on page 9)
PART_TABLES = ("e_libere", "e_turnover", "f_conferite_privati", "g_assegnabili", "h_soglia_indigenti",
               "i_categorie_aggiuntive", "i_forze_polizia", "j_transitori", "k_assegnate_anno_precedente",
               "riparto_misure", "utilizzo_dgr", "allegato_a")
PARTIAL = {"cremonese_2023_scan_150": PART_TABLES, "cremonese_2023_scan_300": PART_TABLES}


def sample_tables(sample: str) -> list[str]:
    """Ids of the tables a sample or rendering prints: its plan's, or the part of them its pages hold."""
    tables = expected_tables(expected_name(sample))
    part = PARTIAL.get(sample.split("__")[0])
    return [t for t in tables if part is None or t in part]


def expected_tables(name: str) -> list[str]:
    """Ids of the tables transcribed for ``name``, in canonical order."""
    from pdfplans.schema import TABLE_IDS

    present = {p.stem for p in (SAMPLES / "expected" / name).glob("*.csv")}
    return [t for t in TABLE_IDS if t in present]
