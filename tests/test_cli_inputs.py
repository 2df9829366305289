"""Batches: each finding names its plan; duplicates read once with a warning; folders and globs
everywhere, recursively; one bad file never stops the others; no empty dataset left behind."""
from __future__ import annotations

import json
import shutil

from cli_helpers import OTHER, SAMPLES, SMALL, corrupt, run


def test_json_findings_name_their_plan_and_year():
    result = run("check", SAMPLES / "cremonese_2022.pdf", SAMPLES / "cremonese_2023.pdf", "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    plans = {p["file"]: p for p in report["plans"]}
    assert {p["anno"] for p in plans.values()} == {2022, 2023}
    for finding in report["findings"]:
        plan = plans[finding["file"]]
        assert (finding["sha256"], finding["ambito"], finding["anno"]) == (plan["sha256"], plan["ambito"], plan["anno"])
    across = [f for f in report["findings"] if f["rule"] in ("k_vs_previous_g", "k_exceeds_previous_g")]
    assert across and {f["anno"] for f in across} == {2023}  # about plan 2023's k) against 2022's g)


def test_the_same_file_or_the_same_plan_twice_is_read_once_with_a_warning(tmp_path):
    alone = json.loads(run("check", OTHER, "-f", "json").stdout)["findings"]
    copy = tmp_path / "copia.pdf"
    shutil.copy(OTHER, copy)
    twice = run("check", OTHER, copy, "-f", "json")
    assert "same file" in twice.stderr and "copia.pdf" in twice.stderr
    assert len(json.loads(twice.stdout)["findings"]) == len(alone)
    single = json.loads(run("check", SAMPLES / "cremonese_2023.pdf", "-f", "json").stdout)["findings"]
    rendering = run("check", SAMPLES / "cremonese_2023.pdf", SAMPLES / "cremonese_2023_alt.pdf", "-f", "json")
    assert "cremonese_2023_alt.pdf" in rendering.stderr and "Cremonese 2023" in rendering.stderr
    assert len(json.loads(rendering.stdout)["findings"]) == len(single)


def test_folders_and_globs_are_read_recursively_and_a_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "piani" / "2023").mkdir(parents=True)
    shutil.copy(SMALL, tmp_path / "piani" / SMALL.name)
    shutil.copy(OTHER, tmp_path / "piani" / "2023" / OTHER.name)
    bad = corrupt(tmp_path / "piani" / "2023")
    checked = run("check", tmp_path / "piani", "-f", "json")
    assert checked.exit_code == 1
    assert bad.name in checked.stderr and "not a PDF" in checked.stderr
    assert {p["file"].rsplit("/", 1)[-1] for p in json.loads(checked.stdout)["plans"]} == {SMALL.name, OTHER.name}
    extracted = run("extract", str(tmp_path / "piani" / "**" / "*.pdf"), "--out", tmp_path / "out")
    assert extracted.exit_code == 1 and bad.name in extracted.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} == {SMALL.stem, OTHER.stem}
    imported = run("import", tmp_path / "piani", "--db", tmp_path / "p.duckdb")
    assert imported.exit_code == 1 and "2 imported" in imported.stdout and bad.name in imported.stderr


def test_nothing_imported_leaves_no_database(tmp_path):
    bad = corrupt(tmp_path)
    for args in (("--db", tmp_path / "p.duckdb"), ("--db", tmp_path / "pq", "--parquet")):
        result = run("import", bad, *args)
        assert result.exit_code == 2 and bad.name in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [bad.name]
    empty = tmp_path / "vuota"
    empty.mkdir()
    assert run("check", empty).exit_code == 2


def test_import_says_when_an_ambito_and_year_is_stored_twice(tmp_path):
    db = tmp_path / "p.duckdb"
    first = run("import", SAMPLES / "cremonese_2023.pdf", "--db", db)
    assert first.exit_code == 0 and "warning" not in first.stderr
    again = run("import", SAMPLES / "cremonese_2023_alt.pdf", "--db", db)
    assert again.exit_code == 0, again.output
    line = " ".join(again.stderr.split())
    assert "Cremonese 2023 is in the dataset 2 times" in line and "cremonese_2023_alt.pdf" in line
    assert "keep the latest import, cremonese_2023_alt.pdf" in line


def test_a_file_given_twice_or_inside_a_folder_also_given_is_read_once_and_named(tmp_path):
    alone = json.loads(run("check", SMALL, "-f", "json").stdout)["findings"]
    twice = run("check", SMALL, SMALL, "-f", "json")
    assert f"{SMALL} was given more than once: read once" in " ".join(twice.stderr.split())
    assert len(json.loads(twice.stdout)["findings"]) == len(alone)
    shutil.copy(SMALL, tmp_path / SMALL.name)
    imported = run("import", tmp_path, tmp_path / SMALL.name, "--db", tmp_path / "p.duckdb")
    assert imported.exit_code == 0, imported.output
    assert "given more than once" in imported.stderr and "1 imported, 0 already present" in imported.stdout


def test_an_import_of_nothing_says_no_dataset_was_written(tmp_path):
    empty = tmp_path / "vuota"
    empty.mkdir()
    result = run("import", empty, "--db", tmp_path / "p.duckdb")
    assert result.exit_code == 2
    assert f"{empty}: no PDF in this folder" in result.stderr
    assert "no dataset written" in result.stdout and "p.duckdb" not in result.stdout
    assert not (tmp_path / "p.duckdb").exists()
