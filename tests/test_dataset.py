"""import_plans / open_dataset on the samples: schema, idempotence, failures, kills, example queries.

Two renderings of the 2023 plan (Word-like and reportlab) plus a text file renamed .pdf are imported
once per session (into DuckDB and into Parquet); expected figures come from samples/expected/.
"""
from __future__ import annotations

import atexit
import csv
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pdfplans.dataset import DatasetError, ImportReport, import_plans, layout, open_dataset
from pdfplans.dataset.queries import EXAMPLE_QUERIES
from pdfplans.dataset.stores import SLOW_INSERT_ENV
from pdfplans.schema import TABLE_IDS, columns_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected" / "cremonese_2023"
GOOD = ("cremonese_2023.pdf", "cremonese_2023_reportlab.pdf")
CORRUPT = "verbale_riunione.pdf"  # a text file with a .pdf name
COPY = "zz_copia_" + GOOD[1]  # the same bytes as a good sample under another name: imported once
KINDS = ("duckdb", "parquet")

_WORK = Path(tempfile.mkdtemp(prefix="pdfplans_test_dataset_"))
atexit.register(shutil.rmtree, _WORK, True)
_CACHE: dict[str, object] = {}


# -- shared, cached once per test session (test_collection and test_plots use them too) -----------
def batch_dir() -> Path:
    """A folder with the good samples, a copy of one of them and the corrupt file."""
    folder = _WORK / "batch"
    if not folder.exists():
        folder.mkdir()
        for name in GOOD:
            shutil.copy(SAMPLES / name, folder / name)
        shutil.copy(SAMPLES / GOOD[1], folder / COPY)
        (folder / CORRUPT).write_text("Verbale della riunione del tavolo tecnico.\nNon è un PDF.\n", encoding="utf-8")
    return folder


def renderings() -> list:
    """The good samples (two renderings of one plan) read one by one, once per session."""
    if "renderings" not in _CACHE:
        from pdfplans import read_plan

        _CACHE["renderings"] = [read_plan(batch_dir() / name) for name in GOOD]
    return _CACHE["renderings"]  # type: ignore[return-value]


def imported(kind: str) -> tuple[Path, ImportReport]:
    """The batch folder imported once into a DuckDB file or a Parquet folder."""
    if kind not in _CACHE:
        target = _WORK / ("samples.duckdb" if kind == "duckdb" else "samples_parquet")
        report = import_plans([batch_dir()], target, parquet=kind == "parquet", workers=2, progress=False)
        _CACHE[kind] = (target, report)
    return _CACHE[kind]  # type: ignore[return-value]


def counts(path: Path) -> dict[str, int]:
    with open_dataset(path) as ds:
        return ds.counts()


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expected_rows(table_id: str, plan: str | None = None) -> list[dict[str, str]]:
    """Rows of a table as transcribed in samples/expected/ (the 2023 plan unless ``plan`` names another)."""
    folder = EXPECTED if plan is None else EXPECTED.parent / plan
    with open(folder / f"{table_id}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session", params=KINDS)
def dataset(request) -> tuple[Path, ImportReport]:
    return imported(request.param)


# -- failures and the report -----------------------------------------------------------------------
def test_corrupt_file_is_named_and_the_others_land(dataset):
    path, report = dataset
    assert [Path(f).name for f, _ in report.failed] == [CORRUPT]
    assert "PDF" in report.failed[0][1]
    assert sorted(Path(f).name for f in report.imported) == sorted(GOOD)
    assert [Path(f).name for f in report.skipped] == [COPY]  # same sha256 as a file of the same batch
    assert report.exit_status == 1
    assert CORRUPT in report.summary()
    with open_dataset(path) as ds:
        plans = ds.plans
    assert sorted(plans["file_name"]) == sorted(GOOD)
    assert set(plans["sha256"]) == {sha256_of(SAMPLES / name) for name in GOOD}


def test_exit_status_of_reports():
    assert ImportReport("d", imported=["a"]).exit_status == 0
    assert ImportReport("d", skipped=["a"]).exit_status == 0
    assert ImportReport("d", imported=["a"], failed=[("b", "x")]).exit_status == 1
    assert ImportReport("d", failed=[("b", "x")]).exit_status == 2
    assert ImportReport("d").exit_status == 2


