#!/usr/bin/env bash
# lockcore suite (JMH): lockcore's lock paths against java.util.concurrent and one CAS, all in one
# JMH run so every ratio compares figures measured side by side. Writes
#   bench/target/results/lockcore.csv  raw JMH scores
#   bench/target/results/lockcore.md   the ratio tables of bench/README.md
# Extra arguments go to JMH (e.g. a narrower regex is not needed: pass -p variant=base).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar

echo "== building the benchmark jar" >&2
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
mkdir -p "$OUT"

# Modest settings (about 8 s per benchmark, ~7 min in all) because the machine is shared; the
# error column shows what that costs in precision.
java -jar "$JAR" 'dev\.lockkit\.bench\.(jdk|lockcore)\.' \
  -f 1 -wi 3 -i 5 -w 1s -r 1s -rf csv -rff "$OUT/lockcore.csv" "$@" | tee "$OUT/lockcore.log"

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: bench/run-lockcore.sh $*"
  echo
  java -cp "$JAR" dev.lockkit.bench.report.JmhReport "$OUT/lockcore.csv"
} > "$OUT/lockcore.md"
cat "$OUT/lockcore.md"
