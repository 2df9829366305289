"""The reader's faster ways give what the plain ways they replace give (issue 12): each is checked here
against the plain way, written out in the test."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pdfplans.extractors.headers import fuzzy_of, synonym_score, tokens
from pdfplans.extractors.settings import DEFAULT_SETTINGS
from pdfplans.extractors.textlayer import PAIRED, code_points
from pdfplans.normalize.names import fold


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'",
                                                                       "\u00b4": "'"})))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@given(st.text(alphabet="aAzZ09 .'`\u2019\u2018\u00b4-éÈüßﬁ\u0301\u00a0İı", max_size=20))
def test_fold_is_the_nfkd_fold(text: str) -> None:
    assert fold(text) == _plain_fold(text)


def _plain_synonym_score(header: str, synonym: str, fuzzy: tuple[float, int, int]) -> float:
    from rapidfuzz import fuzz

    def matches(a: str, b: str) -> bool:
        share, chars, prefix = fuzzy
        if a == b:
            return True
        if min(len(a), len(b)) >= chars and fuzz.ratio(a, b) >= 100 * share:
            return True
        return len(a) >= prefix and len(b) >= prefix and (a.startswith(b) or b.startswith(a))

    h, s = tokens(header), tokens(synonym)
    if not h or not s:
        return 0.0
    matched_s = sum(1 for t in s if any(matches(t, u) for u in h))
    matched_h = sum(1 for u in h if any(matches(t, u) for t in s))
    return (matched_s + matched_h) / (len(s) + len(h))


WORDS = st.lists(st.sampled_from(["n", "alloggi", "alloggio", "allog", "sap", "comune", "comuni", "ente", "di",
                                  "totale", "tot", "unità", "unita", "ristrutturazione", "ristrutturazioni",
                                  "2023", "anno", "a", "ab", "abc", "abcd", "abcde"]), max_size=6).map(" ".join)


@settings(max_examples=300)
@given(WORDS, WORDS, st.sampled_from([fuzzy_of(DEFAULT_SETTINGS), (0.5, 3, 2), (0.9, 8, 9), (0.7, 0, 0)]))
def test_synonym_score_is_the_plain_score(header: str, synonym: str, fuzzy: tuple[float, int, int]) -> None:
    assert synonym_score(header, synonym, fuzzy) == _plain_synonym_score(header, synonym, fuzzy)


@given(st.lists(st.sampled_from([0x41, 0x20, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0x10000]), max_size=12))
def test_code_points_pair_surrogates_as_before(codes: list[int]) -> None:
    out = list(codes)
    for index in range(len(out) - 1):
        if 0xD800 <= out[index] <= 0xDBFF and 0xDC00 <= out[index + 1] <= 0xDFFF:
            out[index] = 0x10000 + ((out[index] - 0xD800) << 10) + (out[index + 1] - 0xDC00)
            out[index + 1] = PAIRED
    assert code_points(codes) == out


@pytest.mark.parametrize("command", ["extract", "check", "comuni", "import"])
def test_command_line_values_are_typer_s_values(command: str) -> None:
    """Every parameter's value, given or not, comes out as typer's own (pydantic) coercion makes it."""
    import typer
    from typer._coercion import build_runtime_param

    from pdfplans.cli import app

    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    ctx = typer.Context(click_command)
    texts = ["", "a\x00b", "~", "  x  ", "samples/*.pdf", "/tmp/x/", ".", "a//b", "excel-it"]
    for param in click_command.params:
        ours, typers = param.get_runtime_param(), build_runtime_param(param.type_descriptor)
        given = [None, ()] if param.nargs != 1 or param.multiple else [None]
        given += [tuple(texts), texts[:2]] if param.nargs != 1 or param.multiple else texts
        for value in given:
            if param.type_descriptor.annotation in (bool, int):
                continue  # typer's own in both (a flag's value is a bool already; a number goes to typer)
            assert _outcome(ours.coerce, value, param, ctx) == _outcome(typers.coerce, value, param, ctx), \
                (param.name, value)


def _outcome(coerce, *args) -> tuple:
    """The value, or the error and its message."""
    try:
        return ("value", coerce(*args))
    except Exception as error:  # noqa: BLE001 (any error: both ways must give the same)
        return ("error", type(error), str(error))
