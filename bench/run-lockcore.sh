#!/usr/bin/env bash
# lockcore suite (JMH): lockcore's lock paths against java.util.concurrent and one CAS, all in one
# JMH run so every ratio compares figures measured side by side. Writes
#   bench/target/results/lockcore.csv  raw JMH scores
#   bench/target/results/lockcore.md   the ratio tables of bench/README.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar

echo "== building the benchmark jar" >&2
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
mkdir -p "$OUT"

# Modest settings (about 11 s per benchmark, ~8 min in all) because the machine is shared; the
# tables show each figure's range over the iterations so a reader sees what the noise was.
# JMH_SETTINGS replaces them; extra arguments are passed to JMH as well, e.g. `-p variant=base`,
# `-prof gc` (allocation per operation) or `-jvmArgsAppend -XX:StartFlightRecording=filename=x.jfr`.
# One run holds every comparison issue 20 asks for: 1 and 2 threads on disjoint VMAs for the per-VMA
# and the mmap_lock paths (LockcoreFaultBench fault1T/fault2T, lock1T/lock2T), faults beside an
# mprotect loop on another VMA (group mprotect) and beside an mmap_write_lock holder on the same mm
# (group writeHolder), each against faults beside a CPU-burning thread (group busy), and the JDK
# references (ReentrantReadWriteLock, StampedLock, one CAS) measured in the same JVM session.
JMH_SETTINGS="${JMH_SETTINGS:--f 1 -wi 3 -i 7 -w 1s -r 1s}"
{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: JMH_SETTINGS='$JMH_SETTINGS' bench/run-lockcore.sh $*"
  echo
} > "$OUT/lockcore.head"
java -cp "$JAR" dev.lockkit.bench.report.JmhReport "$OUT/lockcore.body" \
  'dev\.lockkit\.bench\.(jdk|lockcore)\.' \
  $JMH_SETTINGS -rf csv -rff "$OUT/lockcore.csv" "$@" | tee "$OUT/lockcore.log"
cat "$OUT/lockcore.head" "$OUT/lockcore.body" > "$OUT/lockcore.md"
cat "$OUT/lockcore.md"
