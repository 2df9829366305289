"""The verdicts in the dataset and in `import --strict`: the queries the README and docs show leave the
suspect tables out, and a batch with a doubtful table exits 3 under --strict.

The bed: the 2022 Cremonese plan (read right) and the 2023 one without its page 6, as a reader that
lost a page would leave it: its population table stops after the comuni of page 5 and the table of
"già libere" units, announced on page 7, is gone.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from cli_helpers import run
from expected import SAMPLES

from pdfplans.dataset import open_dataset
from pdfplans.dataset.queries import DOUBTFUL_TABLES, POPULATION_READ_RIGHT

ROOT = Path(__file__).resolve().parent.parent
CUT = "cremonese_2023_cut.pdf"
GOOD = "cremonese_2022.pdf"


@pytest.fixture(scope="module")
def bed(tmp_path_factory):
    """The two files, imported with --strict into one DuckDB: (the import's result, the database)."""
    folder = tmp_path_factory.mktemp("verdicts_dataset")
    source = pdfium.PdfDocument(str(SAMPLES / "cremonese_2023.pdf"))
    cut = pdfium.PdfDocument.new()
    cut.import_pages(source, [0, 1, 2, 3, 4, 6, 7])  # page 6 (index 5) left out
    cut.save(str(folder / CUT))
    (folder / GOOD).write_bytes((SAMPLES / GOOD).read_bytes())
    db = folder / "piani.duckdb"
    result = run("import", folder / CUT, folder / GOOD, "--db", db, "--workers", "1", "--strict")
    return result, db


def test_import_strict_exits_3_and_names_the_doubtful_tables(bed):
    result, db = bed
    assert result.exit_code == 3
    assert db.is_file()  # the plans are imported all the same: --strict only changes the status
    assert f"{CUT}: 1 suspect, 1 missing" in result.stderr
    assert "suspect popolazione: page 5" in result.stderr and "missing e_libere: page 7" in result.stderr


def test_import_strict_passes_a_plan_read_right(tmp_path):
    result = run("import", SAMPLES / "brescia_ovest_2023.pdf", "--db", tmp_path / "a.duckdb", "--workers", "1",
                 "--strict")
    assert result.exit_code == 0, result.stderr  # a plan read right passes --strict
    assert "brescia_ovest_2023.pdf: 0 suspect, 0 missing" in result.stdout


def test_doubtful_tables_query_lists_the_cut_plans_tables(bed):
    _, db = bed
    with open_dataset(db) as ds:
        rows = ds.query(DOUBTFUL_TABLES)
    found = [(r.file_name, r.table_id, r.verdict, r.page) for r in rows.itertuples()]
    # the cut file's population table ends on page 5 (AT 1 and AZZANELLO); "❖ già libere" closes page 7
    assert found == [(CUT, "e_libere", "missing", 7), (CUT, "popolazione", "suspect", 5)]
    popolazione = rows[rows["table_id"] == "popolazione"].iloc[0]
    assert list(popolazione["evidence"]) == ["members"]
    # page 2 lists 48 member comuni; page 5 prints 6 of AT 1 and Azzanello: 41 lacking
    assert popolazione["message"].startswith("lacks 41 of the 48 member comuni")


def test_population_query_leaves_the_suspect_table_out(bed):
    _, db = bed
    with open_dataset(db) as ds:
        kept = ds.query(POPULATION_READ_RIGHT)
        every = ds.query(POPULATION_READ_RIGHT.replace("WHERE v.verdict = 'ok'", "WHERE TRUE"))
    # the 2022 plan prints "complessivamente pari a 157.078 abitanti" and TOTALE GENERALE 157.078
    assert [(r.file_name, r.anno, r.popolazione) for r in kept.itertuples()] == [(GOOD, 2022, 157078)]
    # unfiltered, the cut reading counts only what page 5 prints: TOTALE AT 1 14.545 + AZZANELLO 592
    assert dict(zip(every["file_name"], every["popolazione"])) == {GOOD: 157078, CUT: 14545 + 592}


@pytest.mark.parametrize("doc", ["README.md", "docs/dataset.md"])
def test_docs_show_the_verdict_queries_verbatim(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert DOUBTFUL_TABLES in text and POPULATION_READ_RIGHT in text
    assert "--strict" in text


def test_data_dictionary_describes_the_verdicts_table():
    from pdfplans.dataset.layout import VERDICTS_COLUMNS

    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    section = text.split("\n## Verdicts\n", 1)[1].split("\n## ", 1)[0]
    assert "To be written" not in section
    for column in VERDICTS_COLUMNS:
        assert f"| `{column}` |" in section, column
    assert POPULATION_READ_RIGHT in section
