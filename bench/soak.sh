#!/usr/bin/env bash
# Soak benchmark of p2p-copy's fault tolerance: many transfers through a fault-injecting proxy
# that cuts their connections at random points, with no retries by the harness. Runs the
# protocol module's SoakTest (relay, sender and receiver in one JVM, all on 127.0.0.1) and
# writes the figures to bench/out/soak-<timestamp>.txt. See docs/benchmarks.md.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR="$ROOT/bench/out"

usage() {
  cat <<'USAGE'
Usage: bench/soak.sh [options]

Sends files of 1 KiB to MAX (log-uniform sizes, random content) one transfer at a time per
worker through a chaos proxy in front of a real relay; most transfers get one or more cuts
(resets or FINs) in the middle of their data. Prints the success rate, corrupt files, time to
recover after a cut, and bytes re-sent against bytes cut off.

Options:
  --transfers N   number of transfers (default 1000)
  --parallel N    transfers running at once (default 4)
  --max-size S    largest file, K/M/G suffix = KiB/MiB/GiB (default 20M)
  --seed N        seed of sizes, contents and cuts (default 1)
  --offline       run Maven offline (-o)
  -h, --help      show this help

Needs a JDK 17 and Maven. Installs the relay-headless module into ~/.m2 first (the protocol
module's tests start a real relay from it).
USAGE
}

die() {
  echo "soak.sh: $*" >&2
  exit 2
}

TRANSFERS=1000
PARALLEL=4
MAX_ARG=20M
SEED=1
MVN_OFFLINE=()
ORIG_ARGS="$*"

while (($#)); do
  case $1 in
    --transfers) TRANSFERS=${2:?--transfers needs a value}; shift 2 ;;
    --transfers=*) TRANSFERS=${1#*=}; shift ;;
    --parallel) PARALLEL=${2:?--parallel needs a value}; shift 2 ;;
    --parallel=*) PARALLEL=${1#*=}; shift ;;
    --max-size) MAX_ARG=${2:?--max-size needs a value}; shift 2 ;;
    --max-size=*) MAX_ARG=${1#*=}; shift ;;
    --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    --offline) MVN_OFFLINE=(-o); shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'." ;;
  esac
done

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $TRANSFERS =~ ^[1-9][0-9]*$ ]] || die "--transfers must be a positive whole number (got '$TRANSFERS')."
[[ $PARALLEL =~ ^[1-9][0-9]*$ ]] || die "--parallel must be a positive whole number (got '$PARALLEL')."
[[ $SEED =~ ^-?[0-9]+$ ]] || die "--seed must be a whole number (got '$SEED')."
MAX_BYTES=$(parse_size "$MAX_ARG") || die "--max-size must be a number with an optional K, M or G suffix, e.g. 20M (got '$MAX_ARG')."
((MAX_BYTES >= 1024)) || die "--max-size must be at least 1K."

command -v mvn >/dev/null || die "mvn not found; install Maven 3.8 or later (apt-get install maven)."
if [[ -n ${JAVA_HOME:-} ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java || true); fi
[[ -n $JAVA && -x $JAVA ]] || die "java not found; install a JDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."

mkdir -p "$OUT_DIR"
TS=$(date -u +%Y%m%d-%H%M%S)
REPORT="$OUT_DIR/soak-$TS.txt"
FIGURES=$(mktemp "${TMPDIR:-/tmp}/p2p-copy-soak.XXXXXX")
trap 'rm -f "$FIGURES"' EXIT

cd "$ROOT"
echo "[soak] installing relay-headless into ~/.m2" >&2
mvn -B -q "${MVN_OFFLINE[@]+"${MVN_OFFLINE[@]}"}" install -DskipTests -Djacoco.skip=true -pl relay-headless

echo "[soak] $TRANSFERS transfers, $PARALLEL at once, up to $MAX_ARG, seed $SEED" >&2
START=$(date +%s)
RC=0
mvn -B -q "${MVN_OFFLINE[@]+"${MVN_OFFLINE[@]}"}" -pl protocol test \
  -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
  -Dsoak.transfers="$TRANSFERS" -Dsoak.parallel="$PARALLEL" -Dsoak.maxBytes="$MAX_BYTES" \
  -Dsoak.seed="$SEED" -Dsoak.out="$FIGURES" || RC=$?
END=$(date +%s)
[[ -s $FIGURES ]] || die "the soak did not write its figures (Maven exit code $RC); see the output above."

{
  echo "command:  bench/soak.sh $ORIG_ARGS"
  echo "commit:   $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "machine:  $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "java:     $("$JAVA" -version 2>&1 | head -n 1)"
  echo "wall:     $((END - START)) s including Maven and compilation"
  echo
  cat "$FIGURES"
  cat <<'DEFS'

definitions:
  success   both sides' results completed without error within 4 minutes, with no retry by the
            harness, every received file's SHA-256 equal to the source's and no .p2p-copy-*
            temporary file left in the receiver's folder
  recovery  from the proxy's cut (the moment it reset or FIN'd a connection of the transfer) to
            the sender's first TRANSFERRING after a RECONNECTING that follows the cut: backoff,
            new connection, re-pairing at the relay, new PAKE, RESUME; cuts after which the
            sender never reported RECONNECTING (e.g. the transfer was already finishing) are
            counted as "without one"
  re-sent   sum over completed transfers of (the sender's TransferResult.bytes(): file bytes it
            put into DATA frames, every round counted) - (the file's size)
  cut off   sum over completed transfers of (the sender's bytes()) - (the receiver's bytes():
            file bytes it wrote, every round counted): file bytes sent but never written, i.e.
            lost in socket buffers, the proxy and the relay at the cuts
  share     re-sent / cut off: 1.00 means exactly the lost bytes were sent again; more means
            the sender also re-sent bytes the receiver already had
DEFS
} >"$REPORT"

echo
cat "$REPORT"
echo
echo "report written to ${REPORT#"$ROOT"/}"
exit "$RC"
