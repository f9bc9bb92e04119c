#!/usr/bin/env bash
# Runs the app in Development as a newcomer tries it, with what it talks to beside it on loopback:
# - the local SMTP sink (maildev, scripts/mail-sink): every mail the app sends lands there, readable
#   in its web page (MAIL_SINK_WEB_PORT, 1080; SMTP on MAIL_SINK_SMTP_PORT, 1025);
# - the OpenIddict test identity provider on http://localhost:5100, so "Sign in with your
#   organisation" works against it (docs/sign-in.md);
# then the app on http://localhost:5000. Ctrl+C stops all three; the two helpers are stopped by PID.
# Extra arguments go to the app (e.g. --urls).
set -euo pipefail
cd "$(dirname "$0")/.."

smtp_port=${MAIL_SINK_SMTP_PORT:-1025}
web_port=${MAIL_SINK_WEB_PORT:-1080}
sink_dir=scripts/mail-sink
provider_url=http://localhost:5100 # appsettings.Development.json points the app here
provider_dir=tests/GuidelinesReview.TestIdentityProvider

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

wait_for() { # url, pid, what
  for _ in $(seq 1 240); do
    if curl -fs "$1" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "$3 did not start (is its port taken?)" >&2; exit 1; fi
    sleep 0.25
  done
  echo "$3 did not answer at $1 within a minute" >&2; exit 1
}

if [ ! -f "$sink_dir/node_modules/.package-lock.json" ] || [ "$sink_dir/package-lock.json" -nt "$sink_dir/node_modules/.package-lock.json" ]; then
  echo "== installing the mail sink (npm ci in $sink_dir)"
  (cd "$sink_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p data/mail-sink
node "$sink_dir/node_modules/maildev/dist/bin/maildev.js" --smtp "$smtp_port" --web "$web_port" \
  --ip 127.0.0.1 --web-ip 127.0.0.1 --mail-directory data/mail-sink --silent &
pids+=($!)

echo "== building the test identity provider"
dotnet build "$provider_dir" -nologo -v quiet
(cd "$provider_dir" && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Debug/net10.0/GuidelinesReview.TestIdentityProvider.dll --urls "$provider_url") &
pids+=($!)

wait_for "http://127.0.0.1:$web_port/api/healthz" "${pids[0]}" "the mail sink"
echo "== mail sink: http://127.0.0.1:$web_port/index.html (every mail the app sends lands here)"
wait_for "$provider_url/.well-known/openid-configuration" "${pids[1]}" "the test identity provider"
echo "== test identity provider: $provider_url"

echo "== starting the app on http://localhost:5000"
# Not exec: the shell stays to stop the sink and the provider when the app exits.
dotnet run --project src/GuidelinesReview.Web -- --GuidelinesReview:Mail:Port="$smtp_port" "$@"
