#!/usr/bin/env bash
# Breakout-room load test: builds the app in Release, makes a temporary content folder (the sample
# guideline plus a generated meeting "load-test" with ROOMS breakout rooms), starts the app on a
# free loopback port with a fresh data folder (Development: demo accounts), runs rooms.mjs
# (ROOMS rooms x MEMBERS listeners, a notes save every INTERVAL_MS ms per room for SECONDS s),
# stops the app and removes both temporary folders. Extra arguments go to the driver (they
# override the defaults below), e.g.:  bash tests/load/run-rooms.sh --seconds 60 --notes-lines 100
# Takes about 1.5-2 minutes on a 2-core machine. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

ROOMS=${ROOMS:-20}
MEMBERS=${MEMBERS:-25}
INTERVAL_MS=${INTERVAL_MS:-500}
SECONDS_TYPING=${SECONDS_TYPING:-30}

build_app
npm_ci_load
meeting_content "$ROOMS"

start_app rooms 60 \
  GuidelinesReview__ContentPath="$content" \
  GuidelinesReview__PostsPerMinute=1000000

echo "== room driver: $ROOMS rooms x $MEMBERS listeners, a notes save every $INTERVAL_MS ms per room for $SECONDS_TYPING s"
status=0
node "$load/rooms.mjs" --url "$url" --rooms "$ROOMS" --members "$MEMBERS" --interval-ms "$INTERVAL_MS" --seconds "$SECONDS_TYPING" \
  --server-pid "$pid" --max-seconds 300 "$@" || status=$?

# The driver's non-member JoinRoom probes are refused on purpose; the driver checks each was
# refused and received nothing. A refusal is logged at Information (below this run's Warning), so
# any fail/crit/error/exception line in the server log is a real problem.
check_server_log
exit $status
