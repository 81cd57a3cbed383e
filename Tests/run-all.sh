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
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Swift Testing prints one line per test: "✔ Test name() passed…" / "✘ Test name() failed…".
passed=$(grep -cE '^[^ ]+ Test [^r].* passed after' "$log" || true)
passed_r=$(grep -cE '^[^ ]+ Test run[^ ].* passed after' "$log" || true)
failed=$(grep -E '^[^ ]+ Test .* failed after' "$log" | grep -vcE 'Test run with' || true)
total=$(sed -nE 's/.*Test run with ([0-9]+) tests? .*/\1/p' "$log" | tail -1)
if [ -n "$total" ]; then passed=$((total - failed)); fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
