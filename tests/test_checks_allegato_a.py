"""Family 5: Allegato A against a, g, f, h, i, j, k, and the presence of every ente."""
from __future__ import annotations

from test_checks_support import ALER, aler, check, comune, place, rules, table


def a_row(who: dict, **values: object) -> dict:
    base = {"ui_sas": 0, "ui_sap": 0, "ui_disponibili": 0, "ui_libere_turnover": 0, "ui_carenza_manutentiva": 0,
            "ui_ristrutturazione": 0, "ui_transitori": 0, "ui_assegnate_anno_precedente": 0,
            "ui_conferite_privati": 0, "categoria_aggiuntiva": None, "soglia_indigenti_pct": 0.0,
            "quota_forze_polizia_pct": 0.0}
    return {**who, **base, **values}


def g_row(who: dict, liberi: int, ristr: int, carenza: int) -> dict:
    return {**who, "liberi": liberi, "liberi_turnover": 0, "ristrutturazione": ristr,
            "carenza_manutentiva": carenza, "totale": liberi + ristr + carenza, "is_total": False}


def test_pozzaglio_like_disponibili_against_g() -> None:
    # seed: g "COMUNE POZZAGLIO ED UNITI 2 1 0 3" vs Allegato A "... 0 16 2 2 0 0 ..." (interfaces.md example)
    g = table("g_assegnabili", [g_row(comune("Soresina"), 2, 1, 0)], page=9)
    allegato = table("allegato_a", [a_row(comune("Soresina"), ui_disponibili=2, ui_libere_turnover=2)], page=21)
    findings = check(g, allegato)
    assert [(f.rule, f.field, f.expected, f.found) for f in findings] == [
        ("g_vs_allegato_a", "totale", 3, 2), ("g_vs_allegato_a", "ristrutturazione", 1, 0)]
    assert findings[0].pages == [9, 21] and findings[0].tables == ["g_assegnabili", "allegato_a"]


def test_aler_is_matched_by_ente_across_its_comuni() -> None:
    g = table("g_assegnabili", [g_row(aler("Cremona"), 8, 93, 19), g_row(aler("Vescovato"), 1, 0, 5)])
    allegato = table("allegato_a", [a_row(aler(), ui_disponibili=126, ui_libere_turnover=9,
                                          ui_carenza_manutentiva=24, ui_ristrutturazione=93)])
    assert rules(check(g, allegato)) == []


def test_sap_against_a_and_a_missing_row_counts_as_zero() -> None:
    a = table("a_consistenza", [{**comune("Bonemerse"), "alloggi_totali": 12, "alloggi_sap": 12, "alloggi_sas": 0,
                                 "alloggi_altri_usi": 0, "is_total": False}])
    allegato = table("allegato_a", [a_row(comune("Bonemerse"), ui_sap=10), a_row(comune("Malagnino"), ui_sap=0)])
    findings = check(a, allegato)
    assert [(f.rule, f.comune, f.expected, f.found) for f in findings.where(rule="a_vs_allegato_a")] == [
        ("a_vs_allegato_a", "Bonemerse", 12, 10)]  # Malagnino: no row in a and 0 in Allegato A agree


def test_percentages_categories_sat_and_assigned() -> None:
    h = table("h_soglia_indigenti", [{**place("Bonemerse"), "soglia_pct": 10.0}])
    ib = table("i_forze_polizia", [{**place("Cella Dati"), "quota_pct": 10.0}])
    ia = table("i_categorie_aggiuntive", [{**place("Castelverde"), "categoria": "vittime di violenza domestica"}])
    j = table("j_transitori", [{**comune("Cella Dati"), "unita": 2}])
    k = table("k_assegnate_anno_precedente", [{**comune("Bonemerse"), "unita": 7, "di_cui_mobilita": None}])
    g = table("g_assegnabili", [g_row(comune("Cella Dati"), 4, 0, 1), g_row(comune("Bonemerse"), 1, 0, 0),
                                g_row(comune("Castelverde"), 4, 3, 0)])
    rows = [a_row(comune("Bonemerse"), ui_disponibili=1, ui_libere_turnover=1, soglia_indigenti_pct=10.0,
                  ui_assegnate_anno_precedente=7),
            a_row(comune("Cella Dati"), ui_disponibili=5, ui_libere_turnover=4, ui_carenza_manutentiva=1,
                  ui_transitori=2, quota_forze_polizia_pct=10.0),
            a_row(comune("Castelverde"), ui_disponibili=7, ui_libere_turnover=4, ui_ristrutturazione=3,
                  categoria_aggiuntiva="nucleo familiare > 5 componenti, vittime di violenza domestica")]
    assert rules(check(g, h, ia, ib, j, k, table("allegato_a", rows))) == []
    rows[0]["soglia_indigenti_pct"] = 20.0
    rows[1]["ui_transitori"] = 1
    rows[1]["quota_forze_polizia_pct"] = 5.0
    rows[2]["categoria_aggiuntiva"] = None
    rows[0]["ui_assegnate_anno_precedente"] = 6
    fired = rules(check(g, h, ia, ib, j, k, table("allegato_a", rows)))
    assert sorted(fired) == sorted(["h_vs_allegato_a", "i_forze_polizia_vs_allegato_a", "j_vs_allegato_a",
                                    "k_vs_allegato_a", "i_categorie_vs_allegato_a"])


def test_presence_of_enti_in_both_directions() -> None:
    # seed: Comune di Cremona is in g, h, i, j, k but Allegato A has no row for it
    g = table("g_assegnabili", [g_row(comune("Cremona"), 6, 53, 0), g_row(comune("Soresina"), 1, 9, 0)])
    h = table("h_soglia_indigenti", [{**place("Cremona"), "soglia_pct": 10.0}])
    allegato = table("allegato_a", [a_row(comune("Soresina"), ui_disponibili=10, ui_libere_turnover=1,
                                          ui_ristrutturazione=9),
                                    a_row(comune("Ostiano"))])
    findings = check(g, h, allegato)
    assert rules(findings) == ["allegato_a_missing_ente", "allegato_a_extra_ente"]
    assert findings[0].ente == "Comune di Cremona" and "g, h" in findings[0].message
    assert findings[1].comune == "Ostiano"
    assert all(f.severity == "warning" for f in findings) and not findings.has_discrepancies


def test_no_allegato_a_no_findings() -> None:
    assert rules(check(table("g_assegnabili", [g_row(comune("Cremona"), 6, 53, 0)]))) == []
    assert ALER.startswith("ALER")
