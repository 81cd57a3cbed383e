#!/usr/bin/env bash
# make reliability: crash loops, racing desks, a full disk, bad files, bit flips, fuzzing and a
# UI storm against the release binary. One line per figure; exit 1 if any figure fails.
set -u
cd "$(dirname "$0")/.."
swift build -c release --product onderdak >/dev/null 2>&1 || { echo "build failed"; exit 1; }
swift build -c release --product onderdak-dev >/dev/null 2>&1 || { echo "build failed"; exit 1; }
BIN="$PWD/.build/release/onderdak"
DEV="$PWD/.build/release/onderdak-dev"   # the stress-* tools
ITER="${RELIABILITY_ITERATIONS:-200}"
RACE_SECONDS="${RELIABILITY_SECONDS:-30}"
FUZZ="${RELIABILITY_FUZZ:-1000000}"
KEYS="${RELIABILITY_KEYS:-100000}"
W="$(mktemp -d /tmp/onderdak-rel.XXXXXX)"
trap 'umount "$W/full" 2>/dev/null; rm -rf "$W"' EXIT
FAILED=0
fail() { echo "FAIL: $*"; FAILED=1; }
last_seq() { "$BIN" verify --journal "$1" 2>/dev/null | awk '/^last sequence:/ {print $3}'; }
# A journal is copied with its key store (its personal fields are sealed with those keys).
cpj() { cp "$1" "$2"; if [ -f "$1.keys" ]; then cp "$1.keys" "$2.keys"; chmod 600 "$2.keys"; fi; }

"$BIN" demo --journal "$W/demo.onderdak" --today 2026-11-23 >/dev/null || { echo "demo failed"; exit 1; }

# 1. Crash loop: kill -9 a simulating desk at a random moment; every acknowledged event must survive.
cpj "$W/demo.onderdak" "$W/crash.onderdak"
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
  cpj "$W/demo.onderdak" "$W/race$n.onderdak"
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
  cpj "$W/demo.onderdak" "$W/full/j.onderdak"
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
cpj "$W/demo.onderdak" "$W/newer.onderdak"; printf '\x09' | dd of="$W/newer.onderdak" bs=1 seek=4 conv=notrunc 2>/dev/null
check_bad "newer format version" "$W/newer.onderdak" ""
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  mkdir -p "$W/other"; chmod 755 "$W/other" "$W"; cpj "$W/demo.onderdak" "$W/other/j.onderdak"; chmod 600 "$W/other/j.onderdak"
  check_bad "owned by another user" "$W/other/j.onderdak" "runuser -u nobody --"
  mkdir -p "$W/ro"; cpj "$W/demo.onderdak" "$W/ro/j.onderdak"; chown -R nobody "$W/ro"; chmod 400 "$W/ro/j.onderdak"
  check_bad "read-only journal" "$W/ro/j.onderdak" "runuser -u nobody --"
fi
echo "bad files: $bad of $total refused with a message, nothing written"

# 5. Bit flips: every bit of a small journal.
out=$("$DEV" stress-bitflip --journal "$W/small.onderdak" --make-small) || fail "bit flips: $out"
echo "$out"
out=$("$DEV" stress-bitflip --journal "$W/demo.onderdak" --max 2000 --seed 11) || fail "bit flips (demo): $out"
echo "$out (demo journal, random bits)"

# 6. Fuzzing: 1,000,000 generated inputs per parser.
for t in codec checklist beds; do
  out=$(timeout 600 "$DEV" stress-fuzz --target "$t" --count "$FUZZ" --corpus Tests/Fuzz/$t 2>&1); rc=$?
  [ "$rc" = 0 ] || fail "fuzz $t: exit $rc (crash or hang): $out"
  echo "$out"
done

# 7. UI storm: random keys and resizes, every role, then verify --deep.
cpj "$W/demo.onderdak" "$W/storm.onderdak"
out=$(timeout 900 "$DEV" stress-ui --journal "$W/storm.onderdak" --keys "$KEYS" 2>&1); rc=$?
[ "$rc" = 0 ] || fail "ui storm: exit $rc: $out"
"$BIN" verify --deep --journal "$W/storm.onderdak" >/dev/null 2>&1; vrc=$?
echo "$out · verify --deep exit $vrc"
[ "$vrc" = 0 ] || fail "ui storm journal does not verify"

