#!/usr/bin/env bash
# analyzer suite: whole-process time and memory of `lockkit analyze` against a bare JavaParser
# parse of the same sources and ArchUnit's import + slice cycle check of the same library's jar,
# on three real libraries from Maven Central; then the 1M-line and dense generated projects and the
# 1,000-option gating model. Writes bench/target/results/analyzer-<parts>.md (tables) and logs/.
#   ROUNDS=3 (default) rounds per library; SCALE_ROUNDS=1 for the generated inputs;
#   PARTS="libs scale dense gating" (default: all) picks the sections to run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
SCALE_ROUNDS="${SCALE_ROUNDS:-1}"
PARTS="${PARTS:-libs scale dense gating}"
want() { [[ " $PARTS " == *" $1 "* ]]; }
OUT=bench/target/results
IN=bench/target/inputs
JAR=bench/target/benchmarks.jar
REPORT="$OUT/analyzer-${PARTS// /-}.md"
mkdir -p "$OUT" "$IN"

echo "== building the benchmark jar and the lockkit CLI" >&2
mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
# `lockkit analyze` as users run it when the CLI has the command; otherwise the analyzer's own
# entry point (the same AnalyzeCommand class, without the launcher).
ANALYZE="-cp $JAR dev.lockkit.analyzer.cli.AnalyzeCommand"
ANALYZE_NAME="analyzer AnalyzeCommand (bench jar)"
LAUNCHER=0
if ./lockkit --version >/dev/null 2>&1 \
    && java -jar cli/target/lockkit.jar analyze --help 2>&1 | grep -q 'Usage: lockkit analyze'; then
  ANALYZE="-jar cli/target/lockkit.jar analyze"
  ANALYZE_NAME="lockkit analyze (cli/target/lockkit.jar)"
  LAUNCHER=1
fi
echo "== analyze command: $ANALYZE_NAME" >&2

fetch() { # groupId:artifactId:version[:jar:classifier] -> file in $IN
  mvn -B -q -f bench/pom.xml -Pbench dependency:copy -Dartifact="$1" -DoutputDirectory="$ROOT/$IN" \
    -Dmdep.overWriteIfNewer=true >&2
}

sources_dir() { # jar -> directory with its extracted .java files
  local dir="${1%.jar}"
  if [[ ! -d "$dir" ]]; then
    mkdir -p "$dir"
    (cd "$dir" && jar xf "$ROOT/$1")
  fi
  echo "$dir"
}

{
  echo "# analyzer suite"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Command: ROUNDS=$ROUNDS SCALE_ROUNDS=$SCALE_ROUNDS PARTS=\"$PARTS\" bench/run-analyzer.sh"
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Analyze command: $ANALYZE_NAME"
} > "$REPORT"

# label | groupId:artifactId:version
LIBS=(
  "jackson-databind|com.fasterxml.jackson.core:jackson-databind:2.18.2"
  "commons-lang3|org.apache.commons:commons-lang3:3.20.0"
  "spoon-core|fr.inria.gforge.spoon:spoon-core:11.5.0"
)
want libs || LIBS=()
for lib in "${LIBS[@]}"; do
  name="${lib%%|*}"
  gav="${lib#*|}"
  artifact="${gav#*:}"
  artifact="${artifact%%:*}"
  version="${gav##*:}"
  fetch "$gav"
  fetch "$gav:jar:sources"
  bin="$IN/$artifact-$version.jar"
  src="$(sources_dir "$IN/$artifact-$version-sources.jar")"
  lines=$(find "$src" -name '*.java' -exec cat {} + | wc -l)
  files=$(find "$src" -name '*.java' | wc -l)
  spec="$OUT/$name.spec"
  cat > "$spec" <<SPEC
bare-parse | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.BareParse $src
analyze | 0,1 | java -Xlog:gc:file={gclog} $ANALYZE --format json --output $OUT/$name-report.json $src
archunit | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.ArchUnitCycles $bin
SPEC
  if [[ $LAUNCHER == 1 ]]; then
    # The launcher as users run it (it adds the JIT setting for analyze), the jar without it, and
    # for reference, not as the baseline: the bare parse given the launcher's JIT setting too.
    cat > "$spec" <<SPEC