def test_nothing_to_import_and_missing_files(tmp_path):
    empty = import_plans([], tmp_path / "empty.duckdb", progress=False)
    assert empty.exit_status == 2 and not empty.imported
    missing = import_plans([tmp_path / "nope.pdf"], tmp_path / "m.duckdb", progress=False)
    assert missing.exit_status == 2
    assert [Path(f).name for f, _ in missing.failed] == ["nope.pdf"]


def test_unusable_dataset_paths_raise(tmp_path):
    with pytest.raises(DatasetError):
        open_dataset(tmp_path / "absent.duckdb")
    with pytest.raises(DatasetError):
        open_dataset(tmp_path)  # a folder without plans/
    with pytest.raises(DatasetError):
        import_plans([SAMPLES / GOOD[0]], tmp_path, progress=False)  # a folder given as a DuckDB file
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("not a database")
    with pytest.raises(DatasetError):
        import_plans([SAMPLES / GOOD[0]], not_duckdb, progress=False)


# -- schema --------------------------------------------------------------------------------------------
def test_schema(dataset):
    path, _ = dataset
    with open_dataset(path) as ds:
        assert ds.tables == ["plans", *TABLE_IDS, "findings", "cells", "verdicts"]
        assert list(ds.plans.columns) == ["sha256", "file_name", "ambito", "anno", "pages", "imported_at",
                                          "pdfplans_version"]
        for table_id in TABLE_IDS:
            assert list(ds.table(table_id).columns) == ["plan_sha256", "row", *columns_of(table_id)]
            assert list(ds[table_id].columns) == ["ambito", "anno", "file", *columns_of(table_id)]
        assert list(ds.table("findings").columns) == [
            "plan_sha256", "rule", "severity", "message", "tables", "ente", "comune", "comune_istat", "field",
            "expected", "found", "expected_text", "found_text", "pages", "kind", "previous_sha256"]
        assert list(ds.table("cells").columns) == [
            "plan_sha256", "table_id", "row", "column", "page", "x0", "top", "x1", "bottom", "text", "confidence"]
        plans = ds.plans
    assert set(plans["ambito"]) == {"Cremonese"} and set(plans["anno"]) == {2023}
    for row in plans.itertuples():
        info = subprocess.run(["pdfinfo", str(SAMPLES / row.file_name)], capture_output=True, text=True).stdout
        assert "Pages:" in info
        assert int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:"))) == row.pages


def test_rows_carry_plan_and_page_and_cells_point_to_them(dataset):
    path, _ = dataset
    with open_dataset(path) as ds:
        g = ds.table("g_assegnabili")
        orphans = ds.query("""
            SELECT count(*) AS n FROM cells c
            LEFT JOIN g_assegnabili g ON g.plan_sha256 = c.plan_sha256 AND g.row = c.row
            WHERE c.table_id = 'g_assegnabili' AND g.row IS NULL""")
        printed = ds.query("""
            SELECT c.text FROM cells c JOIN g_assegnabili g ON g.plan_sha256 = c.plan_sha256 AND g.row = c.row
            WHERE c.table_id = 'g_assegnabili' AND c."column" = 'totale' AND g.ente_tipo = 'aler'
              AND g.comune = 'Cremona'""")
    assert g["page"].notna().all() and g["plan_sha256"].notna().all()
    assert int(orphans["n"].iloc[0]) == 0
    assert list(printed["text"]) == ["120", "120"]  # the ALER row of Cremona prints 120 in both renderings


def test_every_record_and_printed_cell_is_stored(dataset):
    """The dataset holds what the reader found, row for row and cell for cell."""
    path, _ = dataset
    plans = {Path(p.file).name: p for p in renderings()}
    with open_dataset(path) as ds:
        stored = Counter()
        for table_id in TABLE_IDS:
            for file, n in ds[table_id].groupby("file").size().items():
                stored[(file, table_id)] = int(n)
        cells = ds.query("SELECT p.file_name, count(*) AS n FROM cells c JOIN plans p ON p.sha256 = c.plan_sha256 "
                         "GROUP BY p.file_name")
    read = Counter({(name, tid): len(t) for name, plan in plans.items() for tid, t in plan.tables.items() if len(t)})
    assert stored == read
    read_cells = {name: sum(len(c) for t in plan.tables.values() for c in t.cells) for name, plan in plans.items()}
    assert dict(zip(cells["file_name"], cells["n"].astype(int))) == read_cells


