#!/usr/bin/env bash
# Runs every test: unit and integration (tests/GuidelinesReview.Tests) and end-to-end in
# Debian's Chromium (e2e/GuidelinesReview.E2E). Installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "need root (or sudo) to install: $*" >&2; return 1
  fi
}

# Debian packages the tests need: Chromium (and fonts) for the browser tests, Node/npm for the
# front-end packages. Installed only when missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== restoring npm packages and .NET tools"
(cd src/GuidelinesReview.Web && npm ci --no-audit --no-fund --loglevel=error)
dotnet tool restore >/dev/null

echo "== building"
dotnet build GuidelinesReview.sln -c Release -nologo -v quiet

log=$(mktemp)
status=0
echo "== unit and integration tests"
dotnet test tests/GuidelinesReview.Tests -c Release --no-build -nologo 2>&1 | tee -a "$log" || status=1
echo "== end-to-end tests (screenshots in e2e/artifacts/)"
dotnet test e2e/GuidelinesReview.E2E -c Release --no-build -nologo 2>&1 | tee -a "$log" || status=1

# One closing line for the whole run, summed over both test projects.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$passed" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
