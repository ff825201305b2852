#!/usr/bin/env bash
# Times the PAKE's CPU cost (both sides in one JVM): cold first run and warm median.
# Usage: bench/pake.sh [runs]   (build first: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mvn -B -q -o dependency:build-classpath -pl protocol -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
java -cp "protocol/target/classes:$cp" bench/java/PakeTiming.java "${1:-50}"
