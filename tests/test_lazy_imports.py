"""Reading and extracting a plan never loads the heavy modules only other commands need (the dataframe,
dataset, report and plot libraries; numpy only for a page's picture): they would cost every run of
``pdfplans extract`` their import time (issue 12). Each case runs in a fresh interpreter, so nothing
another test imported counts."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from expected import SAMPLES

HEAVY = ("pandas", "duckdb", "pyarrow", "rich", "matplotlib", "openpyxl", "numpy")
# explain: only for --explain; pydantic: what typer would build its parameter checks with
EXTRACT_UNUSED = (*HEAVY, "pydantic", "pdfplans.extractors.explain")
PLAN = SAMPLES / "cremonese_2023.pdf"

READ = """
import json, sys, tempfile
import pdfplans
from pdfplans.export import write_plan
plan = pdfplans.read_plan(sys.argv[1])
with tempfile.TemporaryDirectory() as folder:
    write_plan(plan, folder)
print(json.dumps(sorted(sys.modules)))
"""

# the command line as the console script runs it, in-process, so its modules can be listed after
EXTRACT = """
import json, runpy, sys
plan, out = sys.argv[1:3]
sys.argv = ["pdfplans", "--quiet", "extract", plan, "--out", out]
try:
    runpy.run_module("pdfplans", run_name="__main__")
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(code: str, *args: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return set(json.loads(run.stdout.splitlines()[-1]))


@pytest.mark.parametrize("module", HEAVY)
def test_read_plan_leaves_heavy_modules_unloaded(module: str, read_modules: set[str]) -> None:
    assert module not in read_modules


@pytest.mark.parametrize("module", EXTRACT_UNUSED)
def test_extract_leaves_heavy_modules_unloaded(module: str, extract_modules: set[str]) -> None:
    assert module not in extract_modules


def test_the_reader_did_run(read_modules: set[str], extract_modules: set[str]) -> None:
    """The lists above are of a real reading: the reader's own modules are there."""
    assert {"pypdfium2", "pdfplans.extractors.pdf", "pdfplans.verdicts.judge"} <= read_modules & extract_modules


@pytest.fixture(scope="module")
def read_modules() -> set[str]:
    return _loaded(READ, str(PLAN))


@pytest.fixture(scope="module")
def extract_modules(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return _loaded(EXTRACT, str(PLAN), str(tmp_path_factory.mktemp("lazy") / "out"))
