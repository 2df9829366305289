"""Families 3 and 4: g against b..f, and g's ALER rows against Allegato B."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_checks_support import ISTAT, aler, check, comune, rules, table

NAMES = list(ISTAT)


def g_row(who: dict, liberi: int, ristr: int, carenza: int, turnover: int = 0) -> dict:
    return {**who, "liberi": liberi, "liberi_turnover": turnover, "ristrutturazione": ristr,
            "carenza_manutentiva": carenza, "totale": liberi + ristr + carenza, "is_total": False}


def units(table_id: str, who: dict, n: int) -> dict:
    return {**who, "unita": n}


def libere(who: dict, n: int, codice: str | None = "3154531") -> list[dict]:
    return [{**who, "codice_id": codice, "nota": None} for _ in range(n)]


def test_cremona_turnover_part_against_e_fires_once() -> None:
    # seed: g "COMUNE CREMONA | 1 + 5da turn over | 53 | 0 | 59"; e turnover "COMUNE DI CREMONA CREMONA 6";
    # e già libere "COMUNE CREMONA 23861431" (1 unit); c "COMUNE CREMONA 53"
    g = table("g_assegnabili", [g_row(comune("Cremona"), 6, 53, 0, turnover=5)], page=11)
    findings = check(g, table("c_ristrutturazione", [units("c", comune("Cremona"), 53)], page=9),
                     table("b_carenza_manutentiva", []),
                     table("e_libere", libere(comune("Cremona"), 1, "23861431"), page=10),
                     table("e_turnover", [units("e", comune("Cremona"), 6)], page=10))
    assert rules(findings) == ["g_turnover_vs_e"]
    assert (findings[0].expected, findings[0].found, findings[0].pages) == (6, 5, [10, 11])


def test_non_comunicato_codes_still_count_as_units() -> None:
    # seed: CELLA DATI has 4 rows in e, two of them "non comunicato"; g liberi 4
    g = table("g_assegnabili", [g_row(comune("Cella Dati"), 4, 0, 1)])
    e = table("e_libere", libere(comune("Cella Dati"), 2) + libere(comune("Cella Dati"), 2, None))
    b = table("b_carenza_manutentiva", [units("b", comune("Cella Dati"), 1)])
    assert rules(check(g, e, b, table("c_ristrutturazione", []))) == []


def test_units_in_b_for_an_owner_without_g_row_fire() -> None:
    g = table("g_assegnabili", [g_row(comune("Cella Dati"), 0, 0, 1)])
    b = table("b_carenza_manutentiva", [units("b", comune("Cella Dati"), 1), units("b", aler("Ostiano"), 2)])
    findings = check(g, b)
    assert rules(findings) == ["g_carenza_vs_b"] and "no row in g" in findings[0].message
    assert findings[0].comune_istat == ISTAT["Ostiano"] and (findings[0].expected, findings[0].found) == (2, 0)


def test_d_units_count_with_c() -> None:
    g = table("g_assegnabili", [g_row(comune("Soresina"), 0, 10, 0)])
    c = table("c_ristrutturazione", [units("c", comune("Soresina"), 9)])
    d = table("d_nuova_edificazione", [units("d", comune("Soresina"), 1)])
    assert rules(check(g, c, d)) == []
    assert rules(check(g, c)) == ["g_ristrutturazione_vs_c"]  # no d table printed: d counts as empty


def test_missing_source_table_silences_its_rule() -> None:
    g = table("g_assegnabili", [g_row(comune("Soresina"), 0, 0, 3)])
    assert rules(check(g)) == []  # b was not extracted: nothing to compare against


def test_aler_vedi_allegato_moves_the_check_to_allegato_b() -> None:
    # seed: e "ALER BS – CR- MN | COMUNI VARI | COMUNI VARI vedi allegato"; Allegato B lists the units
    g = table("g_assegnabili", [g_row(aler("Vescovato"), 1, 0, 5)])
    e = table("e_libere", [{**aler(), "codice_id": None, "nota": "vedi allegato"}])
    b_rows = [{"ente_tipo": "aler", "id_alloggio": str(i), "codice_alloggio": f"BS{i}", "comune": "Vescovato",
               "comune_istat": ISTAT["Vescovato"], "stato": s}
              for i, s in enumerate(["libero"] + ["sfitto_carenze_manutentive"] * 5)]
    b = table("b_carenza_manutentiva", [units("b", aler("Vescovato"), 5)])
    assert rules(check(g, e, b, table("allegato_b", b_rows))) == []
    findings = check(g, e, b, table("allegato_b", b_rows[:-1]))
    assert rules(findings) == ["g_vs_allegato_b", "g_vs_allegato_b_overall"]
    assert (findings[0].field, findings[0].expected, findings[0].found) == ("carenza_manutentiva", 4, 5)
    assert rules(check(g, e, b)) == ["allegato_b_missing"]


@st.composite
def consistent_sources(draw: st.DrawFn) -> dict[str, list[dict]]:
    """Random b, c, e per owner, and the g that sums them (possibly with a turnover part)."""
    owners = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    tables: dict[str, list[dict]] = {"b_carenza_manutentiva": [], "c_ristrutturazione": [], "e_libere": [],
                                     "e_turnover": [], "g_assegnabili": []}
    for name in owners:
        who = comune(name) if draw(st.booleans()) else aler(name)
        b, c = draw(st.integers(0, 20)), draw(st.integers(0, 60))
        free, turnover = draw(st.integers(0, 6)), draw(st.integers(0, 6))
        if b:
            tables["b_carenza_manutentiva"].append(units("b", who, b))
        if c:
            tables["c_ristrutturazione"].append(units("c", who, c))
        tables["e_libere"] += libere(who, free)
        if turnover:
            tables["e_turnover"].append(units("e", who, turnover))
        split = turnover if (turnover and draw(st.booleans())) else 0
        tables["g_assegnabili"].append(g_row(who, free + turnover, c, b, turnover=split))
    return tables


@settings(max_examples=60, deadline=None)
@given(consistent_sources())
def test_random_consistent_g_never_fires(tables: dict[str, list[dict]]) -> None:
    assert rules(check(*(table(t, rows) for t, rows in tables.items()))) == []


@settings(max_examples=60, deadline=None)
@given(consistent_sources(), st.data())
def test_changing_any_one_cell_of_g_or_its_sources_fires(tables: dict[str, list[dict]], data: st.DataObject) -> None:
    editable = [(t, i, c) for t, rows in tables.items() for i, row in enumerate(rows)
                for c in ("unita", "liberi", "ristrutturazione", "carenza_manutentiva", "totale") if c in row]
    t, i, c = data.draw(st.sampled_from(editable))
    row = tables[t][i]
    row[c] = row[c] + data.draw(st.integers(1, 5))
    fired = set(rules(check(*(table(t, rows) for t, rows in tables.items()))))
    assert fired, (t, c)
    assert fired <= {"g_row_sum", "g_carenza_vs_b", "g_ristrutturazione_vs_c", "g_liberi_vs_e", "g_turnover_vs_e"}
