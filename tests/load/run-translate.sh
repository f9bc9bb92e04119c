#!/usr/bin/env bash
# Translation workspace load test: builds the app in Release, writes the generated large draft
# (tests/GuidelinesReview.Fixtures, 173 KB, languages en, ar, zh, fr, ru, es) and the sample glossary
# into a temporary content folder, starts the app once on a fresh data folder (Development: demo accounts; the draft
# is imported), stops it and adds TRANSLATORS - 2 translator accounts of LANGUAGE with sqlite3 (copies
# of translator@demo.local: same password, their own id, e-mail and security stamp), starts it again
# and runs translate.mjs: N connections join the workspace of v1 in LANGUAGE, each saving a segment of
# its own every INTERVAL_MS ms for SECONDS s. Stops the app and removes both temporary folders.
# Extra arguments go to the driver (they override the defaults below), e.g.:
#   bash tests/load/run-translate.sh --saves-per-segment 1
# Takes about 1.5 minutes on a 2-core machine. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/lib.sh

N=${N:-20}
TRANSLATORS=${TRANSLATORS:-$N} # distinct accounts; the connections use them in turn
LANGUAGE=${LANGUAGE:-fr}
INTERVAL_MS=${INTERVAL_MS:-1000}
SECONDS_SAVING=${SECONDS_SAVING:-30}

content=$(mktemp -d)
temporary+=("$content")

build_app
npm_ci_load
command -v sqlite3 >/dev/null || { echo "run-translate.sh needs the sqlite3 command-line shell (apt-get install sqlite3)" >&2; exit 1; }

# The content the app imports at start-up: the generated large draft, with the sample guideline's
# glossary (16 terms, some of them in the generated text: "open data", "data protection"), so that
# the checks every save's view runs have a glossary to check. The real content/ is not touched.
dotnet run --project tests/GuidelinesReview.Fixtures -c Release -- large-draft "$content" | sed 's/^/== /'
cp "$root/content/guidelines/people-centred-smart-cities/glossary.yml" "$content/guidelines/large-sample/"

settings=(
  GuidelinesReview__ContentPath="$content"
  GuidelinesReview__GenerateConsultation__Users=0 # no generated consultation (its guideline is not in this content)
)

# First start: the database, the demo accounts and the imported draft. Then, with the app stopped,
# the extra translators: the demo accounts hold two translators per language, and a workspace of 20
# translators should have 20 people in it (presence, byUserId), not 2 people with 10 tabs each.
start_app translate-setup 120 "${settings[@]}"
stop_app
db=$data/guidelines.db
demo=$(sqlite3 "$db" "SELECT u.Email FROM AspNetUsers u JOIN TranslatorLanguages l ON l.UserId = u.Id WHERE l.Language = '$LANGUAGE' ORDER BY u.Email;")
[ -n "$demo" ] || { echo "no demo translator of '$LANGUAGE' in the database" >&2; exit 1; }
template=$(head -n 1 <<<"$demo")
extra=$((TRANSLATORS - $(wc -l <<<"$demo")))
if [ "$extra" -gt 0 ]; then
  sqlite3 "$db" <<SQL
.bail on
BEGIN;
CREATE TEMP TABLE n AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $extra) SELECT i FROM c;
CREATE TEMP TABLE clone AS SELECT n.i AS i, u.* FROM n, AspNetUsers u WHERE u.Email = '$template';
UPDATE clone SET
  Id = printf('load-translator-%02d', i),
  UserName = printf('load-translator%02d@load.invalid', i),
  NormalizedUserName = printf('LOAD-TRANSLATOR%02d@LOAD.INVALID', i),
  Email = printf('load-translator%02d@load.invalid', i),
  NormalizedEmail = printf('LOAD-TRANSLATOR%02d@LOAD.INVALID', i),
  DisplayName = printf('Load translator %02d', i),
  SecurityStamp = upper(hex(randomblob(16))),
  ConcurrencyStamp = lower(hex(randomblob(16)));
ALTER TABLE clone DROP COLUMN i;
INSERT INTO AspNetUsers SELECT * FROM clone;
INSERT INTO AspNetUserRoles (UserId, RoleId)
  SELECT c.Id, r.RoleId FROM clone c, AspNetUserRoles r JOIN AspNetUsers t ON t.Id = r.UserId WHERE t.Email = '$template';
INSERT INTO TranslatorLanguages (UserId, Language, Reviews) SELECT Id, '$LANGUAGE', 0 FROM clone;
COMMIT;
SQL
fi
accounts=$( (echo "$demo"; sqlite3 "$db" "SELECT Email FROM AspNetUsers WHERE Email LIKE 'load-translator%@load.invalid' ORDER BY Email;") | head -n "$TRANSLATORS" | paste -sd, -)

# The workspace: v1 of the large draft; its segments: the paragraphs' anchors, in reading order.
version=$(sqlite3 "$db" "SELECT v.Id FROM DraftVersions v JOIN Guidelines g ON g.Id = v.GuidelineId WHERE g.Slug = 'large-sample' AND v.Number = 1;")
segments=$content/segments.txt
sqlite3 "$db" "SELECT Anchor FROM Blocks WHERE VersionId = $version AND Kind = 'Paragraph' ORDER BY Ordinal;" >"$segments"
terms=$(sqlite3 "$db" "SELECT count(*) FROM GlossaryItems g JOIN Guidelines l ON l.Id = g.GuidelineId WHERE l.Slug = 'large-sample';")
echo "== version $version of large-sample, $(wc -l <"$segments") paragraph segments, $terms glossary terms; translators of $LANGUAGE: $(tr ',' '\n' <<<"$accounts" | wc -l) accounts"

start_app translate 120 "${settings[@]}"

echo "== translation driver: $N translators, a save every $INTERVAL_MS ms each for $SECONDS_SAVING s"
status=0
node "$load/translate.mjs" --url "$url" --version-id "$version" --language "$LANGUAGE" --segments "$segments" --accounts "$accounts" \
  --n "$N" --interval-ms "$INTERVAL_MS" --seconds "$SECONDS_SAVING" --server-pid "$pid" --max-seconds 300 "$@" || status=$?

check_server_log
exit $status
