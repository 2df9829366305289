"""read_plans / PlanCollection: tables across plans, checks across years, failures as warnings."""
from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import pytest
from test_dataset import COPY, CORRUPT, GOOD, SAMPLES, batch_dir, expected_rows

from pdfplans.checks.findings import Findings
from pdfplans.collection import PlanCollection, PlanDuplicateWarning, PlanSkippedWarning, expand_inputs, read_plans
from pdfplans.schema import TABLE_IDS, columns_of

_CACHE: dict[str, object] = {}
EARLIER = "cremonese_2022.pdf"  # the same ambito the year before: a pair for the rules across years


def _read_batch() -> tuple[PlanCollection, list[warnings.WarningMessage]]:
    if "batch" not in _CACHE:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            plans = read_plans([batch_dir() / GOOD[0], SAMPLES / EARLIER, batch_dir() / GOOD[1],
                                batch_dir() / CORRUPT], workers=2)
        _CACHE["batch"] = (plans, list(caught))
    return _CACHE["batch"]  # type: ignore[return-value]


def collection() -> PlanCollection:
    """Cremonese 2023, 2022, another rendering of 2023 and the corrupt file, read once per session."""
    return _read_batch()[0]


def test_unreadable_file_is_a_warning_and_listed():
    plans, caught = _read_batch()
    assert [Path(f).name for f, _ in plans.failed] == [CORRUPT]
    skipped = [w for w in caught if issubclass(w.category, PlanSkippedWarning)]
    assert len(skipped) == 1 and CORRUPT in str(skipped[0].message)


def test_another_rendering_of_the_same_plan_counts_once_with_a_warning():
    plans, caught = _read_batch()
    assert [Path(p.file).name for p in plans] == [EARLIER, GOOD[0]]  # (ambito, anno) order
    assert [(Path(a).name, Path(b).name) for a, b in plans.duplicates] == [(GOOD[1], GOOD[0])]
    repeated = [str(w.message) for w in caught if issubclass(w.category, PlanDuplicateWarning)]
    assert len(repeated) == 1 and GOOD[1] in repeated[0] and "Cremonese 2023" in repeated[0]
    with pytest.warns(PlanDuplicateWarning, match="same sha256"):
        twice = read_plans([batch_dir() / GOOD[1], batch_dir() / COPY], workers=1)
    assert len(twice) == 1 and len(twice.duplicates) == 1


def test_table_concatenates_across_plans_with_plan_columns_first():
    plans = collection()
    g = plans["g_assegnabili"]
    assert list(g.columns) == ["ambito", "anno", "file", *columns_of("g_assegnabili")]
    assert len(g) == len(expected_rows("g_assegnabili")) + len(expected_rows("g_assegnabili", "cremonese_2022"))
    assert set(g["ambito"]) == {"Cremonese"} and set(g["anno"]) == {2022, 2023}
    main = g[g["file"] == GOOD[0]]
    expected = [int(r["totale"]) for r in expected_rows("g_assegnabili")]
    assert [int(v) for v in main["totale"]] == expected


def test_empty_and_unknown_tables():
    plans = collection()
    empty = plans["d_nuova_edificazione"]  # printed with no rows in the 2023 and 2022 plans
    assert len(empty) == 0
    assert list(empty.columns) == ["ambito", "anno", "file", *columns_of("d_nuova_edificazione")]
    with pytest.raises(KeyError):
        plans["g_assignable"]
    assert set(plans.tables) <= set(TABLE_IDS) and "g_assegnabili" in plans.tables
    assert plans[0] is plans.plans[0] and len(plans) == 2


def test_check_runs_every_plan_and_across_years_within_an_ambito():
    plans = collection()
    findings = plans.check()
    assert isinstance(findings, Findings) and len(findings.plans) == 2
    alone = sum(len(p.check()) for p in plans)
    across = [f for f in findings if f.rule in ("k_vs_previous_g", "k_exceeds_previous_g", "consistenza_change")]
    assert across and len(findings) == alone + len(across)  # 2022 and 2023: one pair, compared once
    # The same plan presented as the year before: the rules across years now compare k with g.
    main = next(p for p in plans if Path(p.file).name == GOOD[0])
    earlier = dataclasses.replace(main, anno=2022, file="cremonese_2022.pdf")
    other = dataclasses.replace(main, ambito="Altro Ambito", anno=2022, file="altro_2022.pdf")
    years = PlanCollection([main, earlier]).check()
    assert any(f.rule in ("k_vs_previous_g", "k_exceeds_previous_g") for f in years)
    apart = PlanCollection([main, other]).check()  # different ambiti are never compared
    assert not any(f.rule in ("k_vs_previous_g", "k_exceeds_previous_g", "consistenza_change") for f in apart)


def test_html_names_plans_and_failures():
    page = collection()._repr_html_()
    for name in (GOOD[0], EARLIER, CORRUPT):
        assert name in page
    assert "Cremonese" in page


def test_inputs_expand_from_globs_folders_and_files(tmp_path):
    folder = batch_dir()
    by_glob = expand_inputs(str(folder / "*.pdf"))
    by_folder = expand_inputs(folder)
    assert sorted(p.name for p in by_glob) == sorted(p.name for p in by_folder) == sorted([*GOOD, COPY, CORRUPT])
    assert expand_inputs([folder / GOOD[0], folder / GOOD[0]]) == [folder / GOOD[0]]
    with pytest.warns(PlanSkippedWarning):
        nothing = read_plans(str(tmp_path / "*.pdf"))
    assert len(nothing) == 0 and nothing.failed == []
    with pytest.warns(PlanSkippedWarning):
        missing = read_plans(tmp_path / "assente.pdf")
    assert [Path(f).name for f, _ in missing.failed] == ["assente.pdf"]
    assert SAMPLES.is_dir()
