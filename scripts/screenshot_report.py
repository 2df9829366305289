#!/usr/bin/env python3
"""Screenshot an HTML audit report with headless Chromium (the README's docs/report.png).

    python scripts/screenshot_report.py report.html                # → docs/report.png
    python scripts/screenshot_report.py samples/cremonese_2023.pdf # checks the plan, renders, screenshots
    python scripts/screenshot_report.py report.html --out x.png --width 1200 --height 1800
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def report_of_pdfs(pdfs: list[Path], html_out: Path) -> None:
    """Read and check the plans, write their HTML report."""
    sys.path.insert(0, str(ROOT))
    import pdfplans
    from pdfplans.checks import render_report, run_checks

    plans = [pdfplans.read_plan(str(p)) for p in pdfs]
    html_out.write_text(render_report(run_checks(plans), plans, "html"), encoding="utf-8")


def screenshot(html: Path, png: Path, width: int, height: int) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={profile}", f"--window-size={width},{height}", f"--screenshot={png.resolve()}",
             html.resolve().as_uri()],
            check=True, capture_output=True, timeout=120)
    if not png.is_file() or png.stat().st_size == 0:
        raise SystemExit(f"chromium wrote no screenshot to {png}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path, help="a report .html, or plan PDF(s) to check first")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1600)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if len(args.inputs) == 1 and args.inputs[0].suffix.lower() in (".html", ".htm"):
            html = args.inputs[0]
        else:
            html = Path(tmp) / "report.html"
            report_of_pdfs(args.inputs, html)
        screenshot(html, args.out, args.width, args.height)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
