"""The small things a user meets first: --version, flags, options in any place, formats, messages."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from cli_helpers import SAMPLES, SMALL, run


def test_version_and_flags_shown_as_flags():
    from pdfplans import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"pdfplans {__version__}"
    for command in ((), ("extract",), ("check",), ("import",), ("comuni",)):
        shown = run(*command, "--help")
        assert shown.exit_code == 0 and "<bool>" not in shown.stdout, command


# What typer prints for a parameter without a metavar: the Python type, meaningless to a user
RAW_TYPE = re.compile(r"<(?:list\[\w+\]|str|path|int|float|bool|int range)>|\{\w+\}|\b(?:plans|names)\.\.\.")


@pytest.mark.parametrize(("command", "usage", "shown"), [
    ("extract", "extract [OPTIONS] PLAN...", ("--out -o DIR", "--debug DIR", "--csv-dialect DIALECT")),
    ("check", "check [OPTIONS] PLAN...", ("--format -f FORMAT", "--output -o FILE")),
    ("import", "import [OPTIONS] PLAN...", ("--db -d PATH", "--workers -j N")),
    ("comuni", "comuni [OPTIONS] NAME...", ("--provincia -p SIGLA", "--anno YEAR")),
])
def test_help_names_what_each_argument_and_option_takes(command, usage, shown):
    text = " ".join(run(command, "--help").stdout.replace("│", " ").split())  # rich's box drawn away
    assert text.split("Usage:", 1)[1].split(maxsplit=1)[1].startswith(usage)  # after the program's name
    assert not RAW_TYPE.findall(text), RAW_TYPE.findall(text)
    for option in shown:
        assert option in text, option
    missing = run(command)
    assert missing.exit_code == 2 and "Missing argument" in missing.stderr and usage.split()[-1] in missing.stderr


def test_quiet_and_verbose_after_the_command(tmp_path):
    loud = run("extract", SMALL, "--out", tmp_path / "a", "-v")
    assert loud.exit_code == 0 and "rows  pages" in loud.stdout
    hushed = run("extract", SMALL, "--out", tmp_path / "b", "--quiet")
    assert hushed.exit_code == 0 and hushed.stdout == "" and hushed.stderr == ""
    before = run("-q", "extract", SMALL, "--out", tmp_path / "c")
    assert before.exit_code == 0 and before.stdout == ""


@pytest.mark.parametrize(("args", "starts"), [
    (("--format", "JSON"), "{"),
    (("-f", "Html", "-o", "{out}/r.txt"), "<!"),
    (("-o", "{out}/r.json"), "{"),
    (("-o", "{out}/r.HTML"), "<!"),
])
def test_format_in_any_case_or_from_the_output_extension(tmp_path, args, starts):
    args = tuple(a.format(out=tmp_path) for a in args)
    result = run("check", SMALL, *args)
    assert result.exit_code in (0, 1), result.output
    written = next(tmp_path.iterdir()).read_text() if "-o" in args else result.stdout
    assert written.lstrip().lower().startswith(starts.lower())
    assert run("check", SMALL, "-f", "yaml").exit_code == 2


def test_no_ocr_on_a_scan_says_ocr_was_off(tmp_path):
    result = run("extract", SAMPLES / "cremonese_2023_scan.pdf", "--no-ocr", "--out", tmp_path / "s")
    assert result.exit_code == 2
    assert "OCR is off" in result.stderr and "--no-ocr" in result.stderr
    mixed = tmp_path / "mixed.pdf"  # pages of text, then one scanned page
    scan = SAMPLES / "cremonese_2023_scan.pdf"
    text = SAMPLES / "cremonese_2023.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", str(text), "1-10", str(scan), "11", "--", str(mixed)], check=True)
    partly = run("extract", mixed, "--no-ocr", "--out", tmp_path / "m")
    assert partly.exit_code == 0, partly.output
    assert "1 page(s) without a text layer not read, OCR is off: 11" in partly.stderr


def test_comuni_json_carries_the_runner_up_score():
    from pdfplans.normalize.comuni import FUZZY_THRESHOLD

    # "CAPPELLA" alone: Cappella Cantone and Cappella de' Picenardi (both CR) are near, neither is it
    result = run("comuni", "PIEVE SG", "CREMONA", "CAPPELLA", "--json", "-p", "CR")
    assert result.exit_code == 1  # one name left unresolved
    records = json.loads(result.stdout)
    assert all("runner_up_score" in r for r in records)
    for r in records:
        assert (r["runner_up"] is None) == (r["runner_up_score"] is None)
        if r["runner_up_score"] is not None and r["comune"] is not None:
            assert 0 <= r["runner_up_score"] <= r["score"]
    unresolved = records[2]
    assert unresolved["comune"] is None and unresolved["runner_up"] in ("Cappella Cantone", "Cappella de' Picenardi")
    assert 0 < unresolved["runner_up_score"] < FUZZY_THRESHOLD  # how near the best refused candidate came


def test_table_cell_raises_on_a_row_or_column_the_table_lacks():
    from pdfplans import read_plan

    g = read_plan(SMALL)["g_assegnabili"]
    assert g.cell(0, "totale") is not None
    with pytest.raises(IndexError):
        g.cell(len(g), "totale")
    with pytest.raises(IndexError):
        g.cell(-1, "totale")
    with pytest.raises(KeyError):
        g.cell(0, "totali")
