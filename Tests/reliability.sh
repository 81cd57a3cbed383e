#!/usr/bin/env bash
# make reliability: crash loops, racing desks, a full disk, bad files, bit flips, fuzzing and a
# UI storm against the release binary. One line per figure; exit 1 if any figure fails.
set -u
cd "$(dirname "$0")/.."
swift build -c release --product onderdak >/dev/null 2>&1 || { echo "build failed"; exit 1; }
BIN="$PWD/.build/release/onderdak"
ITER="${RELIABILITY_ITERATIONS:-200}"
RACE_SECONDS="${RELIABILITY_SECONDS:-30}"
FUZZ="${RELIABILITY_FUZZ:-1000000}"
KEYS="${RELIABILITY_KEYS:-100000}"
W="$(mktemp -d /tmp/onderdak-rel.XXXXXX)"
trap 'umount "$W/full" 2>/dev/null; rm -rf "$W"' EXIT
FAILED=0
fail() { echo "FAIL: $*"; FAILED=1; }
last_seq() { "$BIN" verify --journal "$1" 2>/dev/null | awk '/^last sequence:/ {print $3}'; }

"$BIN" demo --journal "$W/demo.onderdak" --today 2026-11-23 >/dev/null || { echo "demo failed"; exit 1; }

# 1. Crash loop: kill -9 a simulating desk at a random moment; every acknowledged event must survive.
cp "$W/demo.onderdak" "$W/crash.onderdak"
acked=0; lost=0; torn=0; maxack=0
for i in $(seq 1 "$ITER"); do
  "$BIN" simulate --journal "$W/crash.onderdak" --seconds 5 --seed "$i" --print-acks --location Oost > "$W/acks" 2>/dev/null &
  pid=$!
  sleep "0.$(( (RANDOM % 35) + 5 ))"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  a=$(grep -c '^ack ' "$W/acks"); acked=$((acked + a))
  last=$(grep '^ack ' "$W/acks" | tail -1 | awk '{print $2}')
  "$BIN" verify --journal "$W/crash.onderdak" >/dev/null 2>&1; rc=$?
  if [ "$rc" = 3 ]; then
    torn=$((torn + 1))
    "$BIN" simulate --journal "$W/crash.onderdak" --operations 0 >/dev/null 2>&1   # opening for writing cuts the torn tail
    "$BIN" verify --journal "$W/crash.onderdak" >/dev/null 2>&1 || fail "crash loop: the journal does not verify after cutting a torn tail (iteration $i)"
  elif [ "$rc" != 0 ]; then fail "crash loop: verify exit $rc at iteration $i"; fi
  seq_now=$(last_seq "$W/crash.onderdak")
  if [ -n "$last" ] && [ "$seq_now" -lt "$last" ]; then lost=$((lost + last - seq_now)); fi
done
echo "crash loop: $ITER kills · $acked events acknowledged · lost $lost · torn tails cut $torn · final verify $("$BIN" verify --journal "$W/crash.onderdak" >/dev/null 2>&1; echo exit $?)"
[ "$lost" = 0 ] || fail "acknowledged events lost"

# 2. Racing desks on one small location (Oost: 16 beds, 72 clients).
for n in 2 4; do
  cp "$W/demo.onderdak" "$W/race$n.onderdak"
  pids=""
  for k in $(seq 1 "$n"); do
    "$BIN" simulate --journal "$W/race$n.onderdak" --seconds "$RACE_SECONDS" --seed "$((k * 97))" --location Oost > "$W/race$n.$k" 2>&1 &
    pids="$pids $!"
  done
  wait $pids
  events=$(awk '/^operations/ {s += $5} END {print s}' "$W"/race$n.*[0-9])
  deep=$("$BIN" verify --deep --journal "$W/race$n.onderdak" 2>&1); rc=$?
  viol=$(echo "$deep" | awk '/deep check:/ {print $3}')
  echo "racing desks: $n processes × ${RACE_SECONDS}s on Oost · $events events · verify --deep violations ${viol:-?} (exit $rc)"
  [ "$rc" = 0 ] || fail "racing desks ($n): $deep"
done

