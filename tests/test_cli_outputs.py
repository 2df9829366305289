"""Output paths: checked before any reading, one line and exit 2 when unwritable; the user's umask;
no plan's tables mixed with another's; a default --out."""
from __future__ import annotations

import json
import os
import stat

import pytest
from cli_helpers import OTHER, SMALL, corrupt, run


def _one_error_line(result, *names: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output and lines[0].startswith("error:")
    for name in names:
        assert name in lines[0]


@pytest.mark.parametrize("make_args", [
    lambda t, pdf: (("extract", pdf, "--out", "/proc/x"), "/proc/x"),
    lambda t, pdf: (("extract", pdf, "--out", t / "afile"), "afile"),
    lambda t, pdf: (("extract", pdf, "--out", t / "ok", "--debug", "/proc/x"), "/proc/x"),
    lambda t, pdf: (("check", pdf, "-f", "html", "-o", "/proc/x/r.html"), "/proc/x/r.html"),
    lambda t, pdf: (("check", pdf, "-o", t), str(t)),
    lambda t, pdf: (("import", pdf, "--db", "/proc/x/p.duckdb"), "/proc/x/p.duckdb"),
    lambda t, pdf: (("import", pdf, "--db", t / "afile", "--parquet"), "afile"),
], ids=["extract-proc", "extract-file", "debug-proc", "check-proc", "check-dir", "import-proc", "parquet-file"])
def test_an_unwritable_output_is_named_before_the_pdf_is_read(tmp_path, make_args):
    (tmp_path / "afile").write_text("x")
    pdf = corrupt(tmp_path)  # had it been read first, the error would blame the PDF
    args, named = make_args(tmp_path, pdf)
    result = run(*args)
    _one_error_line(result, named)
    assert "not a PDF" not in result.stderr
    assert not (tmp_path / "ok").exists()  # a folder made for the check goes again when another fails


def test_files_are_written_with_the_users_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        assert run("extract", SMALL, "--out", tmp_path / "t").exit_code == 0
        assert run("import", SMALL, "--db", tmp_path / "pq", "--parquet", "-q").exit_code == 0
    finally:
        os.umask(previous)
    written = [*(tmp_path / "t").iterdir(), *(tmp_path / "pq").rglob("*.parquet")]
    assert len(written) > 10
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_another_plans_folder_is_refused_unless_forced(tmp_path):
    out = tmp_path / "tables"
    assert run("extract", OTHER, "--out", out).exit_code == 0
    theirs = {p.name for p in out.glob("*.csv")}
    again = run("extract", OTHER, "--out", out)  # the same plan again: its own folder
    assert again.exit_code == 0, again.output
    refused = run("extract", SMALL, "--out", out)
    _one_error_line(refused, str(out), "--force")
    assert json.loads((out / "plan.json").read_text())["ambito"] != "Brescia Ovest"
    forced = run("extract", SMALL, "--out", out, "--force")
    assert forced.exit_code == 0, forced.output
    metadata = json.loads((out / "plan.json").read_text())
    ours = {f"{t['id']}.csv" for t in metadata["tables"]}
    assert {p.name for p in out.glob("*.csv")} == ours and theirs - ours  # none of the other plan's left
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "g_assegnabili.csv").write_text("ente\n")  # CSVs without a plan.json: someone's tables too
    _one_error_line(run("extract", SMALL, "--out", loose), "g_assegnabili.csv")


def test_default_out_is_a_folder_named_after_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", SMALL)
    assert result.exit_code == 0, result.output
    assert (tmp_path / SMALL.stem / "plan.json").is_file()
    several = run("extract", SMALL, OTHER, "--out", tmp_path / "all")
    assert several.exit_code == 0, several.output
    assert {p.name for p in (tmp_path / "all").iterdir()} == {SMALL.stem, OTHER.stem}


def _listing(folder) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_a_dataset_and_an_extraction_never_share_a_folder(tmp_path):
    tables, dataset = tmp_path / "tables", tmp_path / "pq"
    assert run("extract", SMALL, "--out", tables, "-q").exit_code == 0
    assert run("import", SMALL, "--db", dataset, "--parquet", "-q").exit_code == 0
    extracted, imported = _listing(tables), _listing(dataset)
    assert "plan.json" in extracted and "plans" in imported

    into_tables = run("import", OTHER, "--db", tables, "--parquet")  # the dataset would mix with the CSVs
    _one_error_line(into_tables, str(tables), "plan.json")
    into_dataset = run("extract", OTHER, "--out", dataset)
    _one_error_line(into_dataset, str(dataset), "Parquet dataset")
    forced = run("extract", OTHER, "--out", dataset, "--force")  # --force replaces tables, never a dataset
    _one_error_line(forced, str(dataset))
    several = run("extract", SMALL, OTHER, "--out", dataset)  # a subfolder per plan, inside the dataset
    _one_error_line(several, str(dataset))
    assert _listing(tables) == extracted and _listing(dataset) == imported  # nothing written into either

    other = tmp_path / "notes"
    other.mkdir()
    (other / "appunti.txt").write_text("x")  # any folder that is not a dataset: no dataset added to it
    _one_error_line(run("import", SMALL, "--db", other, "--parquet"), "appunti.txt")
    again = run("import", OTHER, "--db", dataset, "--parquet", "-q")  # a dataset's own folder still takes plans
    assert again.exit_code == 0, again.output
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("import", SMALL, "--db", empty, "--parquet", "-q").exit_code == 0
