#!/usr/bin/env bash
# SQLite busy handling compared in one run: the breakout-room load (rooms.mjs, as run-rooms.sh) against
# the app started once per variant and round, variants alternating (the order reversed every other
# round) so that a burst of other work on the machine falls on all of them alike. Every start has a
# fresh data folder and the same driver settings. A variant is a value of
# GuidelinesReview:SqliteBusyTimeoutMs (0 = not set: only Microsoft.Data.Sqlite's 150 ms retries).
# Prints one row per run and the median of each figure per variant; JSON per run in
# tests/load/results/variants-<time>/. Traffic goes to 127.0.0.1 only.
#   VARIANTS="0 30000" ROUNDS=3 bash tests/load/run-sqlite-variants.sh [driver arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

VARIANTS=${VARIANTS:-"0 30000"}
ROUNDS=${ROUNDS:-3}
ROOMS=${ROOMS:-20}
MEMBERS=${MEMBERS:-25}
INTERVAL_MS=${INTERVAL_MS:-500}
SECONDS_TYPING=${SECONDS_TYPING:-30}

content=$(mktemp -d)
temporary+=("$content")
out=$load/results/variants-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"

build_app
npm_ci_load
mkdir -p "$content/guidelines" "$content/meetings"
cp -R "$root/content/guidelines/people-centred-smart-cities" "$content/guidelines/"
node "$load/rooms.mjs" --write-meeting "$content/meetings/load-test.yml" --rooms "$ROOMS"

read -r -a variants <<<"$VARIANTS"
status=0
for round in $(seq "$ROUNDS"); do
  order=("${variants[@]}")
  if [ $((round % 2)) -eq 0 ]; then
    order=()
    for ((i = ${#variants[@]} - 1; i >= 0; i--)); do order+=("${variants[i]}"); done
  fi
  for busy in "${order[@]}"; do
    fresh_data
    start_app "variant-busy$busy" 90 \
      GuidelinesReview__ContentPath="$content" \
      GuidelinesReview__PostsPerMinute=1000000 \
      GuidelinesReview__SqliteBusyTimeoutMs="$busy"
    echo "== round $round, busy timeout $busy ms: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
    node "$load/rooms.mjs" --url "$url" --rooms "$ROOMS" --members "$MEMBERS" --interval-ms "$INTERVAL_MS" --seconds "$SECONDS_TYPING" \
      --server-pid "$pid" --max-seconds 300 --out "$out" --label "busy=$busy round=$round loadavg=$(cut -d' ' -f1 /proc/loadavg)" "$@" >"$out/driver-busy$busy-round$round.txt" || status=$?
    echo "   load average after $(cut -d' ' -f1-3 /proc/loadavg); $(tail -n 1 "$out/driver-busy$busy-round$round.txt")"
    stop_app
  done
done

node "$load/compare-variants.mjs" "$out"
exit $status
