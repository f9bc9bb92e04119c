#!/usr/bin/env bash
# Coverage-guided fuzzing of Core's readers of outside text (tests/GuidelinesReview.Fuzz) with
# afl-fuzz: builds the targets, instruments a copy of Core, Markdig and YamlDotNet with sharpfuzz,
# runs each target for a bounded time, and copies every crash or hang to
# tests/GuidelinesReview.Tests/Specs/fuzz-crashes/<target>/, where a regression test replays it.
# Fails when a crash or hang is found that is not kept there yet. See docs/testing.md.
#
#   bash scripts/fuzz.sh [seconds-per-target] [target ...]     (default 60 s, every target)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(draft-parser markdown draft-file manifest meeting-file translation-file glossary-file xliff)

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "== installing afl++"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "need root (or sudo) to install afl++" >&2; exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq afl++ >/dev/null
fi

work=${FUZZ_WORK:-artifacts/fuzz}
crashes=tests/GuidelinesReview.Tests/Specs/fuzz-crashes
fuzz=tests/GuidelinesReview.Fuzz
content=content/guidelines/people-centred-smart-cities
rm -rf "$work/bin" "$work/seeds" "$work/out"
mkdir -p "$work/bin" "$work/seeds" "$work/out"

echo "== building and instrumenting the fuzz targets"
dotnet tool restore >/dev/null
dotnet build "$fuzz" -c Release -nologo -v quiet >/dev/null
cp -r "$fuzz/bin/Release/net10.0/." "$work/bin/"
# The copy is instrumented, never the build output the tests use.
for dll in GuidelinesReview.Core.dll Markdig.dll YamlDotNet.dll; do
  dotnet tool run sharpfuzz "$work/bin/$dll" >/dev/null
done

# Seeds: the sample content and the spec data, cut into pieces of a few KB (afl-fuzz works best
# from small inputs); every kept crash seeds its target too.
seed() { # target, files...
  local target=$1 dir="$work/seeds/$1"; shift
  mkdir -p "$dir"
  for file in "$@"; do split -C 4096 -d -a 3 "$file" "$dir/$(basename "$file")."; done
}
seed draft-parser "$content"/v*.md tests/GuidelinesReview.Tests/Specs/draft-blocks.md
seed markdown "$content"/v1.md tests/GuidelinesReview.Tests/Specs/xss-corpus.txt
mkdir -p "$work/seeds/draft-file"
for file in "$content"/v*.md; do head -c 4096 "$file" >"$work/seeds/draft-file/$(basename "$file")"; done
seed manifest "$content/guideline.yml"
seed meeting-file content/meetings/*.yml
seed translation-file "$content"/translations/v2.ar.yml "$content"/translations/v3.fr.yml
seed glossary-file "$content/glossary.yml"
mkdir -p "$work/seeds/xliff" && cp "$fuzz"/seeds/xliff/* "$work/seeds/xliff/"

dictionary() {
  case $1 in
    draft-parser|markdown) echo "$fuzz/dictionaries/markdown.dict" ;;
    xliff) echo "$fuzz/dictionaries/xml.dict" ;;
    *) echo "$fuzz/dictionaries/yaml.dict" ;;
  esac
}

# afl-fuzz on this kind of machine: no CPU frequency scaling to check, cores shared with others,
# `dotnet` itself is not instrumented (the managed code is), core dumps may go to a pipe, and a kept
# input that still crashes (its fix under way) must not stop the run.
export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CRASHES=1
export AFL_NO_UI=1 AFL_FAST_CAL=1 AFL_QUIET=1
status=0
new=0
for target in "${targets[@]}"; do
  if [ -d "$crashes/$target" ]; then cp "$crashes/$target"/* "$work/seeds/$target/" 2>/dev/null || true; fi
  out="$work/out/$target"
  # -t: an input running over 3 s is a hang (the largest accepted draft parses in well under 1 s).
  afl-fuzz -V "$seconds" -t 3000 -m none -i "$work/seeds/$target" -o "$out" -x "$(dictionary "$target")" \
    -- dotnet "$work/bin/GuidelinesReview.Fuzz.dll" "$target" >"$work/out/$target.log" 2>&1 \
    || { echo "afl-fuzz failed on $target:"; tail -20 "$work/out/$target.log"; status=1; continue; }
  stats="$out/default/fuzzer_stats"
  stat() { awk -v k="$1" '$1 == k { print $3 }' "$stats"; }
  echo "$target: $(stat execs_done) executions in $(stat run_time) s, $(stat corpus_count) paths, $(stat saved_crashes) crashes, $(stat saved_hangs) hangs"
  for kind in crashes hangs; do
    for file in "$out/default/$kind"/id:*; do
      [ -e "$file" ] || continue
      name=crash; [ "$kind" = hangs ] && name=hang
      mkdir -p "$crashes/$target"
      kept="$crashes/$target/$name-$(sha1sum "$file" | cut -c1-16)"
      if [ ! -e "$kept" ]; then
        cp "$file" "$kept"
        echo "  new $name: $kept"
        new=$((new + 1))
      fi
    done
  done
done

if [ "$new" -gt 0 ]; then
  echo "fuzz: $new new crash(es) or hang(s) kept under $crashes/ (replayed by FuzzCrashTests)"
  status=1
fi
exit $status
