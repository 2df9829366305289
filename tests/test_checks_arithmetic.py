"""Families 1 and 2: row arithmetic and printed totals, on hand-made tables."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_checks_support import ISTAT, aler, check, comune, place, rules, table

NAMES = list(ISTAT)


def a_row(name: str, sap: int, sas: int, altri: int = 0) -> dict:
    return {**comune(name), "alloggi_totali": sap + sas + altri, "alloggi_sap": sap, "alloggi_sas": sas,
            "alloggi_altri_usi": altri, "is_total": False}


def test_a_row_with_di_cui_altri_usi_is_consistent() -> None:
    # seed: "GRUMELLO ... 29 di cui 7 per altri usi abitativi | 22 | 0"
    assert rules(check(table("a_consistenza", [a_row("Cremona", 22, 0, 7)]))) == []


def test_a_row_that_does_not_add_up_fires() -> None:
    row = {**a_row("Soresina", 114, 8), "alloggi_totali": 123}
    findings = check(table("a_consistenza", [row]))
    assert rules(findings) == ["a_row_sum"]
    assert (findings[0].expected, findings[0].found, findings[0].field) == (122, 123, "alloggi_totali")


def test_a_row_with_a_missing_figure_is_not_read_as_zero() -> None:
    row = {**a_row("Soresina", 114, 8), "alloggi_sas": None}
    assert rules(check(table("a_consistenza", [row]))) == []


def test_g_row_sum() -> None:
    ok = {**comune("Cella Dati"), "liberi": 4, "liberi_turnover": 0, "ristrutturazione": 0,
          "carenza_manutentiva": 1, "totale": 5, "is_total": False}
    bad = {**ok, **comune("Soresina"), "totale": 6}
    assert rules(check(table("g_assegnabili", [ok, bad]))) == ["g_row_sum"]


def test_allegato_a_row_sum_fires_like_torre_de_picenardi() -> None:
    # seed Allegato A: "COMUNE DI TORRE DE' PICENARDI ... 0 12 1 0 0 0 ..." (disponibili 1, parts 0)
    row = {**comune("Malagnino"), "ui_sap": 12, "ui_disponibili": 1, "ui_libere_turnover": 0,
           "ui_carenza_manutentiva": 0, "ui_ristrutturazione": 0, "ui_conferite_privati": 0}
    good = {**row, **comune("Soresina"), "ui_disponibili": 10, "ui_libere_turnover": 1, "ui_ristrutturazione": 9}
    findings = check(table("allegato_a", [row, good]))
    assert rules(findings) == ["allegato_a_row_sum"]
    assert findings[0].comune == "Malagnino" and (findings[0].expected, findings[0].found) == (0, 1)


def test_popolazione_subtotals_and_grand_total() -> None:
    rows = [
        {"at": "AT 1", **place("Cremona"), "popolazione": 570, "is_total": False},
        {"at": "AT 1", **place("Soresina"), "popolazione": 3692, "is_total": False},
        {"at": "AT 1", "comune": "", "comune_istat": "", "popolazione": 4262, "is_total": True},
        {"at": "AT 2", **place("Ostiano"), "popolazione": 2764, "is_total": False},
        {"at": "AT 2", "comune": "", "comune_istat": "", "popolazione": 2764, "is_total": True},
        {"at": "", "comune": "", "comune_istat": "", "popolazione": 7026, "is_total": True},
    ]
    assert rules(check(table("popolazione", rows))) == []
    rows[2]["popolazione"] = 4263
    rows[5]["popolazione"] = 7000
    findings = check(table("popolazione", rows))
    assert rules(findings) == ["popolazione_total_at", "popolazione_total"]
    assert (findings[0].expected, findings[0].found) == (4262, 4263)
    assert (findings[1].expected, findings[1].found) == (7026, 7000)


def test_a_total_row_is_checked_column_by_column_not_by_row_arithmetic() -> None:
    # seed: "TOTALE 4045 3889 142": the total prints no "di cui altri usi", yet 4045 ≠ 3889 + 142
    rows = [a_row("Cremona", 931, 93, 4), {**aler(), "alloggi_totali": 2437, "alloggi_sap": 2420,
                                            "alloggi_sas": 17, "alloggi_altri_usi": 0, "is_total": False},
            {"alloggi_totali": 3465, "alloggi_sap": 3351, "alloggi_sas": 110, "alloggi_altri_usi": 0, "is_total": True}]
    assert rules(check(table("a_consistenza", rows))) == []
    rows[2]["alloggi_sap"] = 3350
    findings = check(table("a_consistenza", rows))
    assert rules(findings) == ["a_total"] and findings[0].field == "alloggi_sap"


def test_g_total_skips_a_column_with_non_comunicato() -> None:
    rows = [{**comune("Cremona"), "liberi": None, "liberi_turnover": 0, "ristrutturazione": 53,
             "carenza_manutentiva": 0, "totale": None, "is_total": False},
            {"liberi": 62, "liberi_turnover": 0, "ristrutturazione": 53, "carenza_manutentiva": 0, "totale": 115,
             "is_total": True}]
    assert rules(check(table("g_assegnabili", rows))) == []


@st.composite
def consistent_a(draw: st.DrawFn) -> list[dict]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=len(NAMES), unique=True))
    rows = [a_row(n, draw(st.integers(0, 3000)), draw(st.integers(0, 200)), draw(st.integers(0, 9))) for n in names]
    total = {"alloggi_totali": sum(r["alloggi_totali"] for r in rows), "alloggi_sap": sum(r["alloggi_sap"] for r in rows),
             "alloggi_sas": sum(r["alloggi_sas"] for r in rows), "alloggi_altri_usi": 0, "is_total": True}
    return [*rows, total]


@settings(max_examples=60, deadline=None)
@given(consistent_a())
def test_random_consistent_a_never_fires(rows: list[dict]) -> None:
    assert rules(check(table("a_consistenza", rows))) == []


@settings(max_examples=60, deadline=None)
@given(consistent_a(), st.data())
def test_perturbing_one_cell_of_a_always_fires(rows: list[dict], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.sampled_from(["alloggi_totali", "alloggi_sap", "alloggi_sas"]))
    delta = data.draw(st.integers(1, 50) | st.integers(-50, -1))
    rows[index][column] += delta
    fired = set(rules(check(table("a_consistenza", rows))))
    assert fired and fired <= {"a_row_sum", "a_total"}
