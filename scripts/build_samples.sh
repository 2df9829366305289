#!/usr/bin/env bash
# Rebuild every sample PDF of samples/ from the seed text (samples/source/cremonese_2023.txt).
#
#   scripts/build_samples.sh [main|alt|borderless|reportlab|scan ...]   (default: all, in that order)
#
# Needs: the project's virtualenv (.venv, with the dev extras: python-docx, reportlab, pypdfium2,
# pillow, numpy) and LibreOffice (soffice) for the Word-like samples; both are installed by the
# project's setup, this script installs nothing. Set PYTHON to use another interpreter.
# Deterministic where the tools allow: reportlab and scan outputs are byte-identical between runs;
# LibreOffice stamps a creation date and document id, the layout itself does not change.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
if ! command -v "$PYTHON" >/dev/null 2>&1 && [ ! -x "$PYTHON" ]; then
  echo "build_samples: no python at $PYTHON (run the project's setup first, or set PYTHON)" >&2
  exit 2
fi
needs_lo=0
for name in "${@:-main}"; do
  case "$name" in main|alt|borderless) needs_lo=1 ;; esac
done
[ $# -eq 0 ] && needs_lo=1
if [ "$needs_lo" = 1 ] && ! command -v soffice >/dev/null 2>&1; then
  echo "build_samples: LibreOffice (soffice) is required for the Word-like samples; run the project's setup" >&2
  exit 2
fi
exec "$PYTHON" samples/build/build_all.py "$@"
