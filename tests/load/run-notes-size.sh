#!/usr/bin/env bash
# Notes save time by size through a real room hub connection: builds the app in Release, starts it
# on a free loopback port with a fresh data folder (Development: demo accounts, sample meeting), runs
# notes-size.mjs, stops the app. Extra arguments go to the driver, e.g. --rounds 11.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

build_app
npm_ci_load
start_app notes-size 90 GuidelinesReview__PostsPerMinute=1000000
node "$load/notes-size.mjs" --url "$url" "$@"
