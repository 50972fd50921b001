#!/usr/bin/env bash
# Hand-off cost of both explorers, before and after a change, side by side in one run: the lockcore
# explorer (golden.ExplorerRate: 3-task lockcore scenario, exhaustive, bound 2) and the engine for
# unmodified code (golden.JvmExplorerRate: the cases of golden/cases/Case.java, bound 2), each run
# alternately from BEFORE_JAR (a bench/target/benchmarks.jar built from the commit before the
# change) and from this checkout's jar. Writes bench/target/results/golden-handoff.md.
# ROUNDS (default 2) alternations; JVM_ROUNDS (default 3) searches per case in JvmExplorerRate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${BEFORE_JAR:?set BEFORE_JAR to a benchmarks.jar built before the change}"
ROUNDS="${ROUNDS:-2}"
JVM_ROUNDS="${JVM_ROUNDS:-3}"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar
mkdir -p "$OUT"
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
{
  echo "# golden hand-off, before and after"
  echo
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); before: $BEFORE_JAR; after: this checkout"
  for r in $(seq 1 "$ROUNDS"); do
    for side in before after; do
      jar="$JAR"
      [ "$side" = before ] && jar="$BEFORE_JAR"
      echo
      echo "## round $r, $side: lockcore explorer (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      echo
      java -Xmx1g -cp "$jar" dev.lockkit.bench.golden.ExplorerRate 1 2>/dev/null
      echo
      echo "## round $r, $side: engine for unmodified code (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      echo
      java -Xmx1g -cp "$jar" dev.lockkit.bench.golden.JvmExplorerRate "$JVM_ROUNDS" 2>/dev/null
    done
  done
} > "$OUT/golden-handoff.md"
cat "$OUT/golden-handoff.md"
