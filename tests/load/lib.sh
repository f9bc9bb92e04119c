# Shared by the run-*.sh scripts (sourced after `cd` to the repository root): builds the app in
# Release, starts it on a free loopback port of 127.0.0.1 with a fresh data folder, waits until it
# serves, and on exit (also on error or Ctrl-C) stops it by its PID and deletes the data folder and
# any path the script added to `temporary`.

root=$PWD
load=$root/tests/load
web=$root/src/GuidelinesReview.Web
data=$(mktemp -d)
temporary=("$data")
pid=

# stop_app: stops the app started by start_app, by its PID (SIGTERM, then SIGKILL after 5 s).
stop_app() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=
}

# fresh_data: empties the data folder, so the next start_app begins on a new database.
fresh_data() {
  rm -rf "$data"
  mkdir -p "$data"
}

cleanup() {
  local code=$?
  stop_app
  rm -rf "${temporary[@]}"
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_app() {
  echo "== building the web app (Release)"
  dotnet build src/GuidelinesReview.Web -c Release -nologo -v quiet >/dev/null
}

# The drivers that open SignalR connections need @microsoft/signalr from npm.
npm_ci_load() {
  if [ ! -f "$load/node_modules/.package-lock.json" ] || [ "$load/package-lock.json" -nt "$load/node_modules/.package-lock.json" ]; then
    echo "== npm ci in tests/load"
    (cd "$load" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# start_app NAME SECONDS [SETTING=VALUE ...]: starts the app in Development with its data in $data,
# Warning-level logs and the given settings (environment variables, `__` for `:`), logging to
# results/server[-NAME]-<time>.log; waits up to SECONDS for GET / to answer 200. Sets url, pid, log.
start_app() {
  local name=$1 seconds=$2 port
  shift 2
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  url=http://127.0.0.1:$port
  mkdir -p "$load/results"
  log=$load/results/server${name:+-$name}-$(date -u +%Y%m%dT%H%M%SZ).log
  echo "== starting the app on $url (data in $data, log in ${log#$root/})"
  (
    cd "$web"
    exec env ASPNETCORE_ENVIRONMENT=Development GuidelinesReview__DataDirectory="$data" Logging__LogLevel__Default=Warning "$@" \
      dotnet bin/Release/net10.0/GuidelinesReview.Web.dll --urls "$url"
  ) >"$log" 2>&1 &
  pid=$!

  for _ in $(seq $((seconds * 10))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the app exited during start-up; its log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/" || true)" = 200 ]; then return 0; fi
    sleep 0.1
  done
  echo "the app did not answer GET / with 200 within $seconds s; its log:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

# meeting_content ROOMS: a temporary content folder for the app to import at start-up (the sample
# guideline, all versions, and the generated meeting "load-test" with ROOMS breakout rooms, whose
# rooms the drivers find by title); the real content/ folder is not touched. Sets content.
meeting_content() {
  content=$(mktemp -d)
  temporary+=("$content")
  mkdir -p "$content/guidelines" "$content/meetings"
  cp -R "$root/content/guidelines/people-centred-smart-cities" "$content/guidelines/"
  node "$load/rooms.mjs" --write-meeting "$content/meetings/load-test.yml" --rooms "$1"
}

# check_server_log: prints how many lines of the app's log have fail/crit/error/exception and the
# first ten; sets status to 1 when there is one and it was 0.
check_server_log() {
  local problems
  problems=$(grep -Eic '\b(fail|crit|error|exception)' "$log" || true)
  echo "== server log: $(wc -l <"$log") lines, $problems with fail/crit/error/exception (${log#$root/})"
  if [ "$problems" -gt 0 ]; then
    grep -Ei '\b(fail|crit|error|exception)' "$log" | head -n 10
    [ "$status" -ne 0 ] || status=1
  fi
}
