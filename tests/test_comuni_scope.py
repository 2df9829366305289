"""Names by scope, in ambiti of other provinces: the plan's own comuni first, then its provinces, then
the region; short forms, typos and fused words of the plan's own comuni resolve; nothing is guessed."""
from __future__ import annotations

from functools import cache

import pytest
from ambiti import AMBITI, UNRESOLVED, VARIANTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from pdfplans.normalize import gazetteer
from pdfplans.normalize.comuni import Resolver, words
from pdfplans.normalize.entities import resolve_ente


@cache
def resolver_of(ambito: str) -> Resolver:
    members, provinces = AMBITI[ambito]
    return Resolver(scope=members.values(), provinces=provinces, year=2023)


def test_ambiti_are_the_gazetteers_comuni() -> None:
    for members, provinces in AMBITI.values():
        for name, code in members.items():
            c = gazetteer.by_istat(code)
            assert c is not None and c.name == name and c.provincia in provinces and c.active, name


@pytest.mark.parametrize("ambito,printed,istat",
                         [(a, p, i) for a, cases in VARIANTS.items() for p, i in sorted(cases.items())])
def test_spellings_of_other_ambiti_resolve(ambito: str, printed: str, istat: str) -> None:
    res = resolver_of(ambito).resolve(printed)
    assert res.comune_istat == istat, res
    assert res.comune == gazetteer.by_istat(istat).name


@pytest.mark.parametrize("ambito,printed", [(a, p) for a, cases in UNRESOLVED.items() for p in cases])
def test_ambiguous_or_no_comune_stays_unresolved(ambito: str, printed: str) -> None:
    res = resolver_of(ambito).resolve(printed)
    assert not res.resolved and res.comune_istat is None, res


def test_an_abbreviation_of_a_member_beats_the_data_expansion_elsewhere() -> None:
    # "SG" is "San Giacomo" in data/abbreviations.csv (Pieve San Giacomo); in a Lodi plan Borgo San
    # Giovanni is a member, Borgo San Giacomo (BS) is not: the member wins, the other is only listed
    res = resolver_of("Lodi").resolve("BORGO SG")
    assert res.comune_istat == "098005"
    assert "017020" in {c[1] for c in res.candidates}
    # with neither in scope nor province the two fit alike: not guessed
    assert not Resolver(year=2023).resolve("BORGO SG").resolved


def test_a_member_that_comes_close_bars_a_short_form_from_outside() -> None:
    # "ZERBO" is a comune of the province; Zerbolò, a member, starts with it: neither is sure
    res = resolver_of("Pavia").resolve("ZERBO")
    assert {"018189", "018188"} <= {c[1] for c in res.candidates} or not res.resolved


@pytest.mark.parametrize("ambito,ente,comune,expected", [
    ("Lodi", "ALER", "U.O.LODI", ("aler", "ALER Pavia-Lodi", None)),
    ("Lodi", "U.O.LODI", None, ("aler", "ALER Pavia-Lodi", None)),
    ("Lodi", "ALER", "UO LODI", ("aler", "ALER Pavia-Lodi", None)),
    ("Lodi", "ALER", "BORGO SG", ("aler", "ALER Pavia-Lodi", "098005")),
    ("Pavia", "ALER", "U.O. PAVIA", ("aler", "ALER Pavia-Lodi", None)),
    ("Mantova", "ALER", "UOG MANTOVA", ("aler", "ALER Brescia-Cremona-Mantova", None)),
    ("Mantova", "COMUNE", "PORTO MANT.", ("comune", "Comune di Porto Mantovano", "020045")),
    ("Vimercate", "COMUNE DI AGRATE B.ZA", None, ("comune", "Comune di Agrate Brianza", "108001")),
    ("Orzinuovi", "ALER BS-CR-MN U.O. BRESCIA", "BORGO S.G.", ("aler", "ALER Brescia-Cremona-Mantova", "017020")),
])
def test_enti_of_other_ambiti(ambito: str, ente: str, comune: str | None,
                              expected: tuple[str, str, str | None]) -> None:
    got = resolve_ente(ente, comune, resolver_of(ambito))
    assert (got.ente_tipo, got.ente, got.comune_istat) == expected


