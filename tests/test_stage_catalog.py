"""One table, one declaration: the catalog's cross-checks, and the schema derived from it matching
the contract (shared/spec/tables.md)."""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

import pytest

from pdfplans.extractors.catalog import SPECS, SPECS_BY_ID
from pdfplans.extractors.kinds import KINDS
from pdfplans.extractors.spec import Role, TableSpec, check_specs
from pdfplans.normalize.builders import BUILDERS
from pdfplans.schema import BOOL_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, TABLE_COLUMNS

# the contract's columns per table, transcribed from shared/spec/tables.md (which lives beside the
# repository, not in it): the suite reads the transcription; where the contract itself is at hand,
# the transcription is checked against it too
TRANSCRIBED = Path(__file__).resolve().parent / "data" / "contract_columns.csv"
CONTRACT = Path(__file__).resolve().parent.parent.parent / "shared" / "spec" / "tables.md"


def _contract_columns() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `(\w+)` \| [^|]+ \| (.+) \|$", line)
        if not match or match.group(1) in ("ente_tipo", "ente", "comune", "comune_istat", "is_total", "page"):
            continue
        text = re.sub(r"\([^)]*\)", "", match.group(2))  # explanations in brackets name other words
        out[match.group(1)] = out["b_carenza_manutentiva"] if text.startswith("same as b") else tuple(re.findall(r"`(\w+)`", text))
    return out


def _transcribed_columns() -> dict[str, tuple[str, ...]]:
    with TRANSCRIBED.open(encoding="utf-8", newline="") as f:
        return {row["table_id"]: tuple(row["columns"].split()) for row in csv.DictReader(f)}


def test_declared_columns_are_the_contract():
    assert _transcribed_columns() == TABLE_COLUMNS
    if CONTRACT.exists():  # beside a checkout of the project; a clone elsewhere has the transcription only
        assert _contract_columns() == _transcribed_columns()


def test_types_follow_the_kinds_of_the_roles():
    assert {"unita", "popolazione", "liberi_turnover", "prog", "page"} <= INT_COLUMNS
    assert {"soglia_pct", "fondo_eur", "risorse_eur"} <= FLOAT_COLUMNS
    assert BOOL_COLUMNS == {"is_total", "delega_aler"}
    assert "comune_istat" not in INT_COLUMNS | FLOAT_COLUMNS  # "019036" keeps its zero


def test_every_table_has_a_builder_it_names_or_the_generic_one():
    named = {s.builder for s in SPECS if s.builder}
    assert named == set(BUILDERS)
    generic = {s.id for s in SPECS if s.builder is None}
    assert {"b_carenza_manutentiva", "j_transitori", "h_soglia_indigenti", "alienazioni"} <= generic


def test_a_column_nothing_feeds_is_refused_at_load():
    b = SPECS_BY_ID["b_carenza_manutentiva"]
    with pytest.raises(ValueError, match="cannot fill"):
        check_specs((replace(b, columns=(*b.columns, "superficie_mq")),))


def test_a_column_typed_two_ways_is_refused():
    h = SPECS_BY_ID["h_soglia_indigenti"]
    as_text = replace(h, id="h_bis", roles=(h.roles[0], Role("soglia_pct", ("soglia",), "text")))
    with pytest.raises(ValueError, match="typed"):
        check_specs((h, as_text))


def test_unknown_kind_and_missing_key_are_refused():
    with pytest.raises(ValueError, match="unknown value kinds"):
        check_specs((TableSpec("x", (Role("comune", ("comune",), "name"), Role("n", ("n",), "integer")), ("comune",)),))
    with pytest.raises(ValueError, match="key"):
        check_specs((TableSpec("x", (Role("n", ("n",), "int"),), ("n",)),))


def test_one_parser_per_kind_strict_for_recognition():
    assert KINDS["int"].parse("3.692 alloggi") == 3692  # a record reads the figure
    assert not KINDS["int"].reads("3.692 alloggi")  # but such a column is no integer column
    assert KINDS["int"].reads("3.692") and not KINDS["name"].reads("4045") and KINDS["name"].reads("CREMONA")
    assert KINDS["liberi"].parse("1 + 5da turn over") == (6, 5)
