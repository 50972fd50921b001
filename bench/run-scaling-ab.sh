#!/usr/bin/env bash
# A/B of two benchmarks jars, alternating A, B, A, B... in separate JVMs so that a change of load
# on the machine falls on both sides alike (issue 20). Two groups:
#
#   (default)   2 threads ÷ 1 thread on disjoint VMAs: LockcoreFaultBench fault1T/fault2T on the
#               per-VMA path, variants base and debug, and the ownKernel1T/2T control (a private
#               kernel per thread, nothing shared: what the fault code itself scales to just then).
#   --mprotect  faults beside an mprotect loop on another VMA (group mprotect, -p mprotectGap=0,
#               back to back) against faults beside a CPU-burning thread (group busy): the loss is
#               1 - mprotect:faulter ÷ busy:busyFaulter. Base variant, per-VMA path.
#
# Usage: bench/run-scaling-ab.sh [--mprotect] A_JAR B_JAR
#   A_JAR, B_JAR  benchmarks jars (mvn -B -q -pl bench -am package -Pbench -DskipTests builds
#                 bench/target/benchmarks.jar; copy each out of its tree first)
#   ROUNDS        env, rounds of A then B (default 4); JMH_SETTINGS replaces the JMH settings.
# Time on 2 cores with the default settings: scaling about 6-7 min (8 min 23 s with -i 4 at load
# 20-24), --mprotect about 2 min. Writes the raw JMH csv files and the table to
# bench/target/results/scaling-ab/ (or OUT_DIR); exit 0, 1 if JMH fails, 2 on bad usage.
set -euo pipefail

usage() {
  echo "usage: bench/run-scaling-ab.sh [--mprotect] A_JAR B_JAR" >&2
  exit 2
}

MODE=scaling
if [[ "${1:-}" == "--mprotect" ]]; then
  MODE=mprotect
  shift
fi
[[ $# -eq 2 ]] || usage
A_JAR="$1"
B_JAR="$2"
for j in "$A_JAR" "$B_JAR"; do
  if [[ ! -f "$j" ]]; then
    echo "run-scaling-ab.sh: $j: no such jar" >&2
    exit 2
  fi
done
ROUNDS="${ROUNDS:-4}"
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]]; then
  echo "run-scaling-ab.sh: ROUNDS=$ROUNDS is not a positive number" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT_DIR:-$ROOT/bench/target/results/scaling-ab}"
mkdir -p "$OUT"
rm -f "$OUT/$MODE"-r*-[AB].csv

# One fork per jar and round; the rounds are the repetitions, alternating the jars.
JMH_SETTINGS="${JMH_SETTINGS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"
if [[ "$MODE" == scaling ]]; then
  BENCH='LockcoreFaultBench\.(fault1T|fault2T|ownKernel1T|ownKernel2T)$'
  PARAMS=(-p path=pervma -p variant=base,debug)
else
  BENCH='LockcoreFaultBench\.(mprotect|busy)$'
  PARAMS=(-p path=pervma -p variant=base -p mprotectGap=0)
fi

HEAD="$OUT/$MODE.head"
{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Start: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "A = $A_JAR"
  echo "B = $B_JAR"
  echo "Command: ROUNDS=$ROUNDS JMH_SETTINGS='$JMH_SETTINGS' bench/run-scaling-ab.sh $([[ $MODE == mprotect ]] && echo '--mprotect ')A_JAR B_JAR"
} > "$HEAD"

for ((r = 1; r <= ROUNDS; r++)); do
  for side in A B; do
    jar="$A_JAR"
    [[ "$side" == B ]] && jar="$B_JAR"
    echo "== round $r/$ROUNDS, $side ($(cut -d' ' -f1 /proc/loadavg) load)" >&2
    # shellcheck disable=SC2086 # JMH_SETTINGS is a list of options
    java -jar "$jar" "$BENCH" "${PARAMS[@]}" $JMH_SETTINGS \
      -rf csv -rff "$OUT/$MODE-r$r-$side.csv" > "$OUT/$MODE-r$r-$side.log" 2>&1 \
      || { echo "run-scaling-ab.sh: JMH failed, see $OUT/$MODE-r$r-$side.log" >&2; exit 1; }
  done
done
echo "End: $(date -u '+%H:%M:%S UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$HEAD"