def test_unita_operativa_names_its_aler_without_a_province() -> None:
    got = resolve_ente("ALER", "U.O.LODI", Resolver(year=2023))
    assert (got.ente_tipo, got.ente, got.comune) == ("aler", "ALER Pavia-Lodi", None)


# -- properties -----------------------------------------------------------------------------------
NAMES = sorted(AMBITI)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _short_form(name: str, draw: st.DrawFn) -> str:
    """A short form a plan prints: later words cut to their first letters or their initials run
    together, fused to the word before, two neighbouring letters swapped, upper case."""
    toks = words(name)
    kind = draw(st.sampled_from(["cut", "initials", "fused", "swap"]))
    if kind == "swap" or len(toks) == 1:
        flat = "".join(toks)
        spots = [i for i in range(1, len(flat) - 1) if flat[i] != flat[i + 1]]
        i = draw(st.sampled_from(spots)) if spots else 0
        return (flat[:i] + flat[i + 1] + flat[i] + flat[i + 2:]).upper() if spots else flat.upper()
    if kind == "cut":
        keep = [toks[0]] + [t[: draw(st.integers(1, len(t)))] + "." for t in toks[1:]]
        return " ".join(keep).upper()
    initials = "".join(t[0] for t in toks[1:])
    return (toks[0] + (" " if kind == "initials" else "") + initials).upper()


@st.composite
def member_short_forms(draw: st.DrawFn) -> tuple[str, str, str]:
    ambito = draw(st.sampled_from(NAMES))
    name, code = draw(st.sampled_from(sorted(AMBITI[ambito][0].items())))
    return ambito, _short_form(name, draw), code


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member_short_forms())
def test_short_forms_of_members_are_never_another_comune(case: tuple[str, str, str]) -> None:
    ambito, printed, code = case
    res = resolver_of(ambito).resolve(printed)
    assert res.comune_istat in (code, None), (ambito, printed, res)


def _outside_members(ambito: str) -> list[gazetteer.Comune]:
    members, provinces = AMBITI[ambito]
    return [c for p in provinces for c in gazetteer.by_province(p) if c.istat not in members.values()]


def _a_member_starts_so(ambito: str, name: str) -> bool:
    """A member whose name starts with these words, or its first word with this one ("Zerbo")."""
    w = tuple(words(name))
    for member in AMBITI[ambito][0]:
        m = tuple(words(member))
        if m[: len(w)] == w or len(w) == 1 and m[0].startswith(w[0]):
            return True
    return False


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([(a, c) for a in NAMES for c in _outside_members(a)]))
def test_comuni_of_the_province_outside_the_ambito_resolve_to_themselves(case) -> None:
    ambito, comune = case
    res = resolver_of(ambito).resolve(comune.name.upper())
    if _a_member_starts_so(ambito, comune.name):
        assert res.comune_istat in (comune.istat, None), res
    else:
        assert res.comune_istat == comune.istat, res


OUTSIDE = [c for c in gazetteer.active() if c.regione != "Lombardia"]


def _one_slip_from_a_member(ambito: str, name: str) -> bool:
    """Letters within one typo of a member's ("Osasco" / Rosasco): a plan of a Lombard ambito that
    prints them means its member, as the resolver is built to read it (outside the region is never)."""
    letters = "".join(words(name))
    return any(fuzz.ratio(letters, "".join(words(m))) >= 90 for m in AMBITI[ambito][0])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.sampled_from(OUTSIDE))
def test_comuni_outside_the_region_never_resolve_into_an_ambito(ambito: str, comune: gazetteer.Comune) -> None:
    res = resolver_of(ambito).resolve(comune.name)
    members = set(AMBITI[ambito][0].values())
    if not _a_member_starts_so(ambito, comune.name) and not _one_slip_from_a_member(ambito, comune.name):
        assert res.comune_istat not in members, res
    assert res.comune_istat != comune.istat


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.text(alphabet=_LETTERS + _LETTERS.upper() + " .'-", max_size=24))
def test_random_strings_never_resolve_in_an_ambito(ambito: str, text: str) -> None:
    res = resolver_of(ambito).resolve(text)
    # a random string may spell a real comune ("ELLO" is Ello, Lecco): then it is that comune, by its name
    assert not res.resolved or (res.method in ("exact", "normal") and words(res.comune or "") == words(text)), res
