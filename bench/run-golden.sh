#!/usr/bin/env bash
# golden suite: schedules per second of the controlled scheduler (3-task lockcore scenario,
# exhaustive, preemption bound 2), and the wall time of the whole lockcore golden suite: every
# scenario in fixtures/scenarios on every valid configuration of lockcore/Kconfig, as one process.
# Writes bench/target/results/golden.md.  RUNS=1 (default) complete explorations to time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-1}"
SUITE_ROUNDS="${SUITE_ROUNDS:-2}"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar
mkdir -p "$OUT"

echo "== building the benchmark jar" >&2
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true

# `golden report` explores and compares like `verify` but exits 0 on golden differences, so a
# missing or stale approved file does not stop the timing; the table says how the cells ended.
spec="$OUT/golden.spec"
cat > "$spec" <<SPEC
golden suite | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.golden.cli.GoldenCommand report --scenarios $ROOT/fixtures/scenarios --kconfig $ROOT/lockcore/Kconfig --markdown $OUT/golden-cells.md
SPEC

{
  echo "# golden suite"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: RUNS=$RUNS SUITE_ROUNDS=$SUITE_ROUNDS bench/run-golden.sh"
  echo
  echo "## Explorer rate (3 tasks, exhaustive, preemption bound 2)"
  echo
  echo '```'
  java -cp "$JAR" dev.lockkit.bench.golden.ExplorerRate "$RUNS" 2>&1
  echo '```'
  echo
  echo "## Whole lockcore golden suite ($(ls fixtures/scenarios/*.scn | wc -l) scenarios, every valid variant)"
  echo
  java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$SUITE_ROUNDS" "$OUT/logs"
  echo
  echo "Cells: $(grep -c '' "$OUT/golden-cells.md" 2>/dev/null || echo 0) lines of table in golden-cells.md"
} > "$OUT/golden.md"
cat "$OUT/golden.md"
