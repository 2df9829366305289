"""Text and JSON reports."""
from __future__ import annotations

import json

import pytest
from test_checks_support import check, comune, rules, table

from pdfplans.checks import render_report


def findings_of_two_kinds():
    a = table("a_consistenza", [{**comune("Soresina"), "alloggi_totali": 123, "alloggi_sap": 114, "alloggi_sas": 8,
                                 "alloggi_altri_usi": 0, "is_total": False}])
    allegato = table("allegato_a", [{**comune("Ostiano"), "ui_sap": 0}])
    return check(a, allegato)


def test_text_report_groups_by_severity_then_rule() -> None:
    findings = findings_of_two_kinds()
    assert rules(findings) == ["a_row_sum", "allegato_a_extra_ente"]
    plain = render_report(findings, findings.plans, "text", color=False)
    assert "\x1b[" not in plain
    assert plain.index("ERROR (1)") < plain.index("a_row_sum") < plain.index("WARNING (1)") < plain.index(
        "allegato_a_extra_ente")
    assert findings[0].message in plain.replace("\n", " ") or "alloggi_totali prints 123" in plain
    coloured = render_report(findings, findings.plans, "text", color=True)
    assert "\x1b[" in coloured


def test_json_report_is_the_interface_object() -> None:
    findings = findings_of_two_kinds()
    data = json.loads(render_report(findings, findings.plans, "json"))
    assert [f["rule"] for f in data["findings"]] == ["a_row_sum", "allegato_a_extra_ente"]
    assert data["findings"][0]["expected"] == 122 and data["findings"][0]["found"] == 123
    assert data["plans"][0]["ambito"] == "Cremonese"


def test_unknown_format() -> None:
    with pytest.raises(ValueError):
        render_report(findings_of_two_kinds(), None, "pdf")