# 8. Trust boundaries (issue #18): a few seconds.
REAL="env -u ONDERDAK_NOW"; PIN=24680135; TW="$W/trust"; mkdir -p "$TW"
seqof() { $REAL "$BIN" verify --journal "$1" 2>/dev/null | awk '/^last sequence:/ {print $3}'; }
printf '%s\n%s\n' "$PIN" "$PIN" | $REAL "$BIN" init --journal "$TW/real.onderdak" --shelter "De Haven" --municipality Utrecht --username ineke --name "Ineke de Vries" >/dev/null \
  || fail "init could not set up a real journal"
s0=$(seqof "$TW/real.onderdak"); attempts=0; refused=0
bypass() {  # stdin (printf format), command…: run without a controlling terminal; count a refusal
  local input="$1"; shift; attempts=$((attempts + 1))
  local exe="$BIN"; case "$1" in stress-*) exe="$DEV";; esac
  if printf "$input" | setsid -w $REAL "$exe" "$@" --journal "$TW/real.onderdak" >/dev/null 2>&1; then :; else refused=$((refused + 1)); fi
}
bypass "" simulate --staff ineke --operations 20                 # no PIN and no terminal to type it on
bypass "" simulate --staff ineke --operations 20 --pin-fd 0      # an empty descriptor
bypass "" stress-register --staff ineke --count 5
bypass "" stress-assign --staff ineke --count 5
bypass "" stress-ui --keys 100                                   # demo-only tool
for tool in "simulate --operations 20" "stress-register --count 5" "stress-assign --count 5" "simulate --operations 20" "stress-register --count 5"; do
  bypass "11111111\n" $tool --as ineke --pin-fd 0                # five wrong PINs lock the account…
done
bypass "$PIN\n" simulate --as ineke --operations 20 --pin-fd 0   # …and then the right one is refused too
grew=$(( $(seqof "$TW/real.onderdak") - s0 ))
echo "PIN bypass: $refused of $attempts attempts refused (no PIN, no terminal, wrong PIN, locked, demo-only tool) · journal grew by $grew events (5 failed logins + 1 lock)"
[ "$refused" = "$attempts" ] || fail "a PIN bypass attempt was accepted"
[ "$grew" = 6 ] || fail "the journal grew by $grew events during the bypass attempts (expected 6)"

printf 'ONDR? no: a text file that is not a journal\n' > "$TW/foreign.txt"; chmod 644 "$TW/foreign.txt"
cp -p "$TW/foreign.txt" "$TW/copy.txt"; ln -s "$TW/copy.txt" "$TW/link.onderdak"
cpj "$W/demo.onderdak" "$TW/fifo.onderdak"; mkfifo "$TW/fifo.onderdak.snapshot"
opens=0; kept=0; hung=0
for target in "$TW/link.onderdak" "$TW/foreign.txt"; do
  real_file=$( [ -L "$target" ] && readlink "$target" || echo "$target" ); before="$(stat -c %a "$real_file") $(sha256sum < "$real_file")"
  for cmd in "simulate --operations 1" "stress-register --count 1" "board" "user list" "verify"; do
    exe="$BIN"; case "$cmd" in stress-*) exe="$DEV";; esac
    opens=$((opens + 1)); timeout 20 "$exe" $cmd --journal "$target" >/dev/null 2>&1; [ $? = 124 ] && hung=$((hung + 1))
    [ "$(stat -c %a "$real_file") $(sha256sum < "$real_file")" = "$before" ] && kept=$((kept + 1))
  done
done
for cmd in "board" "user list" "verify --deep"; do
  opens=$((opens + 1)); timeout 20 "$BIN" $cmd --journal "$TW/fifo.onderdak" >/dev/null 2>&1; rc=$?
  [ "$rc" = 124 ] && hung=$((hung + 1)); [ "$rc" = 0 ] && [ -p "$TW/fifo.onderdak.snapshot" ] && kept=$((kept + 1))
done
echo "foreign files: $opens opens (symlink to a copy of a text file, the text file, a FIFO at .snapshot) · target untouched (mode, bytes) $kept of $opens · hangs $hung"
[ "$kept" = "$opens" ] && [ "$hung" = 0 ] || fail "an open changed or hung on a file that is not a journal"

