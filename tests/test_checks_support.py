"""Builders of small hand-made plans for the checks' tests, and tests of the findings objects."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pdfplans.checks import RULES, Finding, Findings, rules_markdown, run_checks
from pdfplans.errors import PlanWarning
from pdfplans.model import Cell, Plan, Table
from pdfplans.schema import TABLE_COLUMNS

ISTAT = {"Cremona": "019036", "Cella Dati": "019027", "Soresina": "019098", "Vescovato": "019112",
         "Ostiano": "019065", "Bonemerse": "019007", "Malagnino": "019055", "Castelverde": "019022"}
ALER = "ALER Brescia-Cremona-Mantova"


def comune(name: str) -> dict[str, Any]:
    """The entity columns of a row owned by the Comune ``name``."""
    return {"ente_tipo": "comune", "ente": f"Comune di {name}", "comune": name, "comune_istat": ISTAT[name]}


def aler(name: str | None = None) -> dict[str, Any]:
    """The entity columns of an ALER row, for units in comune ``name`` (or none)."""
    return {"ente_tipo": "aler", "ente": ALER, "comune": name or "", "comune_istat": ISTAT[name] if name else ""}


def place(name: str) -> dict[str, Any]:
    """comune/comune_istat only (tables h, i, popolazione, alienazioni)."""
    return {"comune": name, "comune_istat": ISTAT[name]}


def table(table_id: str, rows: list[dict[str, Any]], page: int = 3,
          ocr: dict[tuple[int, str], float] | None = None) -> Table:
    """A Table whose every printed value has a cell (text = the value) on ``page``.

    Boxes are laid out as a grid (row i, column j), so tests can render them; ``ocr`` gives an OCR
    confidence to some (row, column) cells.
    """
    records, cells = [], []
    for i, row in enumerate(rows):
        record = {c: row.get(c) for c in TABLE_COLUMNS[table_id]}
        record.update({k: v for k, v in row.items() if k not in record})
        record.setdefault("page", page)
        record["page"] = row.get("page", page)
        records.append(record)
        row_cells = {}
        for j, column in enumerate(TABLE_COLUMNS[table_id]):
            value = row.get(column)
            if value is None or column in ("ente_tipo", "comune_istat", "is_total"):
                continue
            confidence = (ocr or {}).get((i, column))
            box = (40.0 + 60 * (j % 8), 60.0 + 16 * (i % 40), 95.0 + 60 * (j % 8), 74.0 + 16 * (i % 40))
            row_cells[column] = Cell(str(value), record["page"], box, confidence)
        cells.append(row_cells)
    return Table(table_id, records=records, cells=cells)


def plan(*tables: Table, text: list[tuple[int, str]] | None = None, warnings: list[PlanWarning] | None = None,
         file: str = "/nonexistent/plan.pdf", ambito: str = "Cremonese", anno: int = 2023, **extra: Any) -> Plan:
    return Plan(file=file, sha256="0" * 64, pages=20, ambito=ambito, anno=anno,
                tables={t.id: t for t in tables}, text=text or [], warnings=warnings or [], **extra)


def rules(findings: Findings) -> list[str]:
    return [f.rule for f in findings]


def check(*tables: Table, **kwargs: Any) -> Findings:
    return run_checks([plan(*tables, **kwargs)])


# -- tests of the findings objects ----------------------------------------------------------------
def test_every_rule_is_documented_in_docs_rules_md() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", doc, flags=re.M))
    assert documented == set(RULES)
    assert rules_markdown() in doc  # the table is the registry's, not an edited copy


def test_json_has_exactly_the_interface_keys() -> None:
    g = table("g_assegnabili", [{**comune("Cremona"), "liberi": 1, "liberi_turnover": 0, "ristrutturazione": 0,
                                 "carenza_manutentiva": 0, "totale": 2, "is_total": False, "page": 9}])
    findings = check(g)
    data = json.loads(findings.to_json())
    assert set(data) == {"plans", "findings"}
    assert data["plans"] == [{"file": "/nonexistent/plan.pdf", "sha256": "0" * 64, "ambito": "Cremonese", "anno": 2023}]
    assert [list(f) for f in data["findings"]] == [["rule", "severity", "message", "tables", "ente", "comune",
                                                    "comune_istat", "field", "expected", "found", "pages",
                                                    "file", "sha256", "ambito", "anno"]]
    only = data["findings"][0]
    assert (only["file"], only["sha256"], only["anno"]) == ("/nonexistent/plan.pdf", "0" * 64, 2023)
    assert (only["rule"], only["expected"], only["found"], only["pages"]) == ("g_row_sum", 1, 2, [9])
    assert only["comune_istat"] == "019036" and only["ente"] == "Comune di Cremona"


def test_findings_helpers() -> None:
    items = [Finding("a_row_sum", "error", "x"), Finding("g_row_sum", "warning", "y"),
             Finding("extraction_unreadable_value", "warning", "z", kind="extraction")]
    findings = Findings(items)
    assert len(findings.errors) == 1 and findings.has_discrepancies
    assert list(findings.by_rule()) == ["a_row_sum", "g_row_sum", "extraction_unreadable_value"]
    assert not Findings(items[1:]).has_discrepancies  # warnings and extraction problems are not discrepancies
    frame = findings.df
    assert list(frame["rule"]) == ["a_row_sum", "g_row_sum", "extraction_unreadable_value"]
    assert "<table>" in findings._repr_html_()
    assert isinstance(findings[0:2], Findings) and len(findings[0:2]) == 2


def test_an_empty_plan_has_no_findings() -> None:
    assert len(run_checks([plan()])) == 0
