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

# The driver's three non-member JoinRoom probes are refused on purpose; SignalR logs every refused
# hub call (HubException) at Error level with a stack trace ("fail: ...DefaultHubDispatcher"), so
# those entries are counted apart. Anything else with fail/crit/error/exception is shown.
refusals=$(grep -c 'HubException: You are not a member of this breakout room' "$log" || true)
problems=$(grep -Ei '\b(fail|crit|error|exception)' "$log" | grep -Evc "Failed to invoke hub method 'JoinRoom'|HubException: You are not a member of this breakout room|DefaultHubDispatcher\[8\]" || true)
echo "== server log: $(wc -l <"$log") lines; $refusals expected JoinRoom refusals (the driver's probes); $problems other lines with fail/crit/error/exception (${log#$root/})"
if [ "$problems" -gt 0 ]; then
  grep -Ei '\b(fail|crit|error|exception)' "$log" | grep -Ev "Failed to invoke hub method 'JoinRoom'|HubException: You are not a member of this breakout room|DefaultHubDispatcher\[8\]" | head -n 10
  [ "$status" -ne 0 ] || status=1
fi
exit $status
