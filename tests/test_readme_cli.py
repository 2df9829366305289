"""The README's command-line examples, run as printed (in a folder holding files of those names),
each checked for what its comment promises."""
from __future__ import annotations

import csv
import json
import os
import shlex
import subprocess
from pathlib import Path

import duckdb
from cli_helpers import OTHER, SAMPLES, SMALL, run
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("\n## Command line\n", 1)[1].split("```\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def _inputs(folder: Path) -> None:
    """The files the examples name: a small plan, a folder of two, two years of one ambito, a scanned page."""
    links = {"piano.pdf": SMALL, "piano_2022.pdf": SAMPLES / "cremonese_2022.pdf",
             "piano_2023.pdf": SAMPLES / "cremonese_2023.pdf"}
    for name, target in links.items():
        os.symlink(target, folder / name)
    (folder / "piani").mkdir()
    for plan in (SMALL, OTHER):
        os.symlink(plan, folder / "piani" / plan.name)
    subprocess.run(["qpdf", "--empty", "--pages", str(SAMPLES / "cremonese_2023_scan.pdf"), "9", "--",
                    str(folder / "scansione.pdf")], check=True)  # page 9, table g: OCR of one page


def _csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _promise(command: str, result, here: Path) -> bool:
    """What the README's comment on ``command`` says, checked on what it did; False for an example
    this test does not know yet (add its promise here)."""
    if command == "extract piano.pdf":
        assert {"plan.json", "g_assegnabili.csv"} <= {p.name for p in (here / "piano").iterdir()}
    elif command.startswith("extract piano.pdf --out tables/ --debug dbg/"):
        pages = json.loads((here / "tables" / "plan.json").read_text())["pagine"]
        assert sorted(p.name for p in (here / "dbg").glob("*.png")) == [f"page-{n:03d}.png" for n in range(1, pages + 1)]
    elif command.startswith("extract piani/"):
        assert {p.name for p in (here / "tables").iterdir()} == {SMALL.stem, OTHER.stem}
        assert all((here / "tables" / p.stem / "plan.json").is_file() for p in (SMALL, OTHER))
    elif "--xlsx" in command:
        assert "g_assegnabili" in load_workbook(here / "piano" / "plan.xlsx").sheetnames
        raw = (here / "piano" / "g_assegnabili.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    elif "--with-confidence" in command:
        rows = _csv(here / "scansione" / "g_assegnabili.csv")
        assert rows and all(0 <= float(r["totale_confidence"]) <= 100 for r in rows)
    elif command == "check piano.pdf":
        assert result.stdout.startswith("piano.pdf: ") and "findings: " in result.stdout
    elif "-o report.html" in command:
        report = (here / "report.html").read_text(encoding="utf-8")
        assert report.startswith("<!DOCTYPE html>") and "k_vs_previous_g" in report  # a rule across years
    elif "--format json" in command:
        findings = json.loads(result.stdout)["findings"]
        assert findings and all(f["file"] and f["sha256"] and f["ambito"] and f["anno"] for f in findings)
    elif command.startswith("import piani/"):
        again = run(*shlex.split(command))
        assert again.exit_code == 0 and "0 imported, 2 already present" in again.stdout
        with duckdb.connect(str(here / "piani.duckdb"), read_only=True) as db:
            assert db.execute("SELECT count(*) FROM plans").fetchone() == (2,)
    elif command.startswith("comuni"):
        assert "019075" in result.stdout and "019016" in result.stdout  # Pieve San Giacomo, Casalbuttano ed Uniti
    elif command == "--version":
        assert result.stdout.startswith("pdfplans ")
    else:
        return False
    return True


def test_every_command_line_example_does_what_its_comment_says(tmp_path, monkeypatch):
    commands = _commands()
    assert len(commands) >= 10
    for number, line in enumerate(commands):
        here = tmp_path / f"example_{number}"  # each in a folder of its own: no example feeds another
        here.mkdir()
        _inputs(here)
        monkeypatch.chdir(here)
        words = shlex.split(line.split("  #", 1)[0])
        assert words[0] == "pdfplans", line
        result = run(*words[1:])
        assert result.exit_code in (0, 1), (line, result.output)  # 1: discrepancies found, as in the samples
        assert _promise(" ".join(words[1:]), result, here), f"README example with no promise checked: {line}"
