"""Time and size of the HTML audit report, apart from the reading of the plan.

    .venv/bin/python benchmarks/bench_report.py                                   # the 2023 sample
    .venv/bin/python benchmarks/bench_report.py samples/cremonese_2023_scan.pdf   # its scan (OCR: minutes)

Each PDF is read once (the time is shown), then the checks run and the report is rendered
``--repeat`` times; the best render time is shown with the report's size and its pictures.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pdfplans import read_plan  # noqa: E402
from pdfplans.checks import render_report, run_checks  # noqa: E402


def measure(pdf: Path, repeat: int) -> dict[str, float]:
    started = time.perf_counter()
    plan = read_plan(pdf)
    read = time.perf_counter() - started
    findings = run_checks([plan])
    best, html = float("inf"), ""
    for _ in range(repeat):
        started = time.perf_counter()
        html = render_report(findings, [plan], "html", base=pdf.parent)
        best = min(best, time.perf_counter() - started)
    pictures = re.findall(r'src="data:image/(png|jpeg);base64,', html)
    return {"read_s": read, "render_s": best, "mb": len(html.encode("utf-8")) / 1e6, "findings": len(findings),
            "pictures": len(pictures), "jpeg": pictures.count("jpeg")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path, default=[ROOT / "samples" / "cremonese_2023.pdf"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'file':32} {'read s':>7} {'render s':>9} {'MB':>6} {'findings':>8} {'pictures':>8} {'jpeg':>5}")
    for pdf in args.pdfs:
        m = measure(pdf, args.repeat)
        print(f"{pdf.name:32} {m['read_s']:7.1f} {m['render_s']:9.2f} {m['mb']:6.2f} {m['findings']:8.0f} "
              f"{m['pictures']:8.0f} {m['jpeg']:5.0f}")


if __name__ == "__main__":
    main()
