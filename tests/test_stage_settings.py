"""ReaderSettings: every tolerance named and documented, validated, and passed on to the stages."""
from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace
from pathlib import Path

import pytest

import pdfplans
from pdfplans.extractors.settings import DEFAULT_SETTINGS, ReaderSettings, describe

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_every_setting_is_documented():
    described = describe()
    assert set(described) == {f.name for f in fields(ReaderSettings)}
    undocumented = [name for name, (_value, doc) in described.items() if len(doc) < 15]
    assert undocumented == []


def test_settings_are_frozen_and_validated():
    with pytest.raises(FrozenInstanceError):
        DEFAULT_SETTINGS.table_gap = 3.0  # type: ignore[misc]
    with pytest.raises(ValueError, match="table_gap"):
        ReaderSettings(table_gap=-1)
    with pytest.raises(ValueError, match="aligned_share"):
        ReaderSettings(aligned_share=1.5)


def test_read_plan_uses_the_settings_it_is_given():
    """A table gap narrower than any line spacing cuts the tables without a grid short."""
    path = SAMPLES / "cremonese_2023.pdf"
    default = pdfplans.read_plan(path, ocr=False)
    cut = pdfplans.read_plan(path, ocr=False, settings=replace(DEFAULT_SETTINGS, table_gap=0.1))
    rows = {tid: len(t) for tid, t in default.tables.items()}
    assert rows["g_assegnabili"] > 5
    assert {tid: len(t) for tid, t in cut.tables.items()} != rows


def test_line_noise_and_header_tolerances_come_from_the_settings():
    """The tolerances of lines, noise and header words are settings too, not module constants."""
    from stage_words import glyph_runs, line

    from pdfplans.extractors.catalog import SPECS_BY_ID
    from pdfplans.extractors.headers import assign_roles
    from pdfplans.extractors.lines import group_lines
    from pdfplans.extractors.noise import split_noise

    runs = glyph_runs(100.0, (40.0, "PIEVE SAN GIACOMO"), (200.0, "11"))
    assert len(group_lines(runs)[0].phrases()) == 2
    tight = replace(DEFAULT_SETTINGS, phrase_gap_max=0.1)  # any gap ends a phrase
    assert [p.text for p in group_lines(runs, tight)[0].phrases()] == ["PIEVE", "SAN", "GIACOMO", "11"]

    pages = [[line(10.0, (40.0, "Piano annuale 2023")), line(400.0, (40.0, "testo"))] for _ in range(4)]
    assert len(split_noise(pages, [842.0] * 4)[1]) == 4  # the running header of every page
    assert split_noise(pages, [842.0] * 4, replace(DEFAULT_SETTINGS, margin_band_share=0.0))[1] == []

    roles = SPECS_BY_ID["alienazioni"].roles
    assert "comune" in assign_roles(["PROG", "LOCALITA", "VIA"], roles)[0]
    strict = replace(DEFAULT_SETTINGS, fuzzy_share=1.0, prefix_chars=99)
    assert "comune" not in assign_roles(["PROG", "LOKALITA", "VIA"], roles, strict)[0]  # a typo no longer matches
    assert "comune" in assign_roles(["PROG", "LOKALITA", "VIA"], roles)[0]
