#!/usr/bin/env bash
# Re-print every text sample through other PDF producers into samples/producers/<sample>__<producer>.pdf
# (not committed: tests/test_producers.py builds the fast ones itself).
#   scripts/build_producers.sh [gs cairo mutool chromium html] [--sample NAME ...]
# Needs ghostscript, poppler-utils, mupdf-tools and chromium (scripts/setup.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-.venv/bin/python}" samples/build/producers.py "$@"
