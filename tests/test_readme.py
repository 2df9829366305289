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
