#!/usr/bin/env bash
# move suite (issue 10): the what-if of one static-member move (`lockkit move --dry-run`) on
# jackson-databind 2.18.2's sources, side by side with a plain `lockkit analyze` of the same
# sources, in interleaved rounds. Target: the what-if under 2x analyze. Two moves are timed: one
# with few users (ClassUtil#quotedOr, what-if clean) and one with many (ClassUtil#nameOf(Class)).
# Writes bench/target/results/move.md (table) and logs/.
#   ROUNDS=3 (default) rounds.
#   JAVA_FLAGS="-XX:TieredStopAtLevel=1": JVM flags for every command (the ./lockkit launcher runs
#     analyze and move with exactly that; default: none, as in the earlier figures).
#   BASE_CLI=path/to/lockkit.jar: a second build (e.g. main's) whose what-ifs are timed in the same
#     rounds, right before this build's, so a change is measured side by side under the same load.
#   SKIP_BUILD=1: use the jars already built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
OUT=bench/target/results
IN=bench/target/inputs
JAR=bench/target/benchmarks.jar
CLI=cli/target/lockkit.jar
REPORT="$OUT/move.md"
mkdir -p "$OUT" "$IN"

JAVA_FLAGS="${JAVA_FLAGS:-}"
BASE_CLI="${BASE_CLI:-}"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building the benchmark jar and the lockkit CLI" >&2
  mvn -B -q -Pbench -pl bench,cli -am package -Dmaven.test.skip=true
fi

fetch() { # groupId:artifactId:version[:jar:classifier] -> file in $IN
  mvn -B -q -f bench/pom.xml -Pbench dependency:copy -Dartifact="$1" -DoutputDirectory="$ROOT/$IN" \
    -Dmdep.overWriteIfNewer=true >&2
}

GAV=com.fasterxml.jackson.core:jackson-databind:2.18.2
fetch "$GAV:jar:sources"
SRC="$IN/jackson-databind-2.18.2-sources"
if [[ ! -d "$SRC" ]]; then
  mkdir -p "$SRC"
  (cd "$SRC" && jar xf "$ROOT/$IN/jackson-databind-2.18.2-sources.jar")
fi
# What jackson-databind compiles against: move resolves references with javac on this class path.
fetch com.fasterxml.jackson.core:jackson-core:2.18.2
fetch com.fasterxml.jackson.core:jackson-annotations:2.18.2
CP="$IN/jackson-core-2.18.2.jar:$IN/jackson-annotations-2.18.2.jar"
lines=$(find "$SRC" -name '*.java' -exec cat {} + | wc -l)
files=$(find "$SRC" -name '*.java' | wc -l)

U=com.fasterxml.jackson.databind.util
echo "move $U.ClassUtil#quotedOr to $U.ClassNames" > "$OUT/move-few-users.plan"
echo "move $U.ClassUtil#nameOf(Class) to $U.ClassNames" > "$OUT/move-many-users.plan"
users_few=$(grep -rl 'quotedOr(' "$SRC" --include='*.java' | wc -l)
users_many=$(grep -rl 'nameOf(' "$SRC" --include='*.java' | wc -l)

# Exit codes: analyze 0 or 1 (findings); move --dry-run 0 (clean) or 1 (conflicts): both ran the
# whole what-if. The dry run writes nothing, so every round sees the same sources.
spec="$OUT/move.spec"
J="java $JAVA_FLAGS -Xlog:gc:file={gclog} -jar"
MOVE="move --dry-run --format json --classpath $CP --plan"
{
  echo "analyze | 0,1 | $J $CLI analyze --format json --output $OUT/move-analyze.json $SRC"
  for m in "quotedOr few-users" "nameOf(Class) many-users"; do
    set -- $m
    if [[ -n "$BASE_CLI" ]]; then
      echo "base: move --dry-run $1 | 0,1 | $J $BASE_CLI $MOVE $OUT/move-$2.plan $SRC"
    fi
    echo "move --dry-run $1 | 0,1 | $J $CLI $MOVE $OUT/move-$2.plan $SRC"
  done
} > "$spec"

{
  echo "# move suite"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: ROUNDS=$ROUNDS JAVA_FLAGS=\"$JAVA_FLAGS\" BASE_CLI=$BASE_CLI bench/run-move.sh"
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## jackson-databind 2.18.2 ($files source files, $lines lines)"
  echo
  echo "Moves: \`ClassUtil#quotedOr\` (files naming it: $users_few), \`ClassUtil#nameOf(Class)\` (files calling a \`nameOf\`: $users_many), each to a new \`$U.ClassNames\`."
  echo
  java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$ROUNDS" "$OUT/logs"
} > "$REPORT"
cat "$REPORT"