# -- idempotence ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_importing_again_changes_nothing_and_replace_reimports(kind):
    path, _ = imported(kind)
    before = counts(path)
    with open_dataset(path) as ds:
        stamps = dict(zip(ds.plans["sha256"], ds.plans["imported_at"]))
    assert before["plans"] == 2 and before["g_assegnabili"] == 2 * 33 and before["cells"] > 1000

    again = import_plans([SAMPLES / name for name in GOOD], path, parquet=kind == "parquet", progress=False)
    assert again.imported == [] and again.failed == [] and len(again.skipped) == 2
    assert again.exit_status == 0
    assert counts(path) == before
    with open_dataset(path) as ds:
        assert dict(zip(ds.plans["sha256"], ds.plans["imported_at"])) == stamps

    replaced = import_plans([SAMPLES / GOOD[1]], path, parquet=kind == "parquet", replace=True, workers=1,
                            progress=False)
    assert [Path(f).name for f in replaced.imported] == [GOOD[1]]
    assert counts(path) == before
    with open_dataset(path) as ds:
        now = dict(zip(ds.plans["sha256"], ds.plans["imported_at"]))
    main = sha256_of(SAMPLES / GOOD[1])
    assert now[main] > stamps[main]
    assert {k: v for k, v in now.items() if k != main} == {k: v for k, v in stamps.items() if k != main}


# -- a killed import ---------------------------------------------------------------------------------
_CHILD = """
import sys
from pdfplans.dataset import import_plans
import_plans(sys.argv[3:], sys.argv[1], parquet=sys.argv[2] == "parquet", workers=2, progress=False)
"""


@pytest.mark.parametrize("kind", KINDS)
def test_killed_import_leaves_no_partial_plan(kind, tmp_path):
    """DuckDB: killed while writing the second of two plans; Parquet: while writing its only plan."""
    files = [str(SAMPLES / name) for name in (GOOD if kind == "duckdb" else GOOD[1:])]
    target = tmp_path / ("killed.duckdb" if kind == "duckdb" else "killed_parquet")
    env = {**os.environ, SLOW_INSERT_ENV: "0.03"}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(target), kind, *files], env=env, cwd=ROOT,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    writing: list[str] = []  # sha256 of the plans in the order the child writes them
    tables_of_last = 0
    deadline = time.monotonic() + 120
    try:
        for line in child.stderr:
            if not line.startswith(SLOW_INSERT_ENV):
                continue
            _, sha, _table, _done = line.split()
            if sha not in writing:
                writing.append(sha)
            if len(writing) == len(files):
                tables_of_last += 1
                if tables_of_last == 4:  # the last plan is being written: kill the whole import
                    break
            assert time.monotonic() < deadline, "the child import never reached its last plan"
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the child and its pool workers, all started here
        child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert len(writing) == len(files)
    whole, partial = set(writing[:-1]), writing[-1]

    with open_dataset(target) as ds:
        assert set(ds.plans["sha256"]) == whole  # the earlier plans whole, nothing of the last one
        for name in ds.tables[1:]:
            assert set(ds.table(name)["plan_sha256"]) <= whole, name
    if kind == "duckdb":  # no trace of the last plan even in the raw tables
        import duckdb

        con = duckdb.connect(str(target), read_only=True)
        try:
            for name in layout.table_names()[1:]:
                n = con.execute(f'SELECT count(*) FROM "{name}" WHERE plan_sha256 = ?', [partial]).fetchone()[0]
                assert n == 0, name
        finally:
            con.close()
    else:  # its first files were written (and are ignored until its plans/ file exists)
        assert (target / TABLE_IDS[0] / f"{partial}.parquet").exists()
        assert not (target / "plans" / f"{partial}.parquet").exists()

    resumed = import_plans(files, target, parquet=kind == "parquet", workers=1, progress=False)
    assert len(resumed.imported) == 1 and len(resumed.skipped) == len(files) - 1 and resumed.exit_status == 0
    reference, _ = imported(kind)
    with open_dataset(reference) as ref:
        expected = {name: int(ref.query(f'SELECT count(*) FROM "{name}" WHERE list_contains(?, '
                                        + ("sha256" if name == "plans" else "plan_sha256") + ")",
                                        [list(writing)]).iloc[0, 0]) for name in ref.tables}
    assert counts(target) == expected


