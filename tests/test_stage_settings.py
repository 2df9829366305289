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
