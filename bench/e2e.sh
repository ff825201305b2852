#!/usr/bin/env bash
# End-to-end benchmark of p2p-copy: relay, sender and receiver as three separate processes on
# loopback, with a raw socat relay on the same bytes as the reference. See docs/benchmarks.md.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR="$ROOT/bench/out"
MAIN_CLASS=dev.p2pcopy.desktop.cli.Main
MANY_FILES=2000
# socat's default 8 KiB buffer costs it ~4x in syscalls on this kind of VM; with 256 KiB the
# reference is close to what loopback and the disk can do, which is what we compare against.
SOCAT_BUF=262144
SOCAT_TRIES=3

usage() {
  cat <<'EOF'
Usage: bench/e2e.sh [options]

Moves generated datasets through a real relay with a real sender and receiver (three separate
JVMs on 127.0.0.1), verifies the copy, and prints bytes, seconds, MB/s and CPU seconds per
process, next to a raw socat relay moving the same bytes.

Options:
  --size N           size of the bin and text datasets, K/M/G suffix = KiB/MiB/GiB (default 1G)
  --datasets LIST    comma-separated subset of bin,text,many (default bin,text,many)
  --runs N           repeat every measurement N times (default 1)
  --keep             keep the temporary directory with datasets, copies and logs
  --jfr              record sender, receiver and relay with Java Flight Recorder
                     (bench/out/*.jfr) and print where the CPU goes (top 15 frames)
  --chunk-size N     pass --chunk-size N to the sender (default: the CLI's default)
  --compress MODE    pass --compress MODE to the sender: auto, zstd or none
  --encrypt LIST     comma-separated modes to run each dataset in: on, off (default on);
                     "on,off" measures both in the same run, rows named "DS, encrypt off"
  --no-socat         skip the socat reference
  --timeout S        kill any process still running after S seconds (default 600)
  -h, --help         show this help

Environment: JAVA_HOME (java to use), BENCH_JAVA_OPTS (extra JVM options for all three JVMs).
The report is also written to bench/out/e2e-<timestamp>.txt.
EOF
}

die() {
  echo "e2e.sh: $*" >&2
  exit 2
}
log() { echo "[e2e] $*" >&2; }

# ---------------------------------------------------------------- arguments

SIZE_ARG=1G
DATASETS=bin,text,many
RUNS=1
KEEP=0
JFR=0
CHUNK_SIZE=
COMPRESS=
ENCRYPT_MODES=on
SOCAT_WANTED=1
TIMEOUT=600
ORIG_ARGS="$*"

while (($#)); do
  case $1 in
    --size) SIZE_ARG=${2:?--size needs a value}; shift 2 ;;
    --size=*) SIZE_ARG=${1#*=}; shift ;;
    --datasets) DATASETS=${2:?--datasets needs a value}; shift 2 ;;
    --datasets=*) DATASETS=${1#*=}; shift ;;
    --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
    --runs=*) RUNS=${1#*=}; shift ;;
    --keep) KEEP=1; shift ;;
    --jfr) JFR=1; shift ;;
    --chunk-size) CHUNK_SIZE=${2:?--chunk-size needs a value}; shift 2 ;;
    --chunk-size=*) CHUNK_SIZE=${1#*=}; shift ;;
    --compress) COMPRESS=${2:?--compress needs a value}; shift 2 ;;
    --compress=*) COMPRESS=${1#*=}; shift ;;
    --encrypt) ENCRYPT_MODES=${2:?--encrypt needs a value}; shift 2 ;;
    --encrypt=*) ENCRYPT_MODES=${1#*=}; shift ;;
    --no-socat) SOCAT_WANTED=0; shift ;;
    --timeout) TIMEOUT=${2:?--timeout needs a value}; shift 2 ;;
    --timeout=*) TIMEOUT=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'." ;;
  esac
done

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SIZE=$(parse_size "$SIZE_ARG") || die "--size must be a number with an optional K, M or G suffix, e.g. 1G or 64M (got '$SIZE_ARG')."
((SIZE > 0)) || die "--size must be greater than zero."
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number (got '$RUNS')."
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a positive number of seconds (got '$TIMEOUT')."
[[ -z $COMPRESS || $COMPRESS =~ ^(auto|zstd|none)$ ]] || die "--compress must be auto, zstd or none (got '$COMPRESS')."
IFS=, read -r -a ENCRYPT_LIST <<<"$ENCRYPT_MODES"
((${#ENCRYPT_LIST[@]})) || die "--encrypt is empty; use on, off or on,off."
for mode in "${ENCRYPT_LIST[@]}"; do
  [[ $mode =~ ^(on|off)$ ]] || die "--encrypt takes on, off or on,off (got '$mode')."
done
IFS=, read -r -a DS_LIST <<<"$DATASETS"
((${#DS_LIST[@]})) || die "--datasets is empty; use some of bin,text,many."
for ds in "${DS_LIST[@]}"; do
  [[ $ds =~ ^(bin|text|many)$ ]] || die "unknown dataset '$ds'; use some of bin,text,many."
done
has_ds() {
  local d
  for d in "${DS_LIST[@]}"; do [[ $d == "$1" ]] && return 0; done
  return 1
}

# ---------------------------------------------------------------- prerequisites

if [[ -n ${JAVA_HOME:-} ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java || true); fi
[[ -n $JAVA && -x $JAVA ]] || die "java not found; install a JDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
JFR_TOOL="$(dirname "$(readlink -f "$JAVA")")/jfr"

RELAY_JAR="$ROOT/relay-headless/target/p2p-copy-relay.jar"
APP_JAR=
for f in "$ROOT"/app-desktop/target/p2p-copy-app-desktop-*.jar; do
  case $f in *-sources.jar | *-javadoc.jar | *-tests.jar) continue ;; esac
  [[ -f $f ]] && APP_JAR=$f
done
BUILD_HINT="build it first: cd $ROOT && mvn -B -DskipTests package"
[[ -f $RELAY_JAR ]] || die "relay jar $RELAY_JAR is missing; $BUILD_HINT"
[[ -n $APP_JAR ]] || die "app-desktop/target/p2p-copy-app-desktop-*.jar is missing; $BUILD_HINT"
[[ -d $ROOT/app-desktop/target/lib ]] || die "app-desktop/target/lib (the CLI's runtime classpath) is missing; $BUILD_HINT"
CLI_CP="$APP_JAR:$ROOT/app-desktop/target/lib/*"

# Sender and receiver run as `java -cp ... Main` rather than through ./p2p-copy so that the
# JVM flags (JFR, BENCH_JAVA_OPTS) are under this script's control.
read -r -a EXTRA_JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

TIME_BIN=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%U' -o /dev/null true 2>/dev/null; then
  TIME_BIN=/usr/bin/time
else
  log "note: GNU time (/usr/bin/time, Debian package 'time') not found; measuring CPU with bash 'times', without memory figures."
fi
command -v timeout >/dev/null || die "'timeout' (coreutils) is required."
command -v pgrep >/dev/null || die "'pgrep' (Debian package procps) is required."

SOCAT=0
SOCAT_NOTE=
if ((SOCAT_WANTED)); then
  if command -v socat >/dev/null; then
    SOCAT=1
  else
    SOCAT_NOTE="socat reference skipped: socat is not installed (apt-get install socat)."
    log "note: $SOCAT_NOTE"
  fi
else
  SOCAT_NOTE="socat reference skipped (--no-socat)."
fi
SOCAT_DS=
if ((SOCAT)); then
  if has_ds bin; then SOCAT_DS=bin; elif has_ds text; then SOCAT_DS=text; else
    SOCAT=0
    SOCAT_NOTE="socat reference skipped: it needs a single-file dataset (bin or text)."
  fi
fi

if ((JFR)); then
  [[ -x $JFR_TOOL ]] || JFR_TOOL=$(command -v jfr || true)
  [[ -n $JFR_TOOL && -x $JFR_TOOL ]] || die "--jfr needs the JDK's 'jfr' tool next to java (install a full JDK, e.g. openjdk-17-jdk-headless)."
fi

# ---------------------------------------------------------------- process helpers

WORK=$(mktemp -d "${TMPDIR:-/tmp}/p2p-copy-bench.XXXXXX")
TRACKED=()

kill_tree() {
  local sig=$1 pid=$2 child
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill_tree "$sig" "$child"; done
  kill "-$sig" "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local pid
  for pid in "${TRACKED[@]}"; do kill_tree TERM "$pid"; done
  for pid in "${TRACKED[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill_tree KILL "$pid"
  done
  if ((KEEP)); then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
fsub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
sum_cpu() { # "u s m" -> u+s, or "-"
  awk -v l="$1" 'BEGIN { split(l, a, " "); if (a[1] == "-") print "-"; else printf "%.2f", a[1] + a[2] }'
}
rss_mib() {
  awk -v l="$1" 'BEGIN { split(l, a, " "); if (a[3] == "-" || a[3] == "") print "-"; else printf "%d", a[3] / 1024 }'
}
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s; else print "-" }'; }
per_gib() {
  awk -v a="$1" -v b="$2" -v c="$3" -v bytes="$4" 'BEGIN {
    if (a == "-" || b == "-" || c == "-" || bytes == 0) { print "-"; exit }
    printf "%.2f", (a + b + c) / (bytes / 1073741824) }'
}

# Fallback when GNU time is missing: run the command, then write the children's CPU times
# (bash `times`, second line) in the same "user sys maxrss" shape, maxrss unknown.
TIMES_WRAPPER="$WORK/timed.sh"
cat >"$TIMES_WRAPPER" <<'WRAPPER'
#!/usr/bin/env bash
tf=$1
shift
rc=0
"$@" || rc=$?
times >"$tf.raw" # not in a pipeline: a subshell would report its own (empty) children
awk 'NR == 2 { gsub(/s/, ""); split($1, u, "m"); split($2, s, "m"); printf "%.2f %.2f -\n", u[1] * 60 + u[2], s[1] * 60 + s[2] }' "$tf.raw" >"$tf"
exit $rc
WRAPPER

# start_timed VAR TIMEFILE STDOUT STDERR CMD... : runs CMD in the background under GNU time (or
# the `times` wrapper) and `timeout`, stdin from /dev/null; stores the pid in VAR. The chain is
# time -> timeout -> CMD, so TERM sent to the `timeout` child reaches CMD (graceful stop).
start_timed() {
  local __var=$1 tf=$2 so=$3 se=$4
  shift 4
  if [[ -n $TIME_BIN ]]; then
    "$TIME_BIN" -f '%U %S %M' -o "$tf" timeout -k 10 "$TIMEOUT" "$@" </dev/null >"$so" 2>"$se" &
  else
    bash "$TIMES_WRAPPER" "$tf" timeout -k 10 "$TIMEOUT" "$@" </dev/null >"$so" 2>"$se" &
  fi
  printf -v "$__var" '%s' "$!"
  TRACKED+=("$!")
}

untrack() {
  local keep=() p
  for p in "${TRACKED[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
  TRACKED=("${keep[@]+"${keep[@]}"}")
}

# wait_rc PID: waits for PID and sets WAIT_RC to its exit code, never tripping `set -e`.
wait_rc() {
  WAIT_RC=0
  wait "$1" || WAIT_RC=$?
  untrack "$1"
}

# Prints "user sys maxrss_kib" (maxrss "-" when unknown) from a time file; "- - -" if absent.
cpu_of() {
  if [[ -s $1 ]]; then tail -n 1 "$1"; else echo "- - -"; fi
}

# wait_or_stop PID SECONDS: lets PID run up to SECONDS more, then sends TERM to the process
# under time/timeout (graceful stop: the JVM's shutdown hooks run, JFR is written), then KILL
# after 30 s. Sets WAIT_RC.
wait_or_stop() {
  local pid=$1 secs=$2 child i
  for ((i = 0; i < secs * 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill -TERM "$child" 2>/dev/null || true; done
    for ((i = 0; i < 600; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && kill_tree KILL "$pid"
  fi
  wait_rc "$pid"
}

# wait_pair A B: waits until A and B have both exited; once one has, the other gets at most
# 60 s, or 15 s if the first failed (a peer whose partner has gone must not hang the
# benchmark). Sets RC_A and RC_B.
wait_pair() {
  local a=$1 b=$2 first rc=0
  if ((BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1))); then
    wait -n -p first "$a" "$b" || rc=$?
    untrack "$first"
    local grace=60
    ((rc == 0)) || grace=15
    if [[ $first == "$a" ]]; then
      RC_A=$rc; wait_or_stop "$b" "$grace"; RC_B=$WAIT_RC
    else
      RC_B=$rc; wait_or_stop "$a" "$grace"; RC_A=$WAIT_RC
    fi
  else
    wait_rc "$a"; RC_A=$WAIT_RC
    wait_rc "$b"; RC_B=$WAIT_RC
  fi
}

# wait_for_line REGEX SECONDS PID FILE...: waits until one of the FILEs has a line matching
# REGEX, while PID is alive.
wait_for_line() {
  local re=$1 secs=$2 pid=$3 i
  shift 3
  for ((i = 0; i < secs * 20; i++)); do
    grep -Eqs -- "$re" "$@" && return 0
    kill -0 "$pid" 2>/dev/null || { grep -Eqs -- "$re" "$@"; return; }
    sleep 0.05
  done
  return 1
}

free_port() {
  local p hex
  while :; do
    p=$((20000 + (RANDOM << 15 | RANDOM) % 40000))
    hex=$(printf ':%04X ' "$p")
    grep -qi -- "$hex" /proc/net/tcp /proc/net/tcp6 2>/dev/null || { echo "$p"; return; }
  done
}

# is_listening PORT: true when something listens on 127.0.0.1/any address at PORT (no connect,
# which would use up socat's single accept).
is_listening() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v hex="$hex" 'toupper($2) ~ ":" hex "$" && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# wait_listening PORT SECONDS PID: waits until PORT listens, while PID is alive.
wait_listening() {
  local i
  for ((i = 0; i < $2 * 100; i++)); do
    is_listening "$1" && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}

# The sender's own figure from its summary line ("Sent 1 file (1.0 GiB) in 4.1 s, ..."): time
# from pairing to the end, without JVM start-up. "-" when the line is not there.
reported_secs() {
  awk '/^Sent / && match($0, / in ([0-9]+ h )?([0-9]+ min )?[0-9.]+ s/) {
      n = split(substr($0, RSTART + 4, RLENGTH - 4), w, " "); t = 0
      for (i = 1; i < n; i += 2) t += w[i] * (w[i + 1] == "h" ? 3600 : w[i + 1] == "min" ? 60 : 1)
      found = t }
    END { if (found == "") print "-"; else print found }' "$1" 2>/dev/null || echo -
}

tail_log() { sed 's/^/    | /' "$1" | tail -n "${2:-8}" >&2; }

# JVM start-up cost of the CLI, so that short runs (many, small --size) can be read correctly.
startup_baseline() {
  local dir="$WORK/baseline" pid t0 t1
  mkdir -p "$dir"
  t0=$(now)
  start_timed pid "$dir/help.time" "$dir/help.out" "$dir/help.err" \
    "$JAVA" "${EXTRA_JAVA_OPTS[@]+"${EXTRA_JAVA_OPTS[@]}"}" -cp "$CLI_CP" "$MAIN_CLASS" --help
  wait_rc "$pid"
  t1=$(now)
  if [[ $WAIT_RC != 0 ]]; then
    log "'$MAIN_CLASS --help' exited with $WAIT_RC:"
    tail_log "$dir/help.err"
    die "the CLI does not start; $BUILD_HINT"
  fi
  BASELINE="$(fsub "$t1" "$t0") s wall, $(sum_cpu "$(cpu_of "$dir/help.time")") CPU s"
}

startup_baseline

# ---------------------------------------------------------------- datasets

DATA="$WORK/data"
mkdir -p "$DATA" "$OUT_DIR"

# Fast random bytes: AES-CTR keystream from openssl if present (~1 GB/s), else /dev/urandom.
random_bytes() {
  local n=$1
  if command -v openssl >/dev/null; then
    { openssl enc -aes-128-ctr -nosalt -pbkdf2 -pass "pass:$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" </dev/zero 2>/dev/null || true; } | head -c "$n"
  else
    head -c "$n" /dev/urandom
  fi
}

# Log-like text, zstd level 3 compresses it ~4x. awk writes a 32 MiB block (~1 s); the file is
# that block repeated, each copy with a different letter and digit substitution (tr), so copies
# do not repeat byte for byte even for a long-range matcher.
gen_text() {
  local n=$1 file=$2 block="$WORK/text-block" bsize=$((32 * 1024 * 1024)) i=0 lo dg
  ((n < bsize)) && bsize=$n
  # awk writes up to one line past bsize; `head` closing the pipe early is expected (|| true).
  {
    awk -v seed="$RANDOM" -v total="$bsize" '
  BEGIN {
    srand(seed)
    nw = split("the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more can who out up them into do time some could about its than my other only then also over new two like after first any these may such people year years way work just most did made back used because make even well many much where before world good through should life between down same us great own still last being each might part while here under both every three those system case state number place point group problem fact hand high small large next early young important few public bad able river orbit lamp stone cloud maple ember harbor quartz violet", W, " ")
    split("items users orders files rooms codes", R, " ")
    nw = length(W); line = 0; ms = 0; out = 0
    while (out < total) {
      line++
      ms += int(rand() * 40)
      ts = sprintf("2024-05-01 %02d:%02d:%02d.%03d", int(ms / 3600000) % 24, int(ms / 60000) % 60, int(ms / 1000) % 60, ms % 1000)
      t = rand()
      if (t < 0.35) {
        s = sprintf("%s INFO  [worker-%d] GET /api/v1/%s/%d -> 200 (%d ms)", ts, int(rand() * 8), R[int(rand() * 6) + 1], int(rand() * rand() * 20000), int(rand() * rand() * 300))
      } else if (t < 0.5) {
        s = sprintf("%s DEBUG [worker-%d] cache %s for key %s:%d", ts, int(rand() * 8), rand() < 0.8 ? "hit" : "miss", R[int(rand() * 6) + 1], int(rand() * rand() * 20000))
      } else {
        s = sprintf("%s INFO  [main] line %d:", ts, line)
        k = 5 + int(rand() * 12)
        for (i = 0; i < k; i++) {
          s = s " " W[int(rand() * rand() * rand() * nw) + 1]
          if (rand() < 0.1) s = s " " int(rand() * rand() * 5000)
        }
      }
      print s
      out += length(s) + 1
    }
  }' || true
  } | head -c "$bsize" >"$block"
  local lower=abcdefghijklmnopqrstuvwxyz upper=ABCDEFGHIJKLMNOPQRSTUVWXYZ digits=0123456789
  {
    while :; do
      lo=$((i % 26)); dg=$((i / 26 % 10))
      tr "a-zA-Z0-9" "${lower:lo}${lower:0:lo}${upper:lo}${upper:0:lo}${digits:dg}${digits:0:dg}" <"$block" || break
      i=$((i + 1))
    done
  } | head -c "$n" >"$file"
  rm -f "$block"
}

# 2,000 files of 1-64 KiB (random sizes and content) in two levels of folders.
gen_many() {
  local dir=$1 i d n
  for ((i = 0; i < MANY_FILES; i++)); do
    d="$dir/d$((i % 10))/s$((i / 10 % 8))"
    [[ -d $d ]] || mkdir -p "$d"
    n=$((1024 + (RANDOM << 15 | RANDOM) % (65536 - 1024 + 1)))
    head -c "$n" /dev/urandom >"$d/f$i.bin"
  done
}

declare -A DS_PATH DS_BYTES DS_FILES
for ds in "${DS_LIST[@]}" ${SOCAT_DS:+"$SOCAT_DS"}; do
  [[ -n ${DS_PATH[$ds]:-} ]] && continue
  t0=$(now)
  case $ds in
    bin) DS_PATH[$ds]="$DATA/bin.dat"; random_bytes "$SIZE" >"${DS_PATH[$ds]}" ;;
    text) DS_PATH[$ds]="$DATA/text.log"; gen_text "$SIZE" "${DS_PATH[$ds]}" ;;
    many) DS_PATH[$ds]="$DATA/many"; gen_many "${DS_PATH[$ds]}" ;;
  esac
  DS_BYTES[$ds]=$(find "${DS_PATH[$ds]}" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
  DS_FILES[$ds]=$(find "${DS_PATH[$ds]}" -type f | wc -l)
  if [[ $ds != many ]] && ((DS_BYTES[$ds] != SIZE)); then
    die "generating $ds gave ${DS_BYTES[$ds]} bytes instead of $SIZE; is $WORK's disk full?"
  fi
  log "generated $ds: ${DS_FILES[$ds]} file(s), ${DS_BYTES[$ds]} bytes in $(fsub "$(now)" "$t0") s"
done

# verify SRC DST: prints "ok" or a short reason. DST's folder must hold nothing else (no
# leftover temporary files).
verify() {
  local src=$1 dst=$2 extra
  extra=$(find "$(dirname "$dst")" -mindepth 1 -maxdepth 1 ! -name "$(basename "$dst")" -printf '%f\n' | head -n 3 | paste -sd ' ')
  if [[ ! -e $dst ]]; then
    echo "missing $(basename "$dst") in the receiver's folder"
  elif [[ -n $extra ]]; then
    echo "unexpected entries next to $(basename "$dst"): $extra"
  elif [[ -d $src ]]; then
    if diff -r -q "$src" "$dst" >"$WORK/diff.txt" 2>&1; then echo ok; else echo "differs ($(wc -l <"$WORK/diff.txt") entries, e.g. $(head -n 1 "$WORK/diff.txt"))"; fi
  elif cmp -s "$src" "$dst"; then
    echo ok
  else
    echo "content differs"
  fi
}

# ---------------------------------------------------------------- measurements

TS=$(date -u +%Y%m%d-%H%M%S)
REPORT="$OUT_DIR/e2e-$TS.txt"
ROWS=()     # name|files|bytes|secs|mbps|ratio|cpu_relay|cpu_snd|cpu_rcv|cpus_per_gib|result
MEM_ROWS=() # name|sender_reported_secs|its_mbps|rss_relay|rss_snd|rss_rcv (MiB)
JFR_FILES=()
ANY_FAIL=0
declare -A SOCAT_MBPS RUN_KEYS
KEY_ORDER=()

run_suffix() { if ((RUNS > 1)); then echo " #$1"; fi; }

# record KEY NAME DS SECS RESULT RELAY_TIME SEND_TIME RECV_TIME RATIO [SENDER_REPORTED_SECS]
record() {
  local key=$1 name=$2 ds=$3 secs=$4 res=$5 ratio=$9 own=${10:--} cr cs cc ur us uc rate cpg own_rate=-
  cr=$(cpu_of "$6"); cs=$(cpu_of "$7"); cc=$(cpu_of "$8")
  ur=$(sum_cpu "$cr"); us=$(sum_cpu "$cs"); uc=$(sum_cpu "$cc")
  rate=-
  cpg=-
  if [[ $res == ok ]]; then
    rate=$(mbps "${DS_BYTES[$ds]}" "$secs")
    cpg=$(per_gib "$ur" "$us" "$uc" "${DS_BYTES[$ds]}")
  fi
  ROWS+=("$name|${DS_FILES[$ds]}|${DS_BYTES[$ds]}|$secs|$rate|$ratio|$ur|$us|$uc|$cpg|$res")
  [[ $own != - && $res == ok ]] && own_rate=$(mbps "${DS_BYTES[$ds]}" "$own")
  MEM_ROWS+=("$name|$own|$own_rate|$(rss_mib "$cr")|$(rss_mib "$cs")|$(rss_mib "$cc")")
  if [[ $res == ok ]]; then
    [[ -n ${RUN_KEYS[$key]:-} ]] || KEY_ORDER+=("$key")
    RUN_KEYS[$key]+="$rate,${ratio%x},$cpg "
  else
    ANY_FAIL=1
  fi
}

# Median of each comma-separated field over the space-separated runs of one dataset.
medians() {
  awk -v runs="$1" 'BEGIN {
    n = split(runs, r, " ")
    for (f = 1; f <= 3; f++) {
      m = 0
      for (i = 1; i <= n; i++) { split(r[i], v, ","); if (v[f] != "-" && v[f] != "") x[++m] = v[f] + 0 }
      for (i = 2; i <= m; i++) for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
      if (m == 0) out[f] = "-"; else out[f] = (m % 2) ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
    }
    printf "%s|%s|%s|%d", (out[1] == "-" ? "-" : sprintf("%.1f", out[1])), (out[2] == "-" ? "-" : sprintf("%.2fx", out[2])), (out[3] == "-" ? "-" : sprintf("%.2f", out[3])), n
  }'
}

record_failure() { # record_failure NAME DS REASON
  ANY_FAIL=1
  ROWS+=("$1|${DS_FILES[$2]}|${DS_BYTES[$2]}|-|-|-|-|-|-|-|FAIL ($3)")
}

# socat_once DIR: one socat transfer of SOCAT_DS; sets SECS and RES.
socat_once() {
  local dir=$1 ds=$SOCAT_DS p1 p2 rpid spid cpid t0 t1
  mkdir -p "$dir/received"
  p1=$(free_port)
  p2=$(free_port)
  while [[ $p2 == "$p1" ]]; do p2=$(free_port); done
  sync
  # socat opens its two addresses one after the other: it accepts on p1, then listens on p2.
  # Like the p2p-copy runs, the clock starts when the sender is connected and the receiver is
  # launched.
  start_timed rpid "$dir/relay.time" "$dir/relay.out" "$dir/relay.err" \
    socat -b "$SOCAT_BUF" "TCP-LISTEN:$p1,reuseaddr,bind=127.0.0.1" "TCP-LISTEN:$p2,reuseaddr,bind=127.0.0.1"
  wait_listening "$p1" 10 "$rpid" || log "socat relay is not listening on $p1 after 10 s"
  start_timed spid "$dir/send.time" "$dir/send.out" "$dir/send.err" \
    socat -b "$SOCAT_BUF" -u "OPEN:${DS_PATH[$ds]},rdonly" "TCP:127.0.0.1:$p1,retry=100,interval=0.1"
  wait_listening "$p2" 10 "$rpid" || log "socat relay is not listening on $p2 after 10 s"
  t0=$(now)
  start_timed cpid "$dir/recv.time" "$dir/recv.out" "$dir/recv.err" \
    socat -b "$SOCAT_BUF" -u "TCP:127.0.0.1:$p2,retry=100,interval=0.1" "CREATE:$dir/received/$(basename "${DS_PATH[$ds]}")"
  wait_pair "$spid" "$cpid"
  t1=$(now)
  wait_or_stop "$rpid" 10
  SECS=$(fsub "$t1" "$t0")
  if [[ $RC_A != 0 || $RC_B != 0 || $WAIT_RC != 0 ]]; then
    RES="FAIL: socat exit codes relay $WAIT_RC, sender $RC_A, receiver $RC_B"
    tail_log "$dir/send.err"; tail_log "$dir/recv.err"; tail_log "$dir/relay.err"
  else
    RES=$(verify "${DS_PATH[$ds]}" "$dir/received/$(basename "${DS_PATH[$ds]}")")
  fi
  ((KEEP)) || rm -rf "$dir/received"
}

# The reference is the fastest of SOCAT_TRIES transfers: the first write of a big file after
# large deletions is often 2x slower on this VM, and a ceiling should not carry that noise.
run_socat() {
  local run=$1 ds=$SOCAT_DS try best='' best_secs='' best_res=''
  log "run $run: socat reference on $ds (fastest of $SOCAT_TRIES)"
  for ((try = 1; try <= SOCAT_TRIES; try++)); do
    socat_once "$WORK/socat-$run-$try"
    if [[ $RES != ok ]]; then
      best=$try; best_secs=$SECS; best_res=$RES
      break
    fi
    if [[ -z $best ]] || awk -v a="$SECS" -v b="$best_secs" 'BEGIN { exit !(a < b) }'; then
      best=$try; best_secs=$SECS; best_res=$RES
    fi
  done
  local dir="$WORK/socat-$run-$best"
  record "socat ($ds)" "socat ($ds)$(run_suffix "$run")" "$ds" "$best_secs" "$best_res" "$dir/relay.time" "$dir/send.time" "$dir/recv.time" "1.00x"
  [[ $best_res == ok ]] && SOCAT_MBPS[$run]=$(mbps "${DS_BYTES[$ds]}" "$best_secs")
  return 0
}

jfr_opt() { # jfr_opt FILE -> JVM option, or nothing without --jfr
  if ((JFR)); then echo "-XX:StartFlightRecording=filename=$1,settings=profile"; fi
}

run_p2p() {
  local run=$1 ds=$2 encrypt=$3 key dir name tag rpid spid cpid port url code t0 t1 secs res ratio jr js jc f
  key=$ds
  [[ $encrypt == off ]] && key="$ds, encrypt off"
  dir="$WORK/p2p-$ds-$encrypt-$run"
  name="$key$(run_suffix "$run")"
  tag="$TS-$ds-$encrypt"
  if ((RUNS > 1)); then tag+="-$run"; fi
  jr=$(jfr_opt "$OUT_DIR/e2e-$tag-relay.jfr")
  js=$(jfr_opt "$OUT_DIR/e2e-$tag-sender.jfr")
  jc=$(jfr_opt "$OUT_DIR/e2e-$tag-receiver.jfr")
  mkdir -p "$dir/received"
  sync
  log "run $run: p2p-copy on $ds"

  start_timed rpid "$dir/relay.time" "$dir/relay.out" "$dir/relay.err" \
    "$JAVA" ${jr:+"$jr"} "${EXTRA_JAVA_OPTS[@]+"${EXTRA_JAVA_OPTS[@]}"}" -jar "$RELAY_JAR" --port 0
  if ! wait_for_line 'listening on ws://[^ ]*:[0-9]+' 60 "$rpid" "$dir/relay.out"; then
    log "the relay exited or did not print 'p2p-copy relay listening on ws://HOST:PORT' within 60 s:"
    tail_log "$dir/relay.out"; tail_log "$dir/relay.err"
    wait_or_stop "$rpid" 0
    record_failure "$name" "$ds" "relay did not start"
    return
  fi
  port=$(grep -Eo 'listening on ws://[^ ]*:[0-9]+' "$dir/relay.out" | head -n 1 | sed -E 's/.*:([0-9]+)$/\1/')
  url="ws://127.0.0.1:$port"
  code="$((100000 + (RANDOM << 15 | RANDOM) % 900000))-bench-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')-$ds"

  local send_args=(send --relay "$url" --code "$code")
  [[ -n $CHUNK_SIZE ]] && send_args+=(--chunk-size "$CHUNK_SIZE")
  [[ -n $COMPRESS ]] && send_args+=(--compress "$COMPRESS")
  [[ $encrypt == off ]] && send_args+=(--encrypt off)
  start_timed spid "$dir/send.time" "$dir/send.out" "$dir/send.err" \
    "$JAVA" ${js:+"$js"} "${EXTRA_JAVA_OPTS[@]+"${EXTRA_JAVA_OPTS[@]}"}" -cp "$CLI_CP" "$MAIN_CLASS" \
    "${send_args[@]}" "${DS_PATH[$ds]}"
  if ! wait_for_line 'Code:' 60 "$spid" "$dir/send.out" "$dir/send.err"; then
    log "the sender exited or did not print 'Code: ...' within 60 s:"
    tail_log "$dir/send.out"; tail_log "$dir/send.err"
    wait_or_stop "$spid" 0
    wait_or_stop "$rpid" 0
    record_failure "$name" "$ds" "sender did not show its code"
    return
  fi
  # The clock starts when the receiver is launched: the sender is up and waiting by then.
  t0=$(now)
  start_timed cpid "$dir/recv.time" "$dir/recv.out" "$dir/recv.err" \
    "$JAVA" ${jc:+"$jc"} "${EXTRA_JAVA_OPTS[@]+"${EXTRA_JAVA_OPTS[@]}"}" -cp "$CLI_CP" "$MAIN_CLASS" \
    receive --relay "$url" --out "$dir/received" --yes "$code"
  wait_pair "$spid" "$cpid"
  t1=$(now)
  wait_or_stop "$rpid" 0
  secs=$(fsub "$t1" "$t0")

  if [[ $RC_A != 0 || $RC_B != 0 ]]; then
    res="FAIL: exit codes sender $RC_A, receiver $RC_B"
    log "sender (exit $RC_A):"; tail_log "$dir/send.out" 4; tail_log "$dir/send.err"
    log "receiver (exit $RC_B):"; tail_log "$dir/recv.out" 4; tail_log "$dir/recv.err"
  else
    res=$(verify "${DS_PATH[$ds]}" "$dir/received/$(basename "${DS_PATH[$ds]}")")
    [[ $res == ok ]] || { log "$name: $res; the receiver's folder holds:"; (cd "$dir/received" && find . | head -n 10) >&2; }
  fi
  ratio=-
  if [[ $ds != many && -n ${SOCAT_MBPS[$run]:-} && $res == ok ]]; then
    ratio=$(awk -v a="$(mbps "${DS_BYTES[$ds]}" "$secs")" -v b="${SOCAT_MBPS[$run]}" 'BEGIN { printf "%.2fx", a / b }')
  fi
  record "$key" "$name" "$ds" "$secs" "$res" "$dir/relay.time" "$dir/send.time" "$dir/recv.time" "$ratio" \
    "$(reported_secs "$dir/send.out")"
  if ((JFR)); then
    for f in "$OUT_DIR/e2e-$tag-relay.jfr" "$OUT_DIR/e2e-$tag-sender.jfr" "$OUT_DIR/e2e-$tag-receiver.jfr"; do
      [[ -s $f ]] && JFR_FILES+=("$f")
    done
  fi
  ((KEEP)) || rm -rf "$dir/received"
}

for ((run = 1; run <= RUNS; run++)); do
  if ((SOCAT)); then run_socat "$run"; fi
  for ds in "${DS_LIST[@]}"; do
    for mode in "${ENCRYPT_LIST[@]}"; do run_p2p "$run" "$ds" "$mode"; done
  done
done

# ---------------------------------------------------------------- report

# table [LEFT]: '|'-separated rows on stdin, first row the header; the columns listed in LEFT
# (comma-separated numbers, default 1) are left-aligned, the others right-aligned.
table() {
  awk -F '|' -v left="${1:-1}" '
    { for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } if (NF > nf) nf = NF }
    END {
      for (r = 1; r <= NR; r++) {
        line = ""
        for (i = 1; i <= nf; i++) {
          f = ("," left ",") ~ ("," i ",") ? "%-" w[i] "s" : "%" w[i] "s"
          line = line (i > 1 ? "  " : "") sprintf(f, c[r, i])
        }
        sub(/ +$/, "", line)
        print line
      }
    }'
}

# top_frames FILE EVENT: prints "thread<TAB>top frame" for every EVENT sample in a recording.
top_frames() {
  "$JFR_TOOL" print --events "$2" "$1" | awk '
    /sampledThread = / { t = $0; sub(/^[^"]*"/, "", t); sub(/" \(javaThreadId.*$/, "", t) }
    /stackTrace = \[/ { grab = 1; next }
    grab && NF { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line: [0-9]+.*$/, "", f); print t "\t" f; grab = 0 }'
}

# ranked FIELD N TOTAL: the N most frequent values of a tab-separated field, with shares.
ranked() {
  cut -f "$1" | sort | uniq -c | sort -k1,1nr | head -n "$2" |
    awk -v n="$3" '{ c = $1; sub(/^ *[0-9]+ /, ""); printf "    %6d %5.1f%%  %s\n", c, 100 * c / n, $0 }'
}

# Where a process spent its CPU: the 15 frames on which jdk.ExecutionSample most often caught
# a thread running Java code (self time), the 5 busiest threads, and the 8 most frequent
# native frames (JNI such as zstd-jni, and system calls; these include threads that only wait).
jfr_top() {
  local samples="$WORK/samples.txt" natives="$WORK/natives.txt" n
  top_frames "$1" jdk.ExecutionSample >"$samples"
  n=$(wc -l <"$samples")
  if ((n == 0)); then
    echo "    (no execution samples)"
  else
    echo "    $n Java samples; top frames (count, share, method):"
    ranked 2 15 "$n" <"$samples"
    echo "    busiest threads:"
    ranked 1 5 "$n" <"$samples"
  fi
  top_frames "$1" jdk.NativeMethodSample >"$natives"
  n=$(wc -l <"$natives")
  if ((n > 0)); then
    echo "    $n native samples (JNI and system calls, waiting included); top frames:"
    ranked 2 8 "$n" <"$natives"
  fi
}

{
  echo "p2p-copy end-to-end benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "command:  bench/e2e.sh $ORIG_ARGS"
  echo "commit:   $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "machine:  $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "java:     $("$JAVA" -version 2>&1 | head -n 1)${BENCH_JAVA_OPTS:+, BENCH_JAVA_OPTS=$BENCH_JAVA_OPTS}"
  echo "sender:   $([[ -z $CHUNK_SIZE$COMPRESS ]] && echo 'CLI defaults' || echo "${CHUNK_SIZE:+--chunk-size $CHUNK_SIZE }${COMPRESS:+--compress $COMPRESS}")"
  echo "CLI start-up (Main --help): $BASELINE"
  if ((JFR)); then echo "JFR:      on (settings=profile); it costs some throughput, quote figures from runs without --jfr"; fi
  if [[ -n $SOCAT_NOTE ]]; then echo "note:     $SOCAT_NOTE"; fi
  echo
  {
    echo "dataset|files|bytes|seconds|MB/s|vs socat|CPU s relay|CPU s sender|CPU s receiver|CPU s/GiB|result"
    printf '%s\n' "${ROWS[@]}"
  } | table 1,11
  if ((RUNS > 1)); then
    echo
    echo "medians over the successful runs:"
    {
      echo "dataset|MB/s|vs socat|CPU s/GiB|runs"
      for k in "${KEY_ORDER[@]+"${KEY_ORDER[@]}"}"; do echo "$k|$(medians "${RUN_KEYS[$k]}")"; done
    } | table
  fi
  echo
  echo "sender's own figure (from pairing to the end, no JVM start-up) and peak memory (MiB):"
  {
    echo "dataset|sender s|sender MB/s|RSS relay|RSS sender|RSS receiver"
    printf '%s\n' "${MEM_ROWS[@]}"
  } | table
  echo
  echo "seconds: from launching the receiver (the sender is already waiting with its code) until sender"
  echo "  and receiver have both exited, so it includes the receiver's JVM start-up; socat: the same,"
  echo "  from launching its receiver once its sender is connected."
  echo "MB/s = bytes / 10^6 / seconds; vs socat = MB/s / socat's MB/s in the same run."
  echo "CPU s = user + system seconds of each whole process, JVM start-up included."
  echo "CPU s/GiB = relay + sender + receiver CPU seconds per 2^30 bytes of payload."
  for f in "${JFR_FILES[@]+"${JFR_FILES[@]}"}"; do
    echo
    echo "where CPU goes: ${f#"$ROOT"/}"
    jfr_top "$f" || echo "    (jfr print failed)"
  done
} >"$REPORT"

echo
cat "$REPORT"
echo
echo "report written to ${REPORT#"$ROOT"/}"
exit $((ANY_FAIL ? 1 : 0))