# -- the example queries of docs/dataset.md ----------------------------------------------------------
def test_docs_show_the_example_queries():
    text = (ROOT / "docs" / "dataset.md").read_text(encoding="utf-8")
    for _title, sql in EXAMPLE_QUERIES.values():
        assert sql in text


def test_units_per_comune_query_matches_expected(dataset):
    path, _ = dataset
    expected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in expected_rows("g_assegnabili"):
        if row["is_total"] == "true":
            continue
        for i, column in enumerate(("totale", "liberi", "ristrutturazione", "carenza_manutentiva")):
            expected[row["comune_istat"]][i] += int(row[column])
    with open_dataset(path) as ds:
        result = ds.query(EXAMPLE_QUERIES["units_per_comune"][1])
    assert set(result["anno"]) == {2023} and set(result["ambito"]) == {"Cremonese"}
    found = {r.comune_istat: [r.unita, r.liberi, r.ristrutturazione, r.carenza_manutentiva]
             for r in result.itertuples()}
    assert found == dict(expected)
    assert found["019036"][0] == 59 + 120  # Cremona: the comune's and ALER's units together


def test_stock_per_ente_query_matches_expected(dataset):
    path, _ = dataset
    expected = {row["ente"]: (int(row["alloggi_totali"]), int(row["alloggi_sap"]), int(row["alloggi_sas"]))
                for row in expected_rows("a_consistenza") if row["is_total"] == "false"}
    with open_dataset(path) as ds:
        result = ds.query(EXAMPLE_QUERIES["stock_per_ente"][1])
    found = {r.ente: (r.alloggi_totali, r.alloggi_sap, r.alloggi_sas) for r in result.itertuples()}
    assert found == expected
    aler = result[result["ente_tipo"] == "aler"].iloc[0]
    assert aler["quota_sap_pct"] == pytest.approx(round(100 * 2420 / 2437, 1))


def test_allegato_b_vs_g_query_matches_expected(dataset):
    path, _ = dataset
    listed = Counter(row["comune_istat"] for row in expected_rows("allegato_b"))
    counted: Counter[str] = Counter()
    for row in expected_rows("g_assegnabili"):
        if row["ente_tipo"] == "aler":
            counted[row["comune_istat"]] += int(row["totale"])
    with open_dataset(path) as ds:
        result = ds.query(EXAMPLE_QUERIES["allegato_b_vs_g"][1])
    assert set(result["ente_tipo"]) == {"aler"}
    assert dict(zip(result["comune_istat"], result["in_allegato_b"].astype(int))) == dict(listed)
    assert dict(zip(result["comune_istat"], result["in_tabella_g"].astype(int))) == dict(counted)
    assert (result["differenza"] == 0).all()
    assert int(result["in_allegato_b"].sum()) == 154


# -- the command ---------------------------------------------------------------------------------------
def test_import_command_names_the_failed_file_and_exits_1():
    import typer
    from typer.testing import CliRunner

    from pdfplans.dataset.command import import_command

    app = typer.Typer()
    app.callback()(lambda: None)
    app.command("import")(import_command)
    path, _ = imported("duckdb")
    result = CliRunner().invoke(app, ["import", str(batch_dir()), "--db", str(path)])
    assert result.exit_code == 1, result.output
    assert CORRUPT in result.output
    assert "0 imported, 3 already present, 1 failed" in result.output


def test_plans_already_read_import_like_their_files(tmp_path):
    target = tmp_path / "from_plans.duckdb"
    report = import_plans(renderings(), target, progress=False)
    assert sorted(Path(f).name for f in report.imported) == sorted(GOOD) and report.exit_status == 0
    reference, _ = imported("duckdb")
    assert counts(target) == counts(reference)
    again = import_plans([SAMPLES / name for name in GOOD], target, progress=False)  # same sha256
    assert len(again.skipped) == 2 and again.imported == []


@settings(deadline=None, max_examples=60)
@given(st.lists(st.one_of(st.none(), st.integers(-10**12, 10**12), st.text(max_size=4),
                          st.floats(allow_nan=True, allow_infinity=True)), max_size=12))
