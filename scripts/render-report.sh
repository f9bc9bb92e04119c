#!/usr/bin/env bash
# Renders the findings report (Word) to PDF with LibreOffice and every page to PNG, to look at
# the document as a reader will, page by page. Not part of the test command (too heavy).
#
#   bash scripts/render-report.sh                       # generate: start the app on a fresh demo
#                                                       # database, download v3's report, stop it
#   bash scripts/render-report.sh --url http://localhost:5000   # download from a running app
#   bash scripts/render-report.sh report.docx           # take a .docx you already have
#
# Options: --out DIR (default artifacts/report), --slug, --version (default the sample guideline's
# v3), --email/--password (default the demo secretariat account), --dpi (default 60).
# Installs libreoffice-writer and poppler-utils from apt when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

url="" docx="" out="artifacts/report" slug="people-centred-smart-cities" version=3 dpi=60
email="secretariat@demo.local" password="review-demo-2026"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=${2%/}; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --slug) slug=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --email) email=$2; shift 2 ;;
    --password) password=$2; shift 2 ;;
    --dpi) dpi=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *.docx) docx=$1; shift ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  run apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$out"
work=$(mktemp -d)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$docx" ] && [ -z "$url" ]; then
  echo "== building and starting the app on a fresh demo database"
  dotnet build src/GuidelinesReview.Web -c Release -v quiet -nologo >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  (cd src/GuidelinesReview.Web && ASPNETCORE_ENVIRONMENT=Development GuidelinesReview__DataDirectory="$work/data" \
    GuidelinesReview__Mail__Enabled=false Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/GuidelinesReview.Web.dll --urls "$url") >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$url/account/login" 2>/dev/null && break; sleep 1; done
  curl -fsS -o /dev/null "$url/account/login" || { echo "the app did not start:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
fi

if [ -z "$docx" ]; then
  echo "== signing in as $email at $url and downloading the findings report"
  jar="$work/cookies"
  token=$(curl -fsS -c "$jar" -b "$jar" "$url/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$url/account/login"
  docx="$out/$slug-v$version-findings.docx"
  curl -fsS -b "$jar" -o "$docx" "$url/guidelines/$slug/v/$version/findings?format=docx" \
    || { echo "could not download the report (signed in as a secretariat member?)" >&2; exit 1; }
fi

[ -f "$docx" ] || { echo "no $docx" >&2; exit 1; }
name=$(basename "$docx" .docx)
rm -f "$out/$name"-page-*.png
# a profile of its own, so a LibreOffice already open elsewhere does not swallow the conversion
soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null 2>&1
pdftoppm -r "$dpi" -png "$out/$name.pdf" "$out/$name-page"
pages=$(ls "$out/$name"-page-*.png | wc -l)
echo "== $out/$name.pdf: $pages pages, PNGs in $out/$name-page-*.png"
