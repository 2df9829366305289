"""pdfplans.plots: the figures carry the expected figures and are written as real PNG files."""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from PIL import Image
from test_collection import collection
from test_dataset import GOOD, expected_rows, imported

from pdfplans import plots
from pdfplans.collection import PlanCollection
from pdfplans.dataset import open_dataset


def _expected_units() -> dict[str, int]:
    units: dict[str, int] = defaultdict(int)
    for row in expected_rows("g_assegnabili"):
        if row["is_total"] == "false":
            units[row["comune"]] += int(row["totale"])
    return dict(units)


def _png_ok(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        image.load()
        assert image.format == "PNG"
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 20  # not a blank canvas
        return image.size


def _bar_labels(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def _printed_numbers(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]


def test_units_per_comune_from_a_collection(tmp_path):
    fig = plots.units_per_comune(collection(), path=tmp_path / "units.png")
    expected = _expected_units()
    labels = _bar_labels(fig)
    assert sorted(labels) == sorted(expected)  # one bar per comune, once even with two renderings read
    totals = dict(zip(labels, _printed_numbers(fig)))
    assert {name: int(float(v)) for name, v in totals.items()} == expected
    assert labels[-1] == "Cremona"  # the largest on top
    assert "261" in fig.axes[0].get_title()
    width, height = _png_ok(tmp_path / "units.png")
    assert width >= 600 and height >= 600


def test_units_per_comune_from_a_dataset_equals_the_collection(tmp_path):
    path, _ = imported("duckdb")
    with open_dataset(path) as ds:
        fig = plots.units_per_comune(ds, ambito="cremonese", anno=2023, top=5, path=tmp_path / "top5.png")
    expected = _expected_units()
    top = sorted(expected, key=lambda name: expected[name])[-5:]
    assert set(_bar_labels(fig)) == set(top)
    _png_ok(tmp_path / "top5.png")


def test_comune_trend_over_years(tmp_path):
    main = next(p for p in collection() if Path(p.file).name == GOOD[0])
    earlier = dataclasses.replace(main, anno=2022, file="cremonese_2022.pdf")
    fig = plots.comune_trend(PlanCollection([main, earlier]), "CREMONA", path=tmp_path / "trend.png")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2022", "2023"]
    assert _printed_numbers(fig) == ["179", "179"]  # 59 of the comune + 120 of ALER, in each year
    heights = Counter()
    for bar in fig.axes[0].patches:
        heights[round(bar.get_height())] += 1
    assert heights == Counter({120: 2, 59: 2})
    _png_ok(tmp_path / "trend.png")
    path, _ = imported("parquet")
    with open_dataset(path) as ds:
        by_code = plots.comune_trend(ds, "019036")  # by ISTAT code, from a Parquet dataset
    assert _printed_numbers(by_code) == ["179"]


def test_findings_per_rule(tmp_path):
    findings = collection().check()
    fig = plots.findings_per_rule(findings, path=tmp_path / "findings.png")
    per_rule = Counter(f.rule for f in findings)
    labels = _bar_labels(fig)
    assert sorted(labels) == sorted(per_rule)
    assert {label: int(n) for label, n in zip(labels, _printed_numbers(fig))} == dict(per_rule)
    _png_ok(tmp_path / "findings.png")
    path, _ = imported("duckdb")
    with open_dataset(path) as ds:
        stored = plots.findings_per_rule(ds)
        rows = len(ds.table("findings"))
    assert sum(int(n) for n in _printed_numbers(stored)) == rows


def test_wrong_requests_are_explained():
    plans = collection()
    with pytest.raises(ValueError, match="Milano"):
        plots.comune_trend(plans, "Milano")
    main = plans[0]
    other = dataclasses.replace(main, ambito="Altro", file="altro.pdf")
    with pytest.raises(ValueError, match="ambito"):
        plots.units_per_comune(PlanCollection([main, other]))
    with pytest.raises(TypeError):
        plots.units_per_comune(42)


def test_charts_speak_italian(tmp_path):
    from pdfplans.checks.findings import Finding, Findings

    units = plots.units_per_comune(collection())
    ax = units.axes[0]
    assert ax.get_xlabel() == "alloggi assegnabili" and ax.get_title().startswith("Alloggi assegnabili per comune")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["liberi", "da ristrutturazione",
                                                                   "in carenza manutentiva"]
    rules = plots.findings_per_rule(Findings([Finding("a_row_sum", "error", "x"), Finding("a_total", "warning", "y")]))
    assert rules.axes[0].get_xlabel() == "rilievi"
    assert [t.get_text() for t in rules.axes[0].get_legend().get_texts()] == ["errore", "avviso"]
