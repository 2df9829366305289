#!/usr/bin/env bash
# Set up, then run the main job on the bundled sample: extract its tables, then audit it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
sample=${1:-samples/cremonese_2023.pdf}
out=out/$(basename "$sample" .pdf)
.venv/bin/pdfplans --verbose extract "$sample" --out "$out"
echo
echo "== g) unità assegnabili ($out/g_assegnabili.csv)"
column -s, -t < "$out/g_assegnabili.csv" | head -15
echo
.venv/bin/pdfplans check "$sample" --format html --output "$out/report.html" || true
.venv/bin/pdfplans check "$sample" || true   # exit status 1 means: the plan contradicts itself