# Every csv row: "benchmark",mode,threads,samples,score,error,unit[,param...]. The key is the
# benchmark's short name plus its variant (the last column when the benchmark has one).
awk -v mode="$MODE" -F',' '
  function unq(s) { gsub(/"/, "", s); return s }
  { sub(/\r$/, "") }   # JMH writes CRLF line ends
  FNR == 1 {
    match(FILENAME, /-r[0-9]+-[AB]\.csv$/)
    tag = substr(FILENAME, RSTART + 2, RLENGTH - 6)   # "<round>-<side>"
    split(tag, t, "-"); round = t[1]; side = t[2]
    if (round > rounds) rounds = round
    nv = 0
    for (i = 1; i <= NF; i++) if (unq($i) == "Param: variant") nv = i
    next
  }
  {
    name = unq($1); sub(/.*LockcoreFaultBench\./, "", name)
    v = nv ? unq($nv) : ""
    score[side, round, name "|" v] = unq($5) + 0
  }
  function ratio(side, round, num, den) {
    if (!((side, round, num) in score) || !((side, round, den) in score) || score[side, round, den] == 0) return -1
    return score[side, round, num] / score[side, round, den]
  }
  function row(label, num, den, loss,   s, r, x, lo, hi, sn, sd, cells, out) {
    out = "| " label
    for (s = 1; s <= 2; s++) {
      side = s == 1 ? "A" : "B"
      cells = ""; lo = 1e9; hi = -1e9; sn = 0; sd = 0
      for (r = 1; r <= rounds; r++) {
        x = ratio(side, r, num, den)
        if (x < 0) { cells = cells (cells == "" ? "" : " ") "–"; continue }
        sn += score[side, r, num]; sd += score[side, r, den]
        if (loss) x = 1 - x
        cells = cells (cells == "" ? "" : " ") sprintf(loss ? "%.0f%%" : "%.2f", loss ? 100 * x : x)
      }
      x = sd > 0 ? sn / sd : -1
      if (x < 0) out = out " | – | " cells
      else if (loss) out = out sprintf(" | **%.0f%%** | ", 100 * (1 - x)) cells
      else out = out sprintf(" | **%.2f×** | ", x) cells
    }
    print out " |"
  }
  function scores(label, key,   s, r, side, out) {
    out = "| " label
    for (s = 1; s <= 2; s++) {
      side = s == 1 ? "A" : "B"; out = out " | "
      for (r = 1; r <= rounds; r++) out = out (r > 1 ? " " : "") (((side, r, key) in score) ? sprintf("%.2f", score[side, r, key]) : "–")
    }
    print out " |"
  }
  END {
    if (mode == "scaling") {
      print "| 2 threads ÷ 1 thread, disjoint VMAs | A: Σ2T ÷ Σ1T | A per round | B: Σ2T ÷ Σ1T | B per round |"
      print "|---|---|---|---|---|"
      row("per-VMA fault, base", "fault2T|base", "fault1T|base", 0)
      row("per-VMA fault, debug (lockdep, tracing)", "fault2T|debug", "fault1T|debug", 0)
      row("control: private kernel per thread", "ownKernel2T|", "ownKernel1T|", 0)
      print ""
      print "| ops/µs | A per round | B per round |"
      print "|---|---|---|"
      split("fault1T|base fault2T|base fault1T|debug fault2T|debug ownKernel1T| ownKernel2T|", ks, " ")
      for (k = 1; k <= 6; k++) { lbl = ks[k]; sub(/\|$/, "", lbl); sub(/\|/, ", ", lbl); scores(lbl, ks[k]) }
    } else {
      print "| faults beside mprotect (gap 0) vs beside a busy thread | A: loss of Σ | A per round | B: loss of Σ | B per round |"
      print "|---|---|---|---|---|"
      row("faults lost", "mprotect:faulter|base", "busy:busyFaulter|base", 1)
      print ""
      print "| ops/µs | A per round | B per round |"
      print "|---|---|---|"
      split("busy:busyFaulter|base mprotect:faulter|base mprotect:mprotector|base", ks, " ")
      for (k = 1; k <= 3; k++) { lbl = ks[k]; sub(/\|.*/, "", lbl); scores(lbl, ks[k]) }
    }
  }
' "$OUT/$MODE"-r*-[AB].csv > "$OUT/$MODE.body"
cat "$HEAD" <(echo) "$OUT/$MODE.body" | tee "$OUT/$MODE.md"
