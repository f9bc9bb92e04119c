#!/usr/bin/env bash
# Renders a Word export (e.g. the findings report the e2e test saves as
# e2e/artifacts/findings-report.docx) to PDF with LibreOffice, and its first pages to PNG,
# to check how the document looks in a word processor.
#   bash scripts/render-report.sh [file.docx] [pages]
set -euo pipefail
cd "$(dirname "$0")/.."
docx=${1:-e2e/artifacts/findings-report.docx}
pages=${2:-2}
[ -f "$docx" ] || { echo "no $docx: run the end-to-end tests first, or name a .docx" >&2; exit 1; }

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  run apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq "${missing[@]}" >/dev/null
fi

out=$(dirname "$docx")
name=$(basename "$docx" .docx)
soffice --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdftoppm -r 70 -png -f 1 -l "$pages" "$out/$name.pdf" "$out/$name-page"
ls "$out/$name.pdf" "$out/$name"-page*.png
