#!/usr/bin/env bash
# Builds everything, runs the unit and end-to-end tests (Swift Testing; the end-to-end suite
# drives the real binary, in tmux for the TUI), and ends with one line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build --build-tests 2>&1 | tee "$log" | grep -E "error:|warning: unre" ; then :; fi
if ! grep -q "Build complete\|Compiling\|Build of" "$log" && grep -q "error:" "$log"; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
if grep -q "error:" "$log"; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi
export ONDERDAK_BIN="$PWD/.build/debug/onderdak"
xunit="$(mktemp -d)/results.xml"
trap 'rm -f "$log"; rm -rf "$(dirname "$xunit")"' EXIT
swift test --skip-build --xunit-output "$xunit" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The counts come from the runner's own report (its xUnit file: one <testcase> per test, with a
# <failure> inside each that failed), never from grepping lines of the console output.
report="${xunit%.xml}-swift-testing.xml"
if [ -f "$report" ]; then
  read -r total failed < <(awk '/<testcase /{n++; open=($0 !~ /\/>[[:space:]]*$/); hit=0}
                                /<failure/{ if (open && !hit) { f++; hit=1 } }
                                /<\/testcase>/{open=0}
                                END {print n+0, f+0}' "$report")
else
  total=0; failed=1
  echo "the test runner wrote no report ($report)"
fi
passed=$(( total - failed ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
