#!/usr/bin/env bash
# Set up, then run the main job on the bundled sample: extract its tables, then audit it.
#   scripts/demo.sh [plan.pdf]      outputs go to out/<plan>/ (PDFPLANS_DEMO_OUT=dir to put them elsewhere)
# No pipeline here: under pipefail a reader that stops early (head) kills the writer with SIGPIPE
# (exit 141), depending on pipe timing, and the demo would stop before the audit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
sample=${1:-samples/cremonese_2023.pdf}
out=${PDFPLANS_DEMO_OUT:-out}/$(basename "$sample" .pdf)
.venv/bin/pdfplans --verbose extract "$sample" --out "$out"   # a failure here stops the demo with its status
echo
echo "== g) unità assegnabili ($out/g_assegnabili.csv, first 15 lines)"
.venv/bin/python - "$out/g_assegnabili.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    rows = [row for _, row in zip(range(15), csv.reader(handle))]
widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(max(map(len, rows), default=0))]
for row in rows:
    print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
EOF
echo

# check's exit status: 0 no discrepancy, 1 the plan contradicts itself (expected for this seed
# plan: its findings are the audit), anything else a real failure that stops the demo.
audit() {
  status=0
  .venv/bin/pdfplans check "$sample" "$@" || status=$?
  if (( status > 1 )); then
    echo "demo: pdfplans check failed (exit status $status)" >&2
    exit "$status"
  fi
}
audit --format html --output "$out/report.html"
echo "== audit of $sample"
audit
if (( status == 1 )); then
  echo "demo: check exit status 1 = the plan contradicts itself: the findings above are the audit"
else
  echo "demo: check exit status 0 = no discrepancy found"
fi
echo "demo: HTML report → $out/report.html"