def test_a_value_of_the_wrong_type_becomes_null_and_the_others_stay(values):
    """A reader bug (text or a fraction in an integer column) must not lose the rest of the plan."""
    import math

    import pyarrow as pa

    from pdfplans.dataset.rows import _array

    stored = _array(values, pa.int64()).to_pylist()
    assert len(stored) == len(values)
    for value, kept in zip(values, stored):
        if value is None:
            assert kept is None
        elif isinstance(value, int):
            assert kept == value
        elif isinstance(value, float) and not (math.isfinite(value) and value == int(value)):
            assert kept is None
        elif kept is not None:  # an integral float, or text that reads as one
            assert kept == int(float(value))


def test_rows_count_from_one_and_findings_keep_their_figures_typed(dataset):
    """``row`` as a person counts (1 = first record); ``expected``/``found`` numbers as the API has them."""
    path, _ = dataset
    plan = renderings()[0]
    api = [f for f in plan.check() if isinstance(f.expected, (int, float)) and isinstance(f.found, (int, float))]
    with open_dataset(path) as ds:
        first = ds.query("SELECT min(row) AS lo, max(row) AS hi, count(*) AS n FROM g_assegnabili "
                         "WHERE plan_sha256 = ?", [plan.sha256])
        stored = ds.query("SELECT rule, expected, found, expected_text FROM findings WHERE plan_sha256 = ? "
                          "AND expected IS NOT NULL ORDER BY rule, message", [plan.sha256])
        cells_rows = ds.query("SELECT min(row) AS lo FROM cells WHERE plan_sha256 = ?", [plan.sha256])
    assert int(first["lo"].iloc[0]) == 1 and int(first["hi"].iloc[0]) == int(first["n"].iloc[0])
    assert int(cells_rows["lo"].iloc[0]) == 1
    assert str(stored["expected"].dtype) == "float64" and len(stored) == len(api) > 0
    assert sorted((f.rule, float(f.expected), float(f.found)) for f in api) == \
        sorted(zip(stored["rule"], stored["expected"], stored["found"]))


@pytest.mark.parametrize("kind", KINDS)
def test_findings_across_years_are_stored_whenever_each_year_came_in(tmp_path, kind):
    """2023 imported first, 2022 later, then another rendering of 2023: the dataset holds the
    findings across years the API gives for the pair, once, and importing again changes nothing."""
    from pdfplans import read_plan
    from pdfplans.checks import run_checks

    years = {"k_vs_previous_g", "k_exceeds_previous_g", "consistenza_change"}
    earlier, later = read_plan(SAMPLES / "cremonese_2022.pdf"), read_plan(SAMPLES / "cremonese_2023.pdf")
    api = sorted((f.rule, f.ente, float(f.expected), float(f.found)) for f in run_checks([earlier, later])
                 if f.rule in years)
    assert api
    target = tmp_path / ("d.duckdb" if kind == "duckdb" else "pq")
    parquet = kind == "parquet"

    def stored() -> list[tuple]:
        with open_dataset(target) as ds:
            rows = ds.query("SELECT f.rule, f.ente, f.expected, f.found, f.previous_sha256, p.anno FROM findings f "
                            "JOIN plans p ON p.sha256 = f.plan_sha256 WHERE f.previous_sha256 IS NOT NULL")
        assert set(rows["anno"]) <= {2023}
        assert set(rows["previous_sha256"]) <= {earlier.sha256}
        return sorted(zip(rows["rule"], rows["ente"], rows["expected"], rows["found"]))

    import_plans([later], target, parquet=parquet, progress=False)
    assert stored() == []
    import_plans([SAMPLES / "cremonese_2022.pdf"], target, parquet=parquet, progress=False)
    assert stored() == api
    import_plans([SAMPLES / "cremonese_2022.pdf", SAMPLES / "cremonese_2023.pdf"], target, parquet=parquet,
                 progress=False)
    assert stored() == api  # nothing new imported: nothing changes
    import_plans([SAMPLES / "cremonese_2023_alt.pdf"], target, parquet=parquet, progress=False)
    assert len(stored()) == len(api)  # the latest rendering of 2023 counts; the findings are not doubled