bare-parse | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.BareParse $src
./lockkit analyze | 0,1 | env LOCKKIT_JAVA_OPTS=-Xlog:gc:file={gclog} ./lockkit analyze --format json --output $OUT/$name-report.json $src
java -jar lockkit.jar analyze | 0,1 | java -Xlog:gc:file={gclog} $ANALYZE --format json --output $OUT/$name-report-jar.json $src
archunit | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.ArchUnitCycles $bin
bare-parse C1 only (reference) | 0 | java -XX:TieredStopAtLevel=1 -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.BareParse $src
SPEC
  fi
  echo "== $name: $files files, $lines lines, $ROUNDS rounds" >&2
  {
    echo
    echo "## $name $version ($files source files, $lines lines; ArchUnit on the binary jar)"
    echo
    java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$ROUNDS" "$OUT/logs"
  } >> "$REPORT"
done

echo "== generating the scale inputs" >&2
GEN="$IN/generated"
if [[ ! -f "$GEN/.done" ]]; then
  rm -rf "$GEN"
  for n in 250000 500000 1000000; do
    java -cp "$JAR" dev.lockkit.bench.gen.ProjectGenerator project "$GEN/project-$n" "$n" 42 >&2
  done
  java -cp "$JAR" dev.lockkit.bench.gen.ProjectGenerator dense "$GEN/dense-300" 300 >&2
  java -cp "$JAR" dev.lockkit.bench.gen.FeatureModelGenerator "$GEN/gating-1000" 20 7 >&2
  touch "$GEN/.done"
fi

if want scale; then
spec="$OUT/scale.spec"
cat > "$spec" <<SPEC
bare-parse 1M | 0 | java -Xmx4g -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.BareParse $GEN/project-1000000
analyze 1M | 0,1 | java -Xmx4g -Xlog:gc:file={gclog} $ANALYZE --format json --output $OUT/scale-1M.json $GEN/project-1000000
analyze 1M (in-process phases) | 0 | java -Xmx4g -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.AnalyzePhases $GEN/project-1000000
analyze 500k | 0,1 | java -Xmx4g -Xlog:gc:file={gclog} $ANALYZE --format json --output $OUT/scale-500k.json $GEN/project-500000
analyze 250k | 0,1 | java -Xmx4g -Xlog:gc:file={gclog} $ANALYZE --format json --output $OUT/scale-250k.json $GEN/project-250000
SPEC
{
  echo
  echo "## Generated project (seed 42): 1M, 500k and 250k lines, -Xmx4g"
  echo
  java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$SCALE_ROUNDS" "$OUT/logs"
} >> "$REPORT"

fi

if want dense; then
spec="$OUT/dense.spec"
cat > "$spec" <<SPEC
bare-parse dense | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.BareParse $GEN/dense-300
analyze dense | 0,1 | java -Xlog:gc:file={gclog} $ANALYZE --format text --output $OUT/dense.txt $GEN/dense-300
analyze dense (in-process phases) | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.AnalyzePhases $GEN/dense-300
SPEC
{
  echo
  echo "## Dense graph: 300 packages, every one using every other (89,700 package edges)"
  echo
  java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$SCALE_ROUNDS" "$OUT/logs"
} >> "$REPORT"

fi

if want gating; then
spec="$OUT/gating.spec"
cat > "$spec" <<SPEC
gating check (in-process phases) | 0 | java -Xlog:gc:file={gclog} -cp $JAR dev.lockkit.bench.analyzer.GatingBench $GEN/gating-1000/Kconfig $GEN/gating-1000/src
analyze --kconfig | 0,1 | java -Xlog:gc:file={gclog} $ANALYZE --kconfig $GEN/gating-1000/Kconfig --format json --output $OUT/gating.json $GEN/gating-1000/src
SPEC
{
  echo
  echo "## Gating: 1,000 Kconfig options, 10,000 @IfConfig-gated elements (seed 7)"
  echo
  java -cp "$JAR" dev.lockkit.bench.proc.ProcessBench "$spec" "$SCALE_ROUNDS" "$OUT/logs"
} >> "$REPORT"
fi

cat "$REPORT"
