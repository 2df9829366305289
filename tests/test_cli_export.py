"""Spreadsheet users: --xlsx (a typed sheet per table, warnings and findings with pages) and
--csv-dialect excel-it (semicolon, decimal comma, BOM). Figures from samples/expected/."""
from __future__ import annotations

import csv

from cli_helpers import SAMPLES, run
from openpyxl import load_workbook

PLAN = SAMPLES / "cremonese_2023.pdf"
EXPECTED = SAMPLES / "expected" / "cremonese_2023"


def _expected(table_id: str) -> list[dict[str, str]]:
    with open(EXPECTED / f"{table_id}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_xlsx_has_typed_sheets_and_the_warnings_and_findings_with_pages(tmp_path):
    result = run("extract", PLAN, "--out", tmp_path, "--xlsx", "-q")
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "plan.xlsx")
    assert {"g_assegnabili", "fondi_solidarieta_comuni", "warnings", "findings"} <= set(book.sheetnames)
    g = list(book["g_assegnabili"].values)
    header, rows = list(g[0]), g[1:]
    totals = [row[header.index("totale")] for row in rows]
    assert totals == [int(r["totale"]) for r in _expected("g_assegnabili")]  # numbers, not texts
    assert all(isinstance(v, int) for v in totals)
    funds = list(book["fondi_solidarieta_comuni"].values)
    amounts = [r[list(funds[0]).index("fondo_eur")] for r in funds[1:]]
    want = [float(r["fondo_eur"]) if r["fondo_eur"] else None for r in _expected("fondi_solidarieta_comuni")]
    assert [a if a is None else round(a, 2) for a in amounts] == want
    assert any(isinstance(a, float) and a != int(a) for a in amounts)  # cents kept
    findings = list(book["findings"].values)
    assert findings[0][:2] == ("severity", "rule") and len(findings) > 1
    pages = list(findings[0]).index("pages")
    assert all(row[pages] for row in findings[1:])


def test_excel_it_dialect(tmp_path):
    assert run("extract", PLAN, "--out", tmp_path, "--csv-dialect", "excel-it", "-q").exit_code == 0
    raw = (tmp_path / "fondi_solidarieta_comuni.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    want = _expected("fondi_solidarieta_comuni")
    assert all("." not in r["fondo_eur"] for r in rows) and any("," in r["fondo_eur"] for r in rows)
    assert [float(r["fondo_eur"].replace(",", ".")) for r in rows] == [float(w["fondo_eur"]) for w in want]
    assert rows[0]["comune"] == want[0]["comune"]
    assert run("extract", PLAN, "--out", tmp_path / "x", "--csv-dialect", "tsv").exit_code == 2
