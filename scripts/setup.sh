#!/usr/bin/env bash
# Set up pdfplans on a fresh Debian machine: the system tools it and its tests use, then a
# virtual environment with the package and its development dependencies. Safe to run again:
# it only installs what is missing.
#   scripts/setup.sh            tools for reading plans and running the tests
#   scripts/setup.sh --samples  also LibreOffice and fonts, to rebuild samples/*.pdf
#   scripts/setup.sh --print-packages   list the plain setup's system packages (tests/test_setup_files.py)
set -euo pipefail
cd "$(dirname "$0")/.."

# tesseract (+ Italian data): OCR of scanned plans; poppler-utils: pdftotext/pdftoppm used by tests;
# qpdf: the encrypted-PDF test; chromium: the HTML report test and screenshot; ghostscript and
# mupdf-tools: the re-printed samples of tests/test_producers.py; fonts-dejavu-core and
# fonts-liberation: the fonts the tests draw text with (tests/test_ocr.py, the reportlab sample);
# fonts-crosextra-carlito: the samples' own type, which the browser re-prints of tests/test_producers.py
# set their text in when it is installed (a fresh machine would print them in another serif).
packages=(tesseract-ocr tesseract-ocr-ita poppler-utils qpdf chromium fonts-dejavu-core fonts-liberation
          fonts-crosextra-carlito ghostscript mupdf-tools)
if [[ "${1:-}" == "--print-packages" ]]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi
if [[ "${1:-}" == "--samples" ]]; then
  packages+=(libreoffice-writer-nogui fonts-crosextra-caladea fonts-dejavu)
fi
python=${PYTHON:-python3}
# Debian's python3 has no venv/ensurepip without this package
if ! "$python" -c 'import ensurepip' >/dev/null 2>&1; then
  packages+=(python3-venv)
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
