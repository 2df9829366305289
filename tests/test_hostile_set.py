"""The hostile-file set (tests/hostile_set.py) through the command line: each file gets its exit status
and its message, never a traceback, within its bounds of CPU time and resident memory; `import` of the
whole set with a good plan among them keeps the good plan and names every file that failed."""
from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import hostile_set
import pytest
from expected import SAMPLES

ADDRESS_SPACE = 3 * 1024**3  # a runaway fails in the child instead of swapping the machine


@dataclass
class Run:
    status: int
    output: str  # stdout and stderr, interleaved
    cpu_seconds: float
    resident_mb: float


def run_cli(*args: str, timeout: float = 120) -> Run:
    """``pdfplans ARGS`` in a child process, with the CPU time and peak memory of that child alone."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))

    env = {**os.environ, "COLUMNS": "200"}
    with open(os.devnull, "rb") as stdin:
        child = subprocess.Popen([sys.executable, "-m", "pdfplans", *args], stdin=stdin, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, preexec_fn=limit, env=env)
    assert child.stdout is not None
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(child.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    killer = threading.Timer(timeout, child.kill)
    killer.start()
    try:
        _pid, status, usage = os.wait4(child.pid, 0)
    finally:
        killer.cancel()
        reader.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(child.returncode, b"".join(chunks).decode("utf-8", "replace"),
               usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile_set.build(tmp_path_factory.mktemp("hostile_set"))


@pytest.mark.parametrize("case", hostile_set.CASES, ids=lambda case: case.name)
def test_each_hostile_file_gets_its_status_message_and_bounds(case: hostile_set.Case,
                                                              hostile_files: dict[str, Path],
                                                              tmp_path: Path) -> None:
    run = run_cli("extract", str(hostile_files[case.name]), "--out", str(tmp_path / "out"))
    assert "Traceback" not in run.output, run.output
    assert run.status == case.exit, run.output
    assert re.search(case.says, run.output, re.S), run.output
    if case.exit == 2:
        assert case.name in run.output  # the one line names the file
    assert run.cpu_seconds < case.seconds, f"{run.cpu_seconds:.1f} s of CPU"
    assert run.resident_mb < case.megabytes, f"{run.resident_mb:.0f} MB resident"


@pytest.mark.parametrize("name", ["plan_bomb.pdf", "plan_form_bomb.pdf", "unwritable_text.pdf"])
def test_check_reads_the_plan_around_the_hostile_page(name: str, hostile_files: dict[str, Path]) -> None:
    run = run_cli("check", str(hostile_files[name]), "--format", "json", "-q")
    assert "Traceback" not in run.output and run.status in (0, 1), run.output
    assert '"findings"' in run.output
    assert run.cpu_seconds < 60 and run.resident_mb < 2048


def test_import_of_the_whole_set_keeps_the_good_plan_and_names_every_failure(hostile_files: dict[str, Path],
                                                                            tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for path in hostile_files.values():
        shutil.copy(path, folder / path.name)
    shutil.copy(SAMPLES / "lodi_2023.pdf", folder / "lodi_2023.pdf")
    database = tmp_path / "batch.duckdb"
    run = run_cli("import", str(folder), "--db", str(database), timeout=600)
    assert "Traceback" not in run.output and run.status == 1, run.output
    failed = [case.name for case in hostile_set.CASES if case.exit == 2]
    for name in failed:
        assert re.search(rf"{re.escape(name)}\s", run.output), f"{name} not named:\n{run.output}"
    assert re.search(rf"\b{len(failed)} failed\b", run.output), run.output
    with duckdb.connect(str(database), read_only=True) as connection:
        files = {row[0] for row in connection.sql("SELECT file_name FROM plans").fetchall()}
        lodi_rows = connection.sql(
            "SELECT count(*) FROM g_assegnabili g JOIN plans p ON p.sha256 = g.plan_sha256 WHERE p.file_name = 'lodi_2023.pdf'"
        ).fetchall()
    assert "lodi_2023.pdf" in files and not files & set(failed)
    assert lodi_rows[0][0] > 0
