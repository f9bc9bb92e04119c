#!/usr/bin/env bash
# Builds the app in Release, starts it on a free loopback port with a fresh data folder
# (Development: demo accounts and sample guideline), runs the fan-out driver for
# N=50,200,500, stops the app and removes the data folder. Extra arguments go to the driver
# (they override the defaults below), e.g.:  bash tests/load/run.sh --n 50,500 --rate 10
# Takes about 2-3 minutes on a 2-core machine. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
load=$root/tests/load
web=$root/src/GuidelinesReview.Web

N=${N:-50,200,500}
RATE=${RATE:-5}
SECONDS_PER_N=${SECONDS_PER_N:-20}
POSTERS=${POSTERS:-3}

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

if [ ! -f "$load/node_modules/.package-lock.json" ] || [ "$load/package-lock.json" -nt "$load/node_modules/.package-lock.json" ]; then
  echo "== npm ci in tests/load"
  (cd "$load" && npm ci --no-audit --no-fund --loglevel=error)
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url=http://127.0.0.1:$port
mkdir -p "$load/results"
log=$load/results/server-$(date -u +%Y%m%dT%H%M%SZ).log

echo "== starting the app on $url (data in $data, log in ${log#$root/})"
(
  cd "$web"
  export ASPNETCORE_ENVIRONMENT=Development
  export GuidelinesReview__DataDirectory="$data"
  export GuidelinesReview__PostsPerMinute=1000000
  export GuidelinesReview__SignInAttemptsPerMinute=1000 # the driver signs in 8 accounts from 127.0.0.1
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

echo "== fan-out driver: N=$N, $RATE comments/s for $SECONDS_PER_N s each, $POSTERS posters"
status=0
node "$load/fanout.mjs" --url "$url" --n "$N" --rate "$RATE" --seconds "$SECONDS_PER_N" --posters "$POSTERS" \
  --server-pid "$pid" --max-seconds 600 "$@" || status=$?

problems=$(grep -Eci '\b(fail|crit|error|exception)' "$log" || true)
echo "== server log: $(wc -l <"$log") lines, $problems with fail/crit/error/exception (${log#$root/})"
if [ "$problems" -gt 0 ]; then grep -Ei '\b(fail|crit|error|exception)' "$log" | head -n 10; fi
exit $status
