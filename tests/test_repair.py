"""Cell repair: broken words joined when the vocabulary prefers it; headers matched to columns."""
from __future__ import annotations

import pytest
from test_gazetteer import AMBITO_CREMONESE

from pdfplans.normalize.comuni import Resolver
from pdfplans.normalize.repair import join_broken_words, match_header


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(scope=AMBITO_CREMONESE.values(), provinces=["CR"])


@pytest.mark.parametrize("broken,joined", [
    ("CASALBUTTA NO ED UNITI", "CASALBUTTANO ED UNITI"),
    ("PIZZIGHETTO NE", "PIZZIGHETTONE"),
    ("ACQUANEGR A CREMONESE", "ACQUANEGRA CREMONESE"),
    ("TORRE DE' PICENAR- DI", "TORRE DE' PICENARDI"),
])
def test_broken_comune_names_are_joined(resolver: Resolver, broken: str, joined: str) -> None:
    assert join_broken_words(broken, resolver.score) == joined


@pytest.mark.parametrize("text", ["SAN DANIELE PO", "CREMONA", "CORTE DE' FRATI", "SESTO ED UNITI"])
def test_whole_names_are_left_alone(resolver: Resolver, text: str) -> None:
    assert join_broken_words(text, resolver.score) == text


def test_vocabulary_list() -> None:
    vocabulary = ["N. alloggi complessivi", "N. alloggi SAP", "N. alloggi SAS"]
    assert join_broken_words("N. allog gi comples sivi", vocabulary) == "N. alloggi complessivi"
    assert join_broken_words("N. alloggi SAP", vocabulary) == "N. alloggi SAP"


VOCABULARY = {
    "alloggi_totali": ["N. alloggi complessivi"],
    "alloggi_sap": ["N. alloggi SAP"],
    "alloggi_sas": ["N. alloggi SAS"],
    "ente": ["Ragione Sociale Ente Proprietario", "Ente Proprietario", "Ragione Sociale Ente"],
    "comune": ["Comune", "Località"],
}


@pytest.mark.parametrize("header,column", [
    ("N. alloggi complessivi", "alloggi_totali"),
    ("N. alloggi comples- sivi", "alloggi_totali"),
    ("N. alloggi SAS", "alloggi_sas"),
    ("n. ALLOGGI sap", "alloggi_sap"),
    ("Ragione Sociale Ente Proprietario", "ente"),
    ("Ragione Sociale Ente", "ente"),
    ("COMUNE", "comune"),
    ("LOCALITA'", "comune"),
])
def test_headers_match_their_column(header: str, column: str) -> None:
    got, score = match_header(header, VOCABULARY)
    assert got == column and score >= 80


def test_unknown_header_is_not_guessed() -> None:
    assert match_header("Data Ricezione", VOCABULARY)[0] is None
    assert match_header("", VOCABULARY) == (None, 0.0)
