#!/usr/bin/env bash
# Runs the whole test suite at other moments and in other time zones (issue #15: "it must pass
# at 23:30 on a Saturday, at 00:30 on the night of a DST change, with TZ=America/New_York and
# TZ=Asia/Tokyo"). Each run is the real suite under libfaketime with a *running* clock
# (`faketime -f "@…"`; a frozen clock, `faketime "…"` without the @, stops every timeout and
# every wait on a child process, which no real machine does). The throwaway PostgreSQL cluster
# is started once, on the real clock, and shared by the runs. Prints one line per moment and
# exits non-zero when any run failed. Used by `make test-clocks`; takes about 6 minutes a moment.
set -u
cd "$(dirname "$0")/.."
command -v faketime >/dev/null 2>&1 || { echo "faketime is missing: apt-get install faketime"; exit 1; }
swift build --build-tests 2>&1 | grep -E "error:" && { echo "build failed"; exit 1; }
export ONDERDAK_BIN="$PWD/.build/debug/onderdak"
# TZ  |  the machine's local time the clock starts at  |  what it is
moments=(
  "Europe/Amsterdam|2026-11-28 23:30:00|Saturday 23:30 in Amsterdam"
  "Europe/Amsterdam|2026-10-25 00:30:00|00:30 on the night summer time ends (25 Oct 2026)"
  "Europe/Amsterdam|2027-03-28 00:30:00|00:30 on the night summer time starts (28 Mar 2027)"
  "America/New_York|2026-11-28 23:30:00|Saturday 23:30 in New York (Sunday 05:30 in Amsterdam)"
  "Asia/Tokyo|2026-11-29 07:00:00|Sunday 07:00 in Tokyo (Saturday 23:00 in Amsterdam)"
)
[ -n "${ONDERDAK_CLOCKS:-}" ] && moments=("${moments[@]:0:$ONDERDAK_CLOCKS}")
summary=""; bad=0
for m in "${moments[@]}"; do
  IFS='|' read -r tz at what <<<"$m"
  log=$(mktemp)
  TZ="$tz" faketime -f "@$at" swift test --skip-build >"$log" 2>&1
  rc=$?
  line=$(grep -E "Test run with [0-9]+ tests? .*(passed|failed)" "$log" | tail -1)
  if [ "$rc" -ne 0 ]; then
    bad=1
    grep -E "✘ Test .* (failed|recorded)" "$log" | head -20
  fi
  summary+="$( [ "$rc" -eq 0 ] && echo PASS || echo FAIL )  TZ=$tz  $at  ($what): ${line:-no summary (rc $rc)}"$'\n'
  rm -f "$log"
done
printf '%s' "$summary"
exit "$bad"
