#!/usr/bin/env bash
# Runs the app in Development as a newcomer tries it: the OpenIddict test identity provider on
# http://localhost:5100 (so "Sign in with your organisation" works against it, see docs/sign-in.md),
# then the app on http://localhost:5000. Ctrl+C stops both. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

provider_url=http://localhost:5100 # appsettings.Development.json points the app here
echo "== building the test identity provider"
dotnet build tests/GuidelinesReview.TestIdentityProvider -nologo -v quiet
echo "== starting the test identity provider on $provider_url"
ASPNETCORE_ENVIRONMENT=Development dotnet run --no-build --no-launch-profile \
  --project tests/GuidelinesReview.TestIdentityProvider -- --urls "$provider_url" &
provider_pid=$!
# Stop the provider by its own id when the app ends, however it ends.
trap 'kill "$provider_pid" 2>/dev/null || true; wait "$provider_pid" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  if curl -fs "$provider_url/.well-known/openid-configuration" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$provider_pid" 2>/dev/null; then echo "the test identity provider did not start" >&2; exit 1; fi
  sleep 0.5
done

echo "== starting the app on http://localhost:5000"
# Not exec: the shell stays to stop the provider when the app exits.
dotnet run --project src/GuidelinesReview.Web -- "$@"
