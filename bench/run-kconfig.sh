#!/usr/bin/env bash
# Kconfig trees: load a Kconfig tree (parse, tristate encoding, SAT model of all its symbols, one
# satisfiability check), then ask for every symbol whether it can be present and whether it can be
# absent; report wall and CPU time, heap after GC and peak RSS, each run in a fresh JVM.
#
#   LOCKKIT_LINUX_SRC=DIR  a kernel tree or a copy of its Kconfig files (the GPL-2.0 kernel files
#                          are not part of this repository). Its top Kconfig is read with
#                          SRCARCH=x86 (else arch/x86/Kconfig, else mm/Kconfig); undefined symbols
#                          are free and sourced files missing from the copy are skipped and counted.
#   SYMBOLS=15000          size of the generated kernel-shaped tree (x86's tree has ~15-20k).
#   RUNS=3                 fresh-JVM runs per tree.
# Writes bench/target/results/kconfig.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
SYMBOLS="${SYMBOLS:-15000}"
OUT=bench/target/results
JAR=bench/target/benchmarks.jar
SYNTH=bench/target/kconfig-synth
mkdir -p "$OUT"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "== building the benchmark jar" >&2
  mvn -B -q -Pbench -pl bench -am package -Dmaven.test.skip=true
fi
rm -rf "$SYNTH"
java -cp "$JAR" dev.lockkit.bench.analyzer.KconfigTreeBench gen "$SYNTH" "$SYMBOLS" 42 >&2

run() { # label, top, vars...
  local label="$1"; shift
  echo "### $label"
  echo
  echo '```'
  for i in $(seq 1 "$RUNS"); do
    java -Xmx2g -cp "$JAR" dev.lockkit.bench.analyzer.KconfigTreeBench load "$@" 2>&1 | { if [[ $i == 1 ]]; then cat; else head -1; fi; }
  done
  echo '```'
  echo
}

{
  echo "# Kconfig trees"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Command: RUNS=$RUNS SYMBOLS=$SYMBOLS bench/run-kconfig.sh"
  echo
  if [[ -n "${LOCKKIT_LINUX_SRC:-}" ]]; then
    L="$LOCKKIT_LINUX_SRC"
    if [[ -f "$L/Kconfig" ]]; then top="$L/Kconfig"; elif [[ -f "$L/arch/x86/Kconfig" ]]; then top="$L/arch/x86/Kconfig"; else top="$L/mm/Kconfig"; fi
    echo "Kernel files present: $(find "$L" -name 'Kconfig*' -type f | wc -l) ($(cat $(find "$L" -name 'Kconfig*' -type f) | wc -l) lines)"
    echo
    run "kernel tree: ${top#$L/} (SRCARCH=x86)" "$top" SRCARCH=x86 srctree="$L"
    if [[ -f "$L/mm/Kconfig" && "$top" != "$L/mm/Kconfig" ]]; then
      run "kernel mm/Kconfig alone" "$L/mm/Kconfig" srctree="$L"
    fi
  else
    echo "LOCKKIT_LINUX_SRC not set: no kernel tree measured."
    echo
  fi
  run "generated kernel-shaped tree, $SYMBOLS entries (seed 42)" "$SYNTH/Kconfig"
} > "$OUT/kconfig.md"
cat "$OUT/kconfig.md"
