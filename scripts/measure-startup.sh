#!/usr/bin/env bash
# Measures the time from starting the app (Release build, Development settings) to the first
# page served with the sample content: once on an empty data folder (migrations, demo
# accounts and content import run) and once on the database that run left (nothing to import).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/GuidelinesReview.Web -c Release -nologo -v quiet >/dev/null
dll=$PWD/src/GuidelinesReview.Web/bin/Release/net10.0/GuidelinesReview.Web.dll
port=5099

measure() { # $1 data folder; prints milliseconds until the home page answers 200
  local start end pid
  start=$(date +%s%N)
  (cd src/GuidelinesReview.Web && ASPNETCORE_ENVIRONMENT=Development GuidelinesReview__DataDirectory="$1" \
    Logging__LogLevel__Default=Warning exec dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
  pid=$!
  # The app imports content/ before it starts listening, so the first answer means the sample is loaded.
  until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cold=(); warm=()
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  cold+=("$(measure "$data")")
  warm+=("$(measure "$data")")
  rm -rf "$data"
done
echo "cold start (empty database: migrate, seed, import): ${cold[*]} ms; median $(printf '%s\n' "${cold[@]}" | median) ms"
echo "warm start (existing database, content unchanged):           ${warm[*]} ms; median $(printf '%s\n' "${warm[@]}" | median) ms"
