"""Owners of the rows: every ente spelling of the seed, ALER variants, unknown enti."""
from __future__ import annotations

import pytest
from test_gazetteer import AMBITO_CREMONESE

from pdfplans.normalize.comuni import Resolver
from pdfplans.normalize.entities import Ente, aler_name, resolve_ente

BCM = "ALER Brescia-Cremona-Mantova"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(scope=AMBITO_CREMONESE.values(), provinces=["CR"], year=2023)


@pytest.mark.parametrize("ente,comune,expected", [
    # tables b, c, e, g, j: "COMUNE" + comune column
    ("COMUNE", "CELLA DATI", ("comune", "Comune di Cella Dati", "019028")),
    ("COMUNE", "CASALBUTTA NO ED UNITI", ("comune", "Comune di Casalbuttano ed Uniti", "019016")),
    ("COMUNE", "GERRE DE'CAPRIOLI", ("comune", "Comune di Gerre de' Caprioli", "019048")),
    ("COMUNE", "PIEVE S. GIACOMO", ("comune", "Comune di Pieve San Giacomo", "019075")),
    # e turnover, k, Allegato A: "COMUNE DI X"
    ("COMUNE DI CREMONA", "CREMONA", ("comune", "Comune di Cremona", "019036")),
    ("COMUNE DI CREMONA", None, ("comune", "Comune di Cremona", "019036")),
    ("COMUNE DI CASALBUTTANO", None, ("comune", "Comune di Casalbuttano ed Uniti", "019016")),
    ("COMUNE DI GADESCO PIEVE DELMONA", None, ("comune", "Comune di Gadesco-Pieve Delmona", "019046")),
    ("COMUNE DI PESSINA CREMONESE", None, ("comune", "Comune di Pessina Cremonese", "019070")),
    ("COMUNE DI TORRE DE' PICENARDI", None, ("comune", "Comune di Torre de' Picenardi", "019107")),
    ("COMUNE DI PIEVE SAN GIACOMO", None, ("comune", "Comune di Pieve San Giacomo", "019075")),
    # table a prints the comune itself as the owner
    ("ANNICCO", None, ("comune", "Comune di Annicco", "019003")),
    ("POZZAGLIO UNITI", None, ("comune", "Comune di Pozzaglio ed Uniti", "019077")),
    ("ROBECCO D'OGGIO", None, ("comune", "Comune di Robecco d'Oglio", "019085")),
    ("CREMONA", None, ("comune", "Comune di Cremona", "019036")),
    # fund table per ente prints "CREMONA" for the Comune
    # ALER rows
    ("ALER BS – CR- MN", "CREMONA", ("aler", BCM, "019036")),
    ("ALER BS – CR- MN", "Cremona", ("aler", BCM, "019036")),
    ("ALER BS – CR- MN", "ACQUANEGR A CREMONESE", ("aler", BCM, "019001")),
    ("ALER BS – CR- MN", "S.DANIELE PO", ("aler", BCM, "019089")),
    ("ALER BS – CR- MN", "COMUNI VARI", ("aler", BCM, None)),
    ("ALER BS – CR- MN", "U.O.CREMONA", ("aler", BCM, None)),
    ("ALER BS – CR- MN", None, ("aler", BCM, None)),
    ("ALER BRESCIA - CREMONA - MANTOVA", None, ("aler", BCM, None)),
    ("ALER", "CREMONA", ("aler", BCM, "019036")),
    ("ALER", "GRUMELLO CREMONESE ED UNITI", ("aler", BCM, "019051")),
    ("Aler di Brescia", None, ("aler", BCM, None)),
    ("ALER di Pavia-Lodi", None, ("aler", "ALER Pavia-Lodi", None)),
    ("ALER LO/PV", None, ("aler", "ALER Pavia-Lodi", None)),
    ("ALER Milano", None, ("aler", "ALER Milano", None)),
    ("ALER Varese-Como-Monza Brianza-Busto Arsizio", None,
     ("aler", "ALER Varese-Como-Monza Brianza-Busto Arsizio", None)),
    ("ALER Bergamo-Lecco-Sondrio", None, ("aler", "ALER Bergamo-Lecco-Sondrio", None)),
])
def test_seed_and_family_enti(resolver: Resolver, ente: str, comune: str | None,
                              expected: tuple[str, str, str | None]) -> None:
    got = resolve_ente(ente, comune, resolver)
    assert isinstance(got, Ente)
    assert (got.ente_tipo, got.ente, got.comune_istat) == expected
    assert (got.comune is None) == (expected[2] is None)


def test_unknown_ente_is_kept_as_printed(resolver: Resolver) -> None:
    got = resolve_ente("  Cooperativa  Edificatrice\nLa Casa ", "SORESINA", resolver)
    assert (got.ente_tipo, got.ente) == ("altro", "Cooperativa Edificatrice La Casa")
    assert got.comune == "Soresina" and got.comune_istat == "019098"


def test_rows_without_an_ente(resolver: Resolver) -> None:
    assert resolve_ente("TOTALE", None, resolver).ente_tipo is None
    only_comune = resolve_ente(None, "PIEVE SG", resolver)
    assert (only_comune.ente_tipo, only_comune.ente, only_comune.comune_istat) == (None, None, "019075")
    assert resolve_ente(None, None, resolver) == Ente(None, None, None, None, None)


def test_unresolvable_comune_is_said_plainly(resolver: Resolver) -> None:
    got = resolve_ente("COMUNE", "XYZW QWERTY", resolver)
    assert got.ente_tipo == "comune" and got.comune is None and got.comune_istat is None
    assert got.resolution is not None and not got.resolution.resolved


def test_bare_aler_takes_the_aler_of_its_province() -> None:
    assert aler_name("ALER", "PV") == "ALER Pavia-Lodi"
    assert aler_name("A.L.E.R.", "BG") == "ALER Bergamo-Lecco-Sondrio"
    assert aler_name("ALER") == "ALER"


def test_aler_with_a_comune_of_its_own_in_the_ente_cell() -> None:
    # g printed one column per ente × comune ("ALER Arcore"): the comune beside ALER is kept when it
    # is one of the plan's own; the words of an ALER's name are no comune ("ALER di Pavia-Lodi")
    vimercate = Resolver(scope=["108050", "108004", "108001"], provinces=["MB"], year=2023)
    got = resolve_ente("ALER Arcore", None, vimercate)
    assert (got.ente_tipo, got.ente, got.comune, got.comune_istat) == (
        "aler", "ALER Varese-Como-Monza Brianza-Busto Arsizio", "Arcore", "108004")
    assert resolve_ente("ALER Agrate Brianza", None, vimercate).comune == "Agrate Brianza"
    assert resolve_ente("ALER Sondrio", None, vimercate).comune is None  # not one of the plan's comuni
    lodi = Resolver(scope=["098031", "098005"], provinces=["LO"], year=2023)
    for printed in ("ALER di Pavia-Lodi", "ALER PV-LO", "ALER U.O.LODI"):
        got = resolve_ente(printed, None, lodi)
        assert (got.ente_tipo, got.ente, got.comune) == ("aler", "ALER Pavia-Lodi", None), printed
