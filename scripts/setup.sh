#!/usr/bin/env bash
# Set up pdfplans on a fresh Debian machine: the system tools it and its tests use, then a
# virtual environment with the package and its development dependencies. Safe to run again:
# it only installs what is missing.
#   scripts/setup.sh            tools for reading plans and running the tests
#   scripts/setup.sh --samples  also LibreOffice and fonts, to rebuild samples/*.pdf
set -euo pipefail
cd "$(dirname "$0")/.."

# tesseract (+ Italian data): OCR of scanned plans; poppler-utils: pdftotext/pdftoppm used by tests;
# qpdf: the encrypted-PDF test; chromium: the HTML report test and screenshot; ghostscript and
# mupdf-tools: the re-printed samples of tests/test_producers.py.
packages=(tesseract-ocr tesseract-ocr-ita poppler-utils qpdf chromium fonts-dejavu-core ghostscript mupdf-tools)
if [[ "${1:-}" == "--samples" ]]; then
  packages+=(libreoffice-writer-nogui fonts-crosextra-carlito fonts-crosextra-caladea fonts-dejavu fonts-liberation)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if (( ${#missing[@]} )); then
  echo "setup: installing system packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
# reinstall only when the dependencies changed
stamp=.venv/.pdfplans-installed
digest=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$digest" ]]; then
  echo "setup: installing pdfplans and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  echo "$digest" > "$stamp"
fi
