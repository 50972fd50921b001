#!/usr/bin/env bash
# golden's engine for unmodified code vs Lincheck 3.7 runConcurrentTest on the same cases
# (bench/src/main/java/dev/lockkit/bench/golden/cases/Case.java; Lincheck's side written as its
# users write it, actors inline in the block: cases/LincheckCases.java), one process per engine,
# run one after the other. Writes bench/target/results/golden-vs-lincheck.md.
# INVOCATIONS (default 10000): Lincheck's budget. ROUNDS (default 1): golden/Lincheck pairs.
# CASES: basic (the eight first cases), blocking (the JDK's blocking classes) or all (default).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar
ROUNDS="${ROUNDS:-1}"
mkdir -p "$OUT"
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
{
  echo "# golden vs Lincheck on unmodified code"
  echo
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  for r in $(seq 1 "$ROUNDS"); do
    echo
    echo "## Round $r"
    echo
    echo "golden run: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx1g -DCASES="${CASES:-all}" -cp "$JAR" dev.lockkit.bench.golden.LincheckVsGolden golden 2>/dev/null \
      | grep '^|' > "$OUT/golden-rows.md"
    echo "Lincheck run: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx1g -DCASES="${CASES:-all}" -cp "$JAR" dev.lockkit.bench.golden.LincheckVsGolden lincheck 2>/dev/null \
      | grep '^|' > "$OUT/lincheck-rows.md"
    echo "after both: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    java -cp "$JAR" dev.lockkit.bench.golden.LincheckVsGolden merge \
      "$OUT/golden-rows.md" "$OUT/lincheck-rows.md"
  done
} > "$OUT/golden-vs-lincheck.md"
cat "$OUT/golden-vs-lincheck.md"
