#!/usr/bin/env python3
"""Time, memory and cell accuracy of pdfplans against plain pdfplumber and camelot, per sample PDF.

    .venv/bin/python benchmarks/bench_extract.py [PDF ...] [--repeat N] [--tools a,b] [--quick]
                                                 [--timeout 300] [--json FILE|-]

Every tool runs in its own child process (imports counted, memory isolated): wall time measured
around the child, peak RSS and CPU time from os.wait4 (the child and the processes it waited for,
e.g. tesseract). Tools: pdfplans (`pdfplans extract --out DIR`, CSV writing included),
plumber-lines / plumber-text (pdfplumber `page.extract_tables()` on every page, lines = default
settings, text = text strategy both ways), camelot-lattice / camelot-stream (every page).
Accuracy: benchmarks/accuracy.py; the method is in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import accuracy  # noqa: E402  (benchmarks/ is not a package)

TOOLS = ["pdfplans", "plumber-lines", "plumber-text", "camelot-lattice", "camelot-stream"]
QUICK = ["pdfplans", "plumber-lines", "plumber-text"]
LABELS = {
    "pdfplans": "pdfplans extract",
    "plumber-lines": "pdfplumber lines",
    "plumber-text": "pdfplumber text",
    "camelot-lattice": "camelot lattice",
    "camelot-stream": "camelot stream",
}

# The raw tools' children dump every non-empty cell per page as JSON, so the parent can score them;
# the dump is part of the timed work, as CSV writing is for pdfplans.
PLUMBER = """
import json, sys
import pdfplumber
path, out, strategy = sys.argv[1:4]
settings = {} if strategy == "lines" else {"vertical_strategy": "text", "horizontal_strategy": "text"}
result = {"pages": 0, "chars": 0, "tables": 0, "cells": {}}
with pdfplumber.open(path) as pdf:
    for number, page in enumerate(pdf.pages, 1):
        tables = page.extract_tables(settings)
        result["pages"] += 1
        result["chars"] += len(page.chars)
        result["tables"] += len(tables)
        result["cells"][number] = [c for t in tables for row in t for c in row if c and c.strip()]
with open(out, "w", encoding="utf-8") as handle:
    json.dump(result, handle)
"""

CAMELOT = """
import json, sys, warnings
warnings.simplefilter("ignore")  # "No tables found in table area" on every text page
import camelot
path, out, flavor = sys.argv[1:4]
tables = camelot.read_pdf(path, pages="all", flavor=flavor, suppress_stdout=True)
result = {"tables": len(tables), "cells": {}}
for table in tables:
    cells = result["cells"].setdefault(int(table.page), [])
    cells.extend(str(c) for c in table.df.values.ravel() if str(c).strip())
with open(out, "w", encoding="utf-8") as handle:
    json.dump(result, handle)
"""

# Used only if the `pdfplans` console script is missing: the same pipeline through the library.
PDFPLANS_FALLBACK = """
import sys
import pdfplans
from pdfplans.export import write_plan
write_plan(pdfplans.read_plan(sys.argv[1]), sys.argv[2])
"""


@dataclass
class Run:
    wall_s: float
    peak_kb: int
    cpu_s: float
    status: int
    timed_out: bool
    stderr_tail: str


@dataclass
class Result:
    pdf: str
    tool: str
    pages: int
    text_layer: bool
    status: str = "ok"  # ok | timeout | n/a
    note: str = ""
    wall_s: float | None = None
    s_per_page: float | None = None
    peak_mb: float | None = None
    cpu_s: float | None = None
    runs: list[float] = field(default_factory=list)
    tables: int | None = None
    accuracy: float | None = None  # pdfplans: canonical cells; raw tools: printed values, exact cell
    accuracy_loose: float | None = None  # raw tools: printed value inside some cell
    accuracy_detail: str = ""


def measure(cmd: list[str], timeout: float) -> Run:
    """Run ``cmd`` in a new session; kill its whole process group after ``timeout`` seconds."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True, cwd=ROOT)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        # wait4, not Popen.wait: it returns this child's own rusage (max RSS, CPU), children included
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
    return Run(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, proc.returncode, killed.is_set(),
               " | ".join(tail))


