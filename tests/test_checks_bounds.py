"""Families 6 and 7: bounds and money."""
from __future__ import annotations

from test_checks_support import aler, check, comune, place, rules, table


def test_j_le_g_per_comune_and_per_ente_for_rows_without_comune() -> None:
    g = table("g_assegnabili", [{**comune("Bonemerse"), "liberi": 1, "liberi_turnover": 0, "ristrutturazione": 0,
                                 "carenza_manutentiva": 0, "totale": 1, "is_total": False},
                                {**aler("Cremona"), "liberi": 8, "liberi_turnover": 0, "ristrutturazione": 0,
                                 "carenza_manutentiva": 0, "totale": 8, "is_total": False}])
    j_ok = [{**comune("Bonemerse"), "unita": 1}, {**aler(), "unita": 7}]  # seed: "ALER | U.O.CREMONA | 7"
    assert rules(check(g, table("j_transitori", j_ok))) == []
    j_bad = [{**comune("Bonemerse"), "unita": 2}, {**aler(), "unita": 9}]
    findings = check(g, table("j_transitori", j_bad))
    assert [(f.rule, f.expected, f.found) for f in findings] == [("j_le_g", 1, 2), ("j_le_g", 8, 9)]


def test_quota_percent_and_domande() -> None:
    ib = table("i_forze_polizia", [{**place("Cremona"), "quota_pct": 5.0}, {**place("Soresina"), "quota_pct": 10.0}])
    dgr = table("utilizzo_dgr", [{"dgr": "DGR 5324/2021", "fondo_eur": 545224.0, "domande_presentate": 637,
                                  "domande_finanziate": 618}])
    h = table("h_soglia_indigenti", [{**place("Cremona"), "soglia_pct": 20.0}])
    assert rules(check(ib, dgr, h)) == []
    ib.records[1]["quota_pct"] = 12.0
    dgr.records[0]["domande_finanziate"] = 640
    h.records[0]["soglia_pct"] = 120.0
    assert rules(check(ib, dgr, h)) == ["quota_forze_polizia_max", "domande_finanziate_le_presentate",
                                        "percent_range"]


def fondi(values: list[float], total: float) -> list[dict]:
    names = ["Cremona", "Soresina", "Ostiano", "Bonemerse"]
    rows = [{"aggregazione": "AT NORD", **place(n), "fondo_eur": v, "delega_aler": True, "is_total": False}
            for n, v in zip(names, values)]
    return rows + [{"aggregazione": "", "comune": "", "comune_istat": "", "fondo_eur": total, "is_total": True}]


def test_fondi_total_to_the_cent() -> None:
    assert rules(check(table("fondi_solidarieta_comuni", fondi([4400.0, 15090.32, 0.0], 19490.32)))) == []
    # float sums such as 0.1 + 0.2 must not make a false cent
    assert rules(check(table("fondi_solidarieta_comuni", fondi([0.1, 0.2], 0.3)))) == []
    findings = check(table("fondi_solidarieta_comuni", fondi([4400.0, 15090.32, 0.0], 19490.33)))
    assert rules(findings) == ["fondi_comuni_total"] and findings[0].expected == 19490.32


RIPARTO_TEXT = [(17, "L'Azienda metterà a disposizione risorse complessivamente pari a € 856.581,99 (importo"),
                (17, "comprensivo dei residui), così distribuite:")]


def riparto(amounts: list[float], percents: list[float]) -> object:
    names = ["MISURA UNICA", "MISURA COMPLEMENTARE", "FONDO MOROSITA' INCOLPEVOLE"]
    return table("riparto_misure", [{"misura": n, "percentuale": p, "risorse_eur": a, "finalita": "x", "page": 18}
                                    for n, a, p in zip(names, amounts, percents)])


def test_riparto_against_stated_total_and_percentages() -> None:
    # seed: 479.888,99 + 188.331,50 + 188.331,50 = 856.551,99, but the text states € 856.581,99
    findings = check(riparto([479888.99, 188331.50, 188331.50], [50.0, 25.0, 25.0]), text=RIPARTO_TEXT)
    assert rules(findings) == ["riparto_total"] + ["riparto_amount_vs_percent"] * 3
    assert (findings[0].expected, findings[0].found) == (856581.99, 856551.99)
    assert findings[0].pages == [17, 18] and findings[1].severity == "warning"
    consistent = check(riparto([428291.0, 214145.5, 214145.49], [50.0, 25.0, 25.0]), text=RIPARTO_TEXT)
    assert rules(consistent) == []
    assert rules(check(riparto([428291.0, 214145.5, 214145.49], [50.0, 25.0, 20.0]), text=RIPARTO_TEXT)) == [
        "riparto_percent_sum", "riparto_amount_vs_percent"]
