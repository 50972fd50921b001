#!/usr/bin/env bash
# golden's engine for unmodified code vs Lincheck 3.7 runConcurrentTest on the same cases
# (bench/src/main/java/dev/lockkit/bench/golden/cases/Case.java), one process per engine.
# Writes bench/target/results/golden-vs-lincheck.md. INVOCATIONS (default 10000): Lincheck's budget.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar
mkdir -p "$OUT"
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
{
  echo "# golden vs Lincheck on unmodified code"
  echo
  echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  java -Xmx1g -cp "$JAR" dev.lockkit.bench.golden.LincheckVsGolden golden 2>/dev/null | grep '^|'
  echo
  java -Xmx1g -cp "$JAR" dev.lockkit.bench.golden.LincheckVsGolden lincheck 2>/dev/null | grep '^|' | tail -n +3
} > "$OUT/golden-vs-lincheck.md"
cat "$OUT/golden-vs-lincheck.md"
