"""scripts/demo.sh runs to the end (issue 10): the extraction, the head of table g, the audit and
the HTML report, exit status 0, on every machine."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scripts" / "demo.sh"


def test_demo_runs_to_the_audit_and_writes_the_report(tmp_path):
    before = _outputs_in_repo()
    env = {**os.environ, "PDFPLANS_DEMO_OUT": str(tmp_path)}
    run = subprocess.run(["bash", str(DEMO)], capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    # the head of g as the sample prints it (page 9: Comune di Cremona, 6 + 53 = 59)
    assert re.search(r"Comune di Cremona\s+Cremona\s+019036\s+6\s+5\s+53\s+0\s+59", run.stdout)
    # the audit summary of the seed plan, which contradicts itself on purpose
    assert re.search(r"findings: \d+ errors, \d+ warnings", run.stdout)
    assert "allegato_a_row_sum" in run.stdout and "the plan contradicts itself" in run.stdout
    report = tmp_path / "cremonese_2023" / "report.html"
    html = report.read_text(encoding="utf-8")
    assert len(html) > 20_000 and "allegato_a_row_sum" in html and "</html>" in html.lower()
    assert _outputs_in_repo() == before  # PDFPLANS_DEMO_OUT is obeyed: nothing written into the checkout


def _outputs_in_repo() -> dict[str, float]:
    folder = ROOT / "out"
    return {str(p): p.stat().st_mtime for p in folder.rglob("*")} if folder.is_dir() else {}


def test_demo_has_no_pipeline():
    # under pipefail a pipe into a reader that stops early dies of SIGPIPE depending on timing:
    # the bug cannot be reproduced reliably, so the script must not contain one
    code = [re.sub(r"#.*", "", line) for line in DEMO.read_text(encoding="utf-8").splitlines()]
    piped = [line for line in code if re.search(r"(?<!\|)\|(?!\|)", line)]
    assert not piped
