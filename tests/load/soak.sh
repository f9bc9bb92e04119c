#!/usr/bin/env bash
# Soak run: builds the app in Release, makes a temporary content folder (the sample guideline plus
# the generated meeting "load-test" with ROOMS breakout rooms, as run-rooms.sh does), starts the app
# on a free loopback port with a fresh data folder (Development: demo accounts), runs soak.mjs
# (readers, posters, note-takers and the secretariat's exports for --duration, default 10m; then
# every acknowledged write read back from the SQLite file), stops the app and removes both
# temporary folders. Arguments go to the driver, e.g.:  bash tests/load/soak.sh --duration 45s --readers 50
# Exit code: the driver's (0 = nothing lost, nothing failed, memory within the limit), or 1 when the
# server log has a fail/crit/error/exception line. The driver's --rooms is also the meeting's.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

ROOMS=4 # soak.mjs's default
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    --rooms) j=$((i + 1)); ROOMS=${!j:-4} ;;
    --rooms=*) ROOMS=${!i#--rooms=} ;;
  esac
done

build_app
npm_ci_load
meeting_content "$ROOMS"

# Default limits: only failed sign-ins count against 127.0.0.1, so the driver's ~20 sign-ins pass.
start_app soak 90 GuidelinesReview__ContentPath="$content"

status=0
node "$load/soak.mjs" --url "$url" --server-pid "$pid" --db "$data/guidelines.db" "$@" || status=$?

check_server_log
exit $status
