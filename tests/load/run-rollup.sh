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
root=$PWD
load=$root/tests/load
web=$root/src/GuidelinesReview.Web

USERS=${USERS:-2000}
COMMENTS=${COMMENTS:-20000}
TAKEAWAYS=${TAKEAWAYS:-400}
ROUNDS=${ROUNDS:-30}

data=$(mktemp -d)
pid=
cleanup() {
  local code=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the web app (Release)"
dotnet build src/GuidelinesReview.Web -c Release -nologo -v quiet >/dev/null

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url=http://127.0.0.1:$port
mkdir -p "$load/results"
log=$load/results/server-rollup-$(date -u +%Y%m%dT%H%M%SZ).log

echo "== starting the app on $url (data in $data, log in ${log#$root/}); generating $USERS people, $COMMENTS comments, $TAKEAWAYS takeaways"
(
  cd "$web"
  export ASPNETCORE_ENVIRONMENT=Development
  export GuidelinesReview__DataDirectory="$data"
  export GuidelinesReview__GenerateConsultation__Users="$USERS"
  export GuidelinesReview__GenerateConsultation__Comments="$COMMENTS"
  export GuidelinesReview__GenerateConsultation__Takeaways="$TAKEAWAYS"
  export GuidelinesReview__GenerateConsultation__Version=3
  export Logging__LogLevel__Default=Warning
  exec dotnet bin/Release/net10.0/GuidelinesReview.Web.dll --urls "$url" \
    --Logging:LogLevel:GuidelinesReview.Web.Infrastructure.GeneratedConsultation=Information
) >"$log" 2>&1 &
pid=$!

ready=
for _ in $(seq 1800); do # at most 180 s: generating the consultation comes before listening
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the app exited during start-up; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "the app did not answer GET / with 200 within 180 s; its log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
grep -A1 'GeneratedConsultation' "$log" | grep -v '^--' | sed -n 2p | sed 's/^ */== /' || true

status=0
node "$load/rollup.mjs" --url "$url" --rounds "$ROUNDS" --server-pid "$pid" "$@" || status=$?

problems=$(grep -Eic '\b(fail|crit|error|exception)' "$log" || true)
echo "== server log: $(wc -l <"$log") lines, $problems with fail/crit/error/exception (${log#$root/})"
if [ "$problems" -gt 0 ]; then
  grep -Ei '\b(fail|crit|error|exception)' "$log" | head -n 10
  [ "$status" -ne 0 ] || status=1
fi
exit $status