# 3. Disk full: the journal on a small tmpfs, filled up mid-run, then freed.
mkdir -p "$W/full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1200k tmpfs "$W/full" 2>/dev/null; then
  cp "$W/demo.onderdak" "$W/full/j.onderdak"
  free=$(df --output=avail -B1 "$W/full" | tail -1)
  head -c $((free - 12000)) /dev/zero > "$W/full/filler" 2>/dev/null
  "$BIN" simulate --journal "$W/full/j.onderdak" --seconds 6 --seed 5 --print-acks --location Oost > "$W/full.out" 2>&1 &
  pid=$!
  sleep 2.5
  sum1=$(sha256sum "$W/full/j.onderdak" | cut -d' ' -f1); acks1=$(grep -c '^ack ' "$W/full.out")
  lastack1=$(grep '^ack ' "$W/full.out" | tail -1 | awk '{print $2}')
  sleep 1
  sum2=$(sha256sum "$W/full/j.onderdak" | cut -d' ' -f1)
  seq_full=$(last_seq "$W/full/j.onderdak")
  rm -f "$W/full/filler"
  wait "$pid"; alive=$?
  acks2=$(grep -c '^ack ' "$W/full.out")
  failures=$(awk '/^operations/ {print $9}' "$W/full.out")
  "$BIN" verify --journal "$W/full/j.onderdak" >/dev/null 2>&1; vrc=$?
  echo "disk full: write failures $failures · file unchanged while full $([ "$sum1" = "$sum2" ] && echo yes || echo NO) · last sequence $seq_full = last ack ${lastack1:-none} · appends after freeing $((acks2 - acks1)) · process exit $alive · verify exit $vrc"
  [ "$sum1" = "$sum2" ] || fail "the journal changed while the disk was full"
  [ "${failures:-0}" -gt 0 ] || fail "the disk never filled up"
  [ "$((acks2 - acks1))" -gt 0 ] || fail "appends did not resume after freeing space"
  [ "$seq_full" = "${lastack1:-$seq_full}" ] || fail "sequence on disk differs from the last acknowledgement"
  [ "$vrc" = 0 ] || fail "the journal does not verify after the disk-full run"
  umount "$W/full"
else
  echo "disk full: SKIP (needs root to mount a tmpfs)"
fi

# 4. Bad files: each a clear message, a non-zero exit, nothing written.
bad=0; total=0
check_bad() {  # name, path, [runuser]
  total=$((total + 1))
  local before after out rc
  before=$( [ -e "$2" ] && sha256sum "$2" | cut -d' ' -f1 || echo none)
  out=$($3 "$BIN" simulate --journal "$2" --operations 3 2>&1); rc=$?
  after=$( [ -e "$2" ] && sha256sum "$2" | cut -d' ' -f1 || echo none)
  if [ "$rc" != 0 ] && [ "$before" = "$after" ] && [ -n "$out" ]; then bad=$((bad + 1)); else fail "bad file '$1': exit $rc, unchanged $([ "$before" = "$after" ] && echo yes || echo no): $out"; fi
}
check_bad "missing directory" "$W/no/such/dir/j.onderdak" ""
printf 'hello, this is not a journal\n' > "$W/text.onderdak"; check_bad "not a journal" "$W/text.onderdak" ""
: > "$W/empty.onderdak"; check_bad "empty file" "$W/empty.onderdak" ""
cp "$W/demo.onderdak" "$W/newer.onderdak"; printf '\x09' | dd of="$W/newer.onderdak" bs=1 seek=4 conv=notrunc 2>/dev/null
check_bad "newer format version" "$W/newer.onderdak" ""
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  mkdir -p "$W/other"; chmod 755 "$W/other" "$W"; cp "$W/demo.onderdak" "$W/other/j.onderdak"; chmod 600 "$W/other/j.onderdak"
  check_bad "owned by another user" "$W/other/j.onderdak" "runuser -u nobody --"
  mkdir -p "$W/ro"; cp "$W/demo.onderdak" "$W/ro/j.onderdak"; chown -R nobody "$W/ro"; chmod 400 "$W/ro/j.onderdak"
  check_bad "read-only journal" "$W/ro/j.onderdak" "runuser -u nobody --"
fi
echo "bad files: $bad of $total refused with a message, nothing written"

# 5. Bit flips: every bit of a small journal.
out=$("$BIN" stress-bitflip --journal "$W/small.onderdak" --make-small) || fail "bit flips: $out"
echo "$out"
out=$("$BIN" stress-bitflip --journal "$W/demo.onderdak" --max 2000 --seed 11) || fail "bit flips (demo): $out"
echo "$out (demo journal, random bits)"

# 6. Fuzzing: 1,000,000 generated inputs per parser.
for t in codec checklist beds; do
  out=$(timeout 600 "$BIN" stress-fuzz --target "$t" --count "$FUZZ" --corpus Tests/Fuzz/$t 2>&1); rc=$?
  [ "$rc" = 0 ] || fail "fuzz $t: exit $rc (crash or hang): $out"
  echo "$out"
done

# 7. UI storm: random keys and resizes, every role, then verify --deep.
cp "$W/demo.onderdak" "$W/storm.onderdak"
out=$(timeout 900 "$BIN" stress-ui --journal "$W/storm.onderdak" --keys "$KEYS" 2>&1); rc=$?
[ "$rc" = 0 ] || fail "ui storm: exit $rc: $out"
"$BIN" verify --deep --journal "$W/storm.onderdak" >/dev/null 2>&1; vrc=$?
echo "$out · verify --deep exit $vrc"
[ "$vrc" = 0 ] || fail "ui storm journal does not verify"

[ "$FAILED" = 0 ] && echo "reliability: all figures PASS" || { echo "reliability: FAILED"; exit 1; }
