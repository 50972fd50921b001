#!/usr/bin/env bash
# migrate suite: `lockkit migrate --dry-run` with the 20 templates of bench/src/migrate/
# JdkTemplates.java over jackson-databind 2.18.2's sources, against the time Spoon 11.5.0 needs to
# build its model of the same sources with the same class path (jackson-core, jackson-annotations).
# Each in its own process, in rounds (Spoon, migrate, Spoon, migrate...): the ratio is the median of
# the per-round ratios. A last run of the migration under JDK Flight Recorder says where its time
# goes. Writes bench/target/results/migrate.md.  ROUNDS=3 (default); HEAP=640m gives both
# processes that maximum heap (-Xmx), to compare their memory at the same cap; BASE_JAR=FILE (a
# benchmarks.jar built from another commit) adds that build's migration to every round, so two
# versions are compared in the same session and load; JAVA_FLAGS="..." adds JVM flags (a GC
# policy, say) to every command alike, Spoon's included.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
OUT=bench/target/results
IN=bench/target/inputs
JAR=bench/target/benchmarks.jar
TEMPLATES="$ROOT/bench/src/migrate/JdkTemplates.java"
REPORT="$OUT/migrate.md"
mkdir -p "$OUT" "$IN"

echo "== building the benchmark jar" >&2
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true

fetch() { # groupId:artifactId:version[:jar:classifier] -> file in $IN
  mvn -B -q -f bench/pom.xml -Pbench dependency:copy -Dartifact="$1" -DoutputDirectory="$ROOT/$IN" \
    -Dmdep.overWriteIfNewer=true >&2
}

V=2.18.2
fetch "com.fasterxml.jackson.core:jackson-databind:$V:jar:sources"
fetch "com.fasterxml.jackson.core:jackson-core:$V"
fetch "com.fasterxml.jackson.core:jackson-annotations:$V"
SRC="$IN/jackson-databind-$V-sources"
if [[ ! -d "$SRC" ]]; then
  mkdir -p "$SRC"
  (cd "$SRC" && jar xf "$ROOT/$IN/jackson-databind-$V-sources.jar")
fi
CP="$ROOT/$IN/jackson-core-$V.jar $ROOT/$IN/jackson-annotations-$V.jar"
files=$(find "$SRC" -name '*.java' | wc -l)
lines=$(find "$SRC" -name '*.java' -exec cat {} + | wc -l)

XMX="${JAVA_FLAGS:-}"
if [[ -n "${HEAP:-}" ]]; then XMX="$XMX -Xmx$HEAP"; fi
spec="$OUT/migrate.spec"
cat > "$spec" <<SPEC
spoon model | 0 | java $XMX -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.migrate.SpoonModel $SRC $CP
migrate 20 templates | 0 | java $XMX -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.migrate.MigrateRun $TEMPLATES $SRC $CP
SPEC
if [[ -n "${BASE_JAR:-}" ]]; then
  echo "migrate 20 templates, base jar | 0 | java $XMX -Xlog:gc:file={gclog} -cp $BASE_JAR dev.lockkit.bench.migrate.MigrateRun $TEMPLATES $SRC $CP" >> "$spec"
fi

{
  echo "# migrate suite"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: ROUNDS=$ROUNDS${HEAP:+ HEAP=$HEAP}${BASE_JAR:+ BASE_JAR=$BASE_JAR}${JAVA_FLAGS:+ JAVA_FLAGS=\"$JAVA_FLAGS\"} bench/run-migrate.sh"
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## jackson-databind $V ($files source files, $lines lines), 20 templates, dry run"
  echo
  java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$ROUNDS" "$OUT/logs"
  echo
  echo "## Where the migration's time goes (one more run, sampled by JDK Flight Recorder every 10 ms)"
  echo
  echo '```'
  java -cp "$JAR" dev.lockkit.bench.migrate.MigrateRun --profile "$OUT/migrate.jfr" "$TEMPLATES" "$SRC" $CP 2>&1
  echo '```'
} > "$REPORT"
cat "$REPORT"