"$BIN" demo --journal "$TW/city.onderdak" --scale city --days 100 --today 2026-11-23 >/dev/null || fail "city demo"
"$BIN" board --journal "$TW/city.onderdak" --night 2026-11-23 --format json > "$TW/board.real" 2>/dev/null   # replays, writes the snapshot
snap="$TW/city.onderdak.snapshot"; keysum=$(sha256sum < "$TW/city.onderdak.snapshot-key")
size=$(stat -c %s "$snap"); at=$((size / 2))
b=$(dd if="$snap" bs=1 skip="$at" count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
printf "\\$(printf %03o $(( (b + 1) % 256 )))" | dd of="$snap" bs=1 seek="$at" conv=notrunc 2>/dev/null
deep=$("$BIN" verify --deep --journal "$TW/city.onderdak" 2>&1)
"$BIN" board --journal "$TW/city.onderdak" --night 2026-11-23 --format json > "$TW/board.forged" 2>/dev/null
detected=$(echo "$deep" | grep -c "does not check out"); same=$(cmp -s "$TW/board.real" "$TW/board.forged" && echo yes || echo NO)
echo "forged snapshot: one byte changed in the authenticated cache · detected by verify --deep $([ "$detected" -gt 0 ] && echo yes || echo NO) · board ignores it (same as the replay) $same · key kept $([ "$(sha256sum < "$TW/city.onderdak.snapshot-key")" = "$keysum" ] && echo yes || echo NO)"
[ "$detected" -gt 0 ] && [ "$same" = yes ] || fail "a forged snapshot was trusted"

"$DEV" stress-tamper --journal "$W/demo.onderdak" --out "$TW/crafted.onderdak" --record 40 --what length >/dev/null || fail "stress-tamper"
before=$(sha256sum < "$TW/crafted.onderdak")
vout=$("$BIN" verify --journal "$TW/crafted.onderdak" 2>&1); vrc=$?
"$BIN" simulate --journal "$TW/crafted.onderdak" --operations 3 >/dev/null 2>&1; src=$?
cut=$([ "$(sha256sum < "$TW/crafted.onderdak")" = "$before" ] && ! ls "$TW"/crafted.onderdak.torn-* >/dev/null 2>&1 && echo 0 || echo SOME)
echo "crafted length (record 40 set to 8 MiB, header CRC fixed): verify exit $vrc ($(echo "$vout" | grep -o 'CORRUPT: record [0-9]*')) · writable open exit $src · bytes cut $cut"
[ "$vrc" = 1 ] && [ "$src" != 0 ] && [ "$cut" = 0 ] && echo "$vout" | grep -q "CORRUPT: record 40" || fail "a crafted length was taken for a torn tail"

"$DEV" stress-tamper --journal "$W/demo.onderdak" --out "$TW/chain.onderdak" --record 40 --what payload >/dev/null || fail "stress-tamper"
before=$(sha256sum < "$TW/chain.onderdak")
cout=$("$BIN" simulate --journal "$TW/chain.onderdak" --operations 3 2>&1); crc=$?
"$BIN" board --journal "$TW/chain.onderdak" >/dev/null 2>&1; brc=$?
echo "chain break (record 40 altered, both CRCs fixed): writable open exit $crc ($(echo "$cout" | grep -o 'record [0-9]*' | head -1), $(echo "$cout" | grep -o 'hash chain broken' | head -1)) · board exit $brc · file unchanged $([ "$(sha256sum < "$TW/chain.onderdak")" = "$before" ] && echo yes || echo NO)"
[ "$crc" != 0 ] && [ "$brc" != 0 ] && echo "$cout" | grep -q "hash chain" && [ "$(sha256sum < "$TW/chain.onderdak")" = "$before" ] || fail "a broken chain was opened for writing"

mkdir -p "$TW/exp"; : > "$TW/exp.bad"; looks=0
for fmt in sqlite json csv; do
  ( umask 000; exec "$BIN" export --journal "$TW/city.onderdak" --format "$fmt" --out "$TW/exp/out.$fmt" --identifiable --plain --as teamleider >/dev/null 2>&1 ) & pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    find "$TW/exp" -mindepth 1 \( \( -type f -perm /077 \) -o \( -type d -perm /077 \) \) -printf '%m %p\n' >> "$TW/exp.bad" 2>/dev/null
    looks=$((looks + 1))
  done
  wait "$pid" || fail "export $fmt failed"
done
wide=$(sort -u "$TW/exp.bad" | wc -l)
strace_note=""
if command -v strace >/dev/null 2>&1; then
  strace -f -e trace=openat,mkdir -o "$TW/strace" sh -c "umask 000; exec \"$BIN\" export --journal \"$TW/city.onderdak\" --format sqlite --out \"$TW/exp/s.sqlite\" --as teamleider" >/dev/null 2>&1
  created=$(grep -E 'O_CREAT|mkdir\(' "$TW/strace" | grep -E "$TW/exp" | wc -l)
  widec=$(grep -E 'O_CREAT|mkdir\(' "$TW/strace" | grep -E "$TW/exp" | grep -vcE ', 0600\)|, 0700\)')
  strace_note=" · strace: $created files created in the export folder, $widec not 0600/0700 at open"
  [ "$widec" = 0 ] || fail "an export file was created wider than 0600"
fi
echo "export file modes during the write (umask 000, sqlite/json/csv of the city journal): $looks looks, files or folders readable by others $wide$strace_note"
[ "$wide" = 0 ] || fail "an export file was readable by others while it was written: $(sort -u "$TW/exp.bad" | head -3)"

cat > "$TW/beds.json" <<'JSON'
{"locations": [{"name": "=HYPERLINK(\"http://evil.example\",\"klik\")", "municipality": "Utrecht", "policy": {"max_nights": 28}, "rooms": [{"name": "+cmd|' /C calc'!A0", "beds": [{"label": "@SUM(1)"}, {"label": "-2+3"}]}]}]}
JSON
printf '%s\n%s\n' "$PIN" "$PIN" | $REAL "$BIN" init --journal "$TW/f.onderdak" --shelter "De Haven" --municipality Utrecht --username ineke --name "Ineke" >/dev/null
printf '%s\n' "$PIN" | $REAL "$BIN" beds import --journal "$TW/f.onderdak" "$TW/beds.json" --as ineke >/dev/null
printf '%s\n' "$PIN" | $REAL "$DEV" stress-register --journal "$TW/f.onderdak" --as ineke --pin-fd 0 --count 2 >/dev/null
printf '%s\n' "$PIN" | $REAL "$DEV" stress-assign --journal "$TW/f.onderdak" --as ineke --pin-fd 0 --count 10 --from "$(TZ=Europe/Amsterdam date +%F)" >/dev/null
formula=0; cells=0
for excel in "" "--excel"; do
  printf '%s\n' "$PIN" | $REAL "$BIN" export --journal "$TW/f.onderdak" --as ineke --format csv $excel --out "$TW/csv$excel" >/dev/null || fail "formula export"
  sep=$([ -n "$excel" ] && echo ';' || echo ',')
  cells=$((cells + $(grep -o "'[=+@-]" "$TW/csv$excel/bed_nights.csv" | wc -l)))
  formula=$((formula + $(tr "$sep" '\n' < "$TW/csv$excel/bed_nights.csv" | sed 's/^"//' | grep -cE '^[=+@-]')))
done
echo "formula cells: location, room and bed named =HYPERLINK(…), +cmd|…, @SUM(1), -2+3 · neutralised cells $cells · cells a spreadsheet would run $formula (plain and Excel CSV)"
[ "$formula" = 0 ] && [ "$cells" -gt 0 ] || fail "CSV formula cells were not neutralised"

# 9. Privacy (issue #21): kill -9 during registrations (each batch of 64 new keys is fsynced to
#    <journal>.keys before the record that needs it) and during erasures (the event first, then
#    the key store rewritten). No acknowledged event may be lost, every person must stay
#    readable (no missing key), and after the next writable open nobody is half-erased
#    (verify --deep flags an erased person with a key left, and sealed data without its key).
cpj "$W/demo.onderdak" "$W/erase.onderdak"; EJ="$W/erase.onderdak"
eruns=$((ITER / 4 + 1)); regacked=0; erased=0; elost=0; ebad=0; next=1
for i in $(seq 1 "$eruns"); do
  ( for k in $(seq 1 150); do printf '{"command":"register_client","given_names":"Ana","family_name":"Pop","nationality":"RO","gender":"woman"}\n'; done ) \
    | "$BIN" do --journal "$EJ" > "$W/eacks" 2>/dev/null & pid=$!
  sleep "0.$(( (RANDOM % 40) + 2 ))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  regacked=$((regacked + $(grep -c '"ok":true' "$W/eacks")))
  lastseq=$(grep -o '"sequence":[0-9]*' "$W/eacks" | tail -1 | cut -d: -f2)
  "$BIN" client erase --journal "$EJ" --client "$next" --reason "AVG art. 17" --as teamleider > "$W/eout" 2>&1 & pid=$!
  sleep "0.$(( RANDOM % 30 ))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=$?
  [ "$rc" = 0 ] && erased=$((erased + 1))
  grep -q "already been erased\|holds a bed\|has a bed" "$W/eout" && next=$((next + 1))
  [ "$rc" = 0 ] && next=$((next + 1))
  "$BIN" do --journal "$EJ" < /dev/null > /dev/null 2>&1 || { ebad=$((ebad + 1)); fail "privacy crash loop: the journal does not open after a kill (iteration $i): $("$BIN" do --journal "$EJ" < /dev/null 2>&1 | head -1)"; }
  "$BIN" verify --deep --journal "$EJ" > "$W/everify" 2>&1 || { ebad=$((ebad + 1)); fail "privacy crash loop: verify --deep (iteration $i): $(grep -i 'key\|violation' "$W/everify" | head -2)"; }
  seq_now=$(last_seq "$EJ")
  if [ -n "$lastseq" ] && [ "$seq_now" -lt "$lastseq" ]; then elost=$((elost + lastseq - seq_now)); fi
done
echo "privacy crash loop: $eruns × (kill -9 during registrations, kill -9 during an erasure) · $regacked registrations acknowledged · $erased erasures acknowledged · lost $elost · half-erased or unreadable $ebad · final verify --deep $("$BIN" verify --deep --journal "$EJ" >/dev/null 2>&1; echo exit $?)"
[ "$elost" = 0 ] && [ "$ebad" = 0 ] || fail "privacy crash loop"

# 9b. Key-store updates (issue #21): kill -9 during `client retention --apply` (many erasures in
#     one batch, then one key-store rewrite through <journal>.keys.tmp-<pid>). An acknowledged
#     apply keeps all its erasures; after the next writable open every erased person has lost
#     their key (verify --deep), no copy of the key store is left beside it, and an apply the
#     kill cut short is either absent or finished for every person in it (never half-erased).
rruns=$((ITER / 10 + 1)); racked=0; rlost=0; rbad=0
for i in $(seq 1 "$rruns"); do
  RJ="$W/ret$i.onderdak"; cpj "$W/demo.onderdak" "$RJ"
  "$BIN" client retention --journal "$RJ" --set-months 6 --set-care-months 1 --as teamleider > /dev/null 2>&1
  ( export ONDERDAK_NOW=2030-01-15T19:30; exec "$BIN" client retention --journal "$RJ" --apply --as teamleider > "$W/rout" 2>&1 ) & pid=$!
  sleep "0.$(( RANDOM % 25 ))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=$?
  acked=$(sed -n 's/^Erased \([0-9]*\) by the retention policy.*/\1/p' "$W/rout")
  "$BIN" do --journal "$RJ" < /dev/null > /dev/null 2>&1 || { rbad=$((rbad + 1)); fail "retention crash loop: the journal does not open after a kill (run $i)"; }
  "$BIN" verify --deep --journal "$RJ" > "$W/rverify" 2>&1 || { rbad=$((rbad + 1)); fail "retention crash loop: verify --deep (run $i): $(grep -i 'key\|violation' "$W/rverify" | head -2)"; }
  ls "$RJ".keys.tmp-* > /dev/null 2>&1 && { rbad=$((rbad + 1)); fail "retention crash loop: a copy of the key store is left (run $i)"; }
  now=$(ONDERDAK_NOW=2030-01-15T19:30 "$BIN" client retention --journal "$RJ" 2>/dev/null | sed -n 's/^Past the term today (\([0-9]*\)).*/\1/p')
  if [ "$rc" = 0 ] && [ -n "$acked" ]; then
    racked=$((racked + 1))
    [ "$now" = 0 ] || rlost=$((rlost + 1))
  fi
  rm -f "$RJ" "$RJ.keys" "$RJ.snapshot" "$RJ.snapshot-key"
done
echo "retention crash loop: $rruns × kill -9 during a batch erasure and its key-store rewrite · $racked applies acknowledged · erasures lost $rlost · half-erased, unreadable or key copy left $rbad"
[ "$rlost" = 0 ] && [ "$rbad" = 0 ] || fail "retention crash loop"

[ "$FAILED" = 0 ] && echo "reliability: all figures PASS" || { echo "reliability: FAILED"; exit 1; }
