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
root=$PWD
load=$root/tests/load
web=$root/src/GuidelinesReview.Web

ROOMS=${ROOMS:-20}
MEMBERS=${MEMBERS:-25}
INTERVAL_MS=${INTERVAL_MS:-500}
SECONDS_TYPING=${SECONDS_TYPING:-30}

data=$(mktemp -d)
content=$(mktemp -d)
pid=
cleanup() {
  local code=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data" "$content"
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the web app (Release)"
dotnet build src/GuidelinesReview.Web -c Release -nologo -v quiet >/dev/null

if [ ! -f "$load/node_modules/.package-lock.json" ] || [ "$load/package-lock.json" -nt "$load/node_modules/.package-lock.json" ]; then
  echo "== npm ci in tests/load"
  (cd "$load" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The content the app imports at start-up: the sample guideline (all versions) and the load-test
# meeting, whose rooms the driver finds by title. The real content/ folder is not touched.
mkdir -p "$content/guidelines" "$content/meetings"
cp -R "$root/content/guidelines/people-centred-smart-cities" "$content/guidelines/"
node "$load/rooms.mjs" --write-meeting "$content/meetings/load-test.yml" --rooms "$ROOMS"

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url=http://127.0.0.1:$port
mkdir -p "$load/results"
log=$load/results/server-rooms-$(date -u +%Y%m%dT%H%M%SZ).log

echo "== starting the app on $url (data in $data, content in $content, log in ${log#$root/})"
(
  cd "$web"
  export ASPNETCORE_ENVIRONMENT=Development
  export GuidelinesReview__DataDirectory="$data"
  export GuidelinesReview__ContentPath="$content"
  export GuidelinesReview__PostsPerMinute=1000000
  export GuidelinesReview__SignInAttemptsPerMinute=1000 # the driver signs in ~20 accounts from 127.0.0.1
  export Logging__LogLevel__Default=Warning
  exec dotnet bin/Release/net10.0/GuidelinesReview.Web.dll --urls "$url"
) >"$log" 2>&1 &
pid=$!

ready=
for _ in $(seq 600); do # at most 60 s
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the app exited during start-up; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "the app did not answer GET / with 200 within 60 s; its log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi

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
