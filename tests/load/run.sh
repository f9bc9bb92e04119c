#!/usr/bin/env bash
# Builds the app in Release, starts it on a free loopback port with a fresh data folder
# (Development: demo accounts and sample guideline), runs the fan-out driver for
# N=50,200,500, stops the app and removes the data folder. Extra arguments go to the driver
# (they override the defaults below), e.g.:  bash tests/load/run.sh --n 50,500 --rate 10
# Takes about 2-3 minutes on a 2-core machine. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

N=${N:-50,200,500}
RATE=${RATE:-5}
SECONDS_PER_N=${SECONDS_PER_N:-20}
POSTERS=${POSTERS:-3}

build_app
npm_ci_load
start_app "" 60 \
  GuidelinesReview__PostsPerMinute=1000000

echo "== fan-out driver: N=$N, $RATE comments/s for $SECONDS_PER_N s each, $POSTERS posters"
status=0
node "$load/fanout.mjs" --url "$url" --n "$N" --rate "$RATE" --seconds "$SECONDS_PER_N" --posters "$POSTERS" \
  --server-pid "$pid" --max-seconds 600 "$@" || status=$?

problems=$(grep -Eci '\b(fail|crit|error|exception)' "$log" || true)
echo "== server log: $(wc -l <"$log") lines, $problems with fail/crit/error/exception (${log#$root/})"
if [ "$problems" -gt 0 ]; then grep -Ei '\b(fail|crit|error|exception)' "$log" | head -n 10; fi
exit $status
