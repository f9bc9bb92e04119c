#!/usr/bin/env bash
# Runs the app in Development with the local SMTP sink (maildev, scripts/mail-sink) beside it:
# every mail the app sends lands in the sink, readable in its web page. The sink listens on
# loopback only and stops with the app. Extra arguments go to the app (e.g. --urls).
# Ports: MAIL_SINK_SMTP_PORT (1025) and MAIL_SINK_WEB_PORT (1080).
set -euo pipefail
cd "$(dirname "$0")/.."

smtp_port=${MAIL_SINK_SMTP_PORT:-1025}
web_port=${MAIL_SINK_WEB_PORT:-1080}
sink_dir=scripts/mail-sink

if [ ! -f "$sink_dir/node_modules/.package-lock.json" ] || [ "$sink_dir/package-lock.json" -nt "$sink_dir/node_modules/.package-lock.json" ]; then
  echo "== installing the mail sink (npm ci in $sink_dir)"
  (cd "$sink_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p data/mail-sink
node "$sink_dir/node_modules/maildev/dist/bin/maildev.js" --smtp "$smtp_port" --web "$web_port" \
  --ip 127.0.0.1 --web-ip 127.0.0.1 --mail-directory data/mail-sink --silent &
sink_pid=$!
trap 'kill "$sink_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$web_port/api/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$sink_pid" 2>/dev/null; then echo "the mail sink did not start (is port $smtp_port or $web_port taken?)" >&2; exit 1; fi
  sleep 0.2
done
echo "== mail sink: http://127.0.0.1:$web_port (every mail the app sends lands here)"

dotnet run --project src/GuidelinesReview.Web -- --GuidelinesReview:Mail:Port="$smtp_port" "$@"
