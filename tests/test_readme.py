"""The README documents every rule (id, severity, one line) and shows the example queries verbatim."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _updater():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_is_up_to_date():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _updater().refreshed(text) == text, "run: .venv/bin/python scripts/update_readme.py"


def test_readme_lists_every_rule_and_query():
    from pdfplans.checks import RULES
    from pdfplans.dataset.queries import EXAMPLE_QUERIES

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule_id in RULES:
        assert f"`{rule_id}`" in text
    for _title, sql in EXAMPLE_QUERIES.values():
        assert sql in text


def test_readme_commands_exist():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for script in ("scripts/demo.sh", "scripts/test.sh", "scripts/setup.sh"):
        assert script in text and (ROOT / script).is_file()
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# -- the README's Python block, run as printed ---------------------------------------------------------
def _expected_units(plan: str) -> int:
    """TOTALE ALLOGGI IN PREVISIONE over the rows of table g, TOTALE row left out, from samples/expected/."""
    import csv

    with open(ROOT / "samples" / "expected" / plan / "g_assegnabili.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    total = [int(r["totale"]) for r in rows if r["is_total"] == "true"]
    units = sum(int(r["totale"]) for r in rows if r["is_total"] != "true")
    assert total == [units]  # the plan's own printed total agrees: the figure is the plan's
    return units


def _python_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_readme_python_example_gives_the_plans_own_figures(tmp_path, monkeypatch):
    import warnings

    from pdfplans.collection import PlanDuplicateWarning

    (tmp_path / "samples").symlink_to(ROOT / "samples")
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(compile(_python_block(), "README.md", "exec"), names)  # noqa: S102 - the README's own code
    names["ds"].close()
    want = {2022: _expected_units("cremonese_2022"), 2023: _expected_units("cremonese_2023")}
    assert want == {2022: 89, 2023: 261}  # the figures the README's comments print
    assert names["units"] == want[2023]
    assert {int(k): int(v) for k, v in names["per_year"].items()} == want
    assert dict(zip(names["by_year"]["anno"].astype(int), names["by_year"]["unita"].astype(int))) == want
    assert names["plans"].duplicates == [("samples/cremonese_2023_alt.pdf", "samples/cremonese_2023.pdf")]
    assert any(issubclass(w.category, PlanDuplicateWarning) for w in caught)
    cell = names["g"].cell(0, "liberi")
    assert (cell.text, cell.page) == ("1 + 5da turn\nover", 9)  # seed: "1 + 5da turn over" on page 9
    assert (tmp_path / "g.png").stat().st_size > 1000


def test_no_link_to_a_folder_a_clone_lacks():
    for path in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "examples").glob("*.ipynb"),
                 *(ROOT / "pdfplans").rglob("*.py")]:
        assert "shared/spec" not in path.read_text(encoding="utf-8"), path


def test_the_data_dictionary_describes_every_column_with_its_type():
    from pdfplans.schema import TABLE_COLUMNS, column_kind, columns_of

    words = {"int": "integer", "float": "decimal", "bool": "true/false", "str": "text"}
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    for table_id in TABLE_COLUMNS:
        section = text.split(f"\n### `{table_id}`\n", 1)[1].split("\n### ", 1)[0]
        for column in columns_of(table_id):
            row = next((l for l in section.splitlines() if l.startswith(f"| `{column}` |")), None)
            assert row is not None, (table_id, column)
            assert row.split("|")[2].strip() == words[column_kind(column)], (table_id, column)
    for name in ("README.md", "docs/dataset.md", "examples/pdfplans_tour.ipynb"):
        assert "docs/tables.md" in (ROOT / name).read_text(encoding="utf-8") or "(tables.md)" in \
            (ROOT / name).read_text(encoding="utf-8")
    # the docstrings of what a user reads first say where the columns are described
    from pdfplans.model import Table

    assert "docs/tables.md" in (Table.df.__doc__ or "") and "docs/tables.md" in (ROOT / "pdfplans" / "schema.py").read_text()
