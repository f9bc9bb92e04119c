#!/usr/bin/env bash
# Timed HTTP run of the rollup page over a large generated consultation: builds the app in Release,
# starts it on a free loopback port with a fresh data folder (Development: demo accounts, sample
# content) generating USERS people, COMMENTS comments and TAKEAWAYS takeaways on v3 at start-up,
# runs rollup.mjs (secretariat; GET /guidelines as the baseline; the rollup unfiltered, filtered
# and drilled into an area, ROUNDS times each), stops the app and removes the data folder. Extra
# arguments go to the driver, e.g.:  bash tests/load/run-rollup.sh --rounds 50
# Exit code 0 when every rollup URL's median is under 300 ms. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

USERS=${USERS:-2000}
COMMENTS=${COMMENTS:-20000}
TAKEAWAYS=${TAKEAWAYS:-400}
ROUNDS=${ROUNDS:-30}

build_app
echo "== generating $USERS people, $COMMENTS comments and $TAKEAWAYS takeaways on v3 at start-up"
start_app rollup 180 \
  GuidelinesReview__GenerateConsultation__Users="$USERS" \
  GuidelinesReview__GenerateConsultation__Comments="$COMMENTS" \
  GuidelinesReview__GenerateConsultation__Takeaways="$TAKEAWAYS" \
  GuidelinesReview__GenerateConsultation__Version=3 \
  Logging__LogLevel__GuidelinesReview.Web.Infrastructure.GeneratedConsultation=Information
grep -A1 'GeneratedConsultation' "$log" | grep -v '^--' | sed -n 2p | sed 's/^ */== /' || true

status=0
node "$load/rollup.mjs" --url "$url" --rounds "$ROUNDS" --server-pid "$pid" "$@" || status=$?

check_server_log
exit $status