def pdfplans_command(pdf: Path, out: Path) -> list[str]:
    script = Path(sys.executable).parent / "pdfplans"
    if script.exists() or shutil.which("pdfplans"):
        return [str(script) if script.exists() else "pdfplans", "--quiet", "extract", str(pdf), "--out", str(out)]
    return [sys.executable, "-c", PDFPLANS_FALLBACK, str(pdf), str(out)]


def tool_command(tool: str, pdf: Path, work: Path) -> list[str]:
    if tool == "pdfplans":
        return pdfplans_command(pdf, work / "out")
    code, arg = {
        "plumber-lines": (PLUMBER, "lines"), "plumber-text": (PLUMBER, "text"),
        "camelot-lattice": (CAMELOT, "lattice"), "camelot-stream": (CAMELOT, "stream"),
    }[tool]
    return [sys.executable, "-c", code, str(pdf), str(work / "cells.json"), arg]


def pdf_facts(pdf: Path) -> tuple[int, bool]:
    """Pages (pdfinfo) and whether there is a text layer (pdftotext prints anything), via poppler."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return pages, bool("".join(text.split()))  # an unreadable file: 0 pages, no text; the tools say why


def score(result: Result, tool: str, pdf: Path, work: Path) -> None:
    sample = accuracy.expected_sample(pdf)
    if tool == "pdfplans":
        out = work / "out"
        result.tables = len(list(out.glob("*.csv")))
        if sample:
            s = accuracy.canonical_accuracy(out, sample)
            result.accuracy = s.share
            result.accuracy_detail = f"{s.right}/{s.cells} cells"
            if s.extra_rows:
                result.accuracy_detail += f", {s.extra_rows} extra rows"
            if s.missing_tables:
                result.accuracy_detail += f", missing {','.join(s.missing_tables)}"
        return
    data = json.loads((work / "cells.json").read_text(encoding="utf-8"))
    result.tables = data["tables"]
    cells = {int(page): values for page, values in data["cells"].items()}
    n_cells = sum(len(v) for v in cells.values())
    if not result.text_layer:
        result.note = f"no text layer: {result.tables} tables, {n_cells} non-empty cells"
    if sample and accuracy.printed_tables(sample):
        s = accuracy.printed_accuracy(cells, pdf, sample, result.pages)
        result.accuracy, result.accuracy_loose = s.share, s.loose_share
        result.accuracy_detail = f"{s.exact}/{s.values} values"


def bench(pdf: Path, tool: str, repeat: int, timeout: float, pages: int, text_layer: bool) -> Result:
    result = Result(pdf=pdf.name, tool=tool, pages=pages, text_layer=text_layer)
    best: Run | None = None
    with tempfile.TemporaryDirectory(prefix="bench_extract_") as tmp:
        best_dir = None
        for attempt in range(repeat):
            work = Path(tmp) / str(attempt)
            work.mkdir()
            run = measure(tool_command(tool, pdf, work), timeout)
            if run.timed_out:
                result.status, result.note = "timeout", f"killed after {timeout:.0f} s"
                return result
            if run.status != 0:
                result.status = "n/a"
                result.note = f"exit {run.status}: {run.stderr_tail[-160:]}"
                return result
            result.runs.append(round(run.wall_s, 3))
            if best is None or run.wall_s < best.wall_s:
                best, best_dir = run, work
        assert best is not None and best_dir is not None
        result.wall_s = best.wall_s
        result.s_per_page = best.wall_s / pages if pages else None
        result.peak_mb = best.peak_kb / 1024
        result.cpu_s = best.cpu_s
        score(result, tool, pdf, best_dir)
    return result


# ---------------------------------------------------------------- output

def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def render(results: list[Result]) -> str:
    lines = []
    head = f"  {'tool':18} {'wall s':>7} {'s/page':>7} {'cpu s':>7} {'peak MB':>8} {'tables':>6} {'accuracy':>8} {'loose':>6}  detail"
    for pdf in dict.fromkeys(r.pdf for r in results):
        rows = [r for r in results if r.pdf == pdf]
        first = rows[0]
        layer = "text layer" if first.text_layer else ("NO text layer (image only)" if first.pages else "not readable by poppler")
        lines.append(f"{pdf} — {first.pages} pages, {layer}")
        lines.append(head)
        for r in rows:
            if r.status != "ok":
                lines.append(f"  {LABELS[r.tool]:18} {r.status:>7}  {r.note}")
                continue
            acc = _fmt(None if r.accuracy is None else 100 * r.accuracy, "7.1f") + ("%" if r.accuracy is not None else " ")
            loose = _fmt(None if r.accuracy_loose is None else 100 * r.accuracy_loose, "5.1f") + ("%" if r.accuracy_loose is not None else " ")
            detail = "; ".join(x for x in (r.accuracy_detail, r.note) if x)
            lines.append(f"  {LABELS[r.tool]:18} {_fmt(r.wall_s, '7.2f')} {_fmt(r.s_per_page, '7.3f')} "
                         f"{_fmt(r.cpu_s, '7.2f')} {_fmt(r.peak_mb, '8.0f')} {_fmt(r.tables, '6d')} {acc:>8} {loose:>6}  {detail}")
        lines.append("")
    # One line per tool over the files with a text layer (OCR of a scan is another order of time,
    # shown in its own block above): total time, CPU, worst peak, mean accuracy.
    text_pdfs = {r.pdf for r in results if r.text_layer}
    lines.append(f"summary over the {len(text_pdfs)} PDFs with a text layer")
    lines.append(f"  {'tool':18} {'wall s':>7} {'s/page':>7} {'cpu s':>7} {'peak MB':>8}  {'mean accuracy':>13}")
    for tool in dict.fromkeys(r.tool for r in results):
        ok = [r for r in results if r.tool == tool and r.status == "ok" and r.text_layer]
        failed = [r for r in results if r.tool == tool and r.status != "ok" and r.text_layer]
        wall = sum(r.wall_s or 0 for r in ok)
        cpu = sum(r.cpu_s or 0 for r in ok)
        pages = sum(r.pages for r in ok)
        accs = [r.accuracy for r in ok if r.accuracy is not None]
        mean = f"{100 * sum(accs) / len(accs):.1f}%" if accs else "—"
        extra = f"  ({len(failed)} not measured: {', '.join(r.status for r in failed)})" if failed else ""
        if not ok:
            lines.append(f"  {LABELS[tool]:18} {'—':>7} {'—':>7} {'—':>7} {'—':>8}  {mean:>13}{extra}")
            continue
        lines.append(f"  {LABELS[tool]:18} {wall:7.1f} {(wall / pages if pages else 0):7.3f} {cpu:7.1f} "
                     f"{max(r.peak_mb or 0 for r in ok):8.0f}  {mean:>13}{extra}")
    return "\n".join(lines)


def _load() -> str:
    """Other processes on the machine inflate wall time, not CPU time: print the load with the figures."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def warm_up() -> None:
    """Untimed: import every tool once so the first measured child does not pay a cold disk cache."""
    subprocess.run([sys.executable, "-c", "import pdfplumber, camelot, pdfplans.reader"],
                   capture_output=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="default: samples/*.pdf")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs (default 1)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, from {','.join(TOOLS)}")
    parser.add_argument("--quick", action="store_true", help="only pdfplans and pdfplumber")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per tool run (default 300)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON ('-' for stdout)")
    args = parser.parse_args()

    tools = QUICK if args.quick else [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        parser.error(f"unknown tools: {', '.join(unknown)} (choose from {', '.join(TOOLS)})")
    pdfs = args.pdfs or sorted((ROOT / "samples").glob("*.pdf"))
    started = datetime.now()
    print(f"# {started:%Y-%m-%d %H:%M}  {platform.node()}  {os.cpu_count()} cores  Python {platform.python_version()}"
          f"  best of {args.repeat}  timeout {args.timeout:.0f} s  load average {_load()}", flush=True)
    warm_up()
    results = []
    for pdf in pdfs:
        pages, text_layer = pdf_facts(pdf)
        for tool in tools:
            result = bench(pdf, tool, args.repeat, args.timeout, pages, text_layer)
            results.append(result)
            print(f"  … {pdf.name} {LABELS[tool]}: {result.status} {_fmt(result.wall_s, '.2f')} s",
                  file=sys.stderr, flush=True)
    print(render(results))
    print(f"\ntotal {(datetime.now() - started).total_seconds():.0f} s; load average now {_load()}")
    if args.json:
        payload = json.dumps({"date": started.isoformat(timespec="seconds"), "cpus": os.cpu_count(),
                              "repeat": args.repeat, "results": [asdict(r) for r in results]}, indent=1)
        if args.json == "-":
            print(payload)
        else:
            Path(args.json).write_text(payload + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
