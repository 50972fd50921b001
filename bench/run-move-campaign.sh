#!/usr/bin/env bash
# move campaign (issue 19): moves drawn at random with a fixed seed from commons-lang3 3.20.0 and
# jackson-databind 2.18.2 (static methods and fields, overloaded ones included, nested and top-level
# types, into other packages and into types), each predicted by the what-if (--verify off), applied
# whatever the prediction and judged by javac. Runs refactor's MoveCampaignTest (whose sources jars
# and class path the build copies to refactor/target/campaign-libs) with N moves per library.
#   N=150 (default, 300 in all), SEED=19; INTO_N (default N) nested types moved into another type
#   per library. LIBS: which libraries (default: commons-lang3,jackson-databind, the campaign's own;
#   "new": gson, jsoup and joda-time, code it was never tuned on; "all"; or names, comma-separated).
#   MVN_FLAGS: extra Maven flags (e.g. -o to run offline).
# Writes bench/target/results/move-campaign.md (the tallies) and the per-move logs beside it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${N:-150}"
SEED="${SEED:-19}"
INTO_N="${INTO_N:-$N}"
LIBS="${LIBS:-default}"
W=refactor/target/move-campaign
# A report left by an earlier run must not pass for this one's.
rm -f "$W"/report*.txt
OUT=bench/target/results
mkdir -p "$OUT"
mvn -B -q ${MVN_FLAGS:-} -pl refactor -am test -Dtest=MoveCampaignTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlockkit.campaign.n="$N" -Dlockkit.campaign.into.n="$INTO_N" -Dlockkit.campaign.seed="$SEED" \
  -Dlockkit.campaign.libs="$LIBS" \
  || status=$?
{
  echo "# move campaign"
  echo
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
  echo "Command: N=$N INTO_N=$INTO_N SEED=$SEED LIBS=$LIBS bench/run-move-campaign.sh"
  echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  # Per library: the drawn moves, then nested types moved into another type, then types nested
  # two or more levels deep moved out.
  for r in report report-into report-deep; do
    case $r in
      report) echo "## drawn moves" ;;
      report-into) echo "## nested types moved into another type" ;;
      report-deep) echo "## types nested two or more levels deep, moved out" ;;
    esac
    echo
    echo '```'
    cat "$W/$r.txt" 2>/dev/null || echo "(no report: the test did not finish)"
    echo '```'
    echo
  done
} > "$OUT/move-campaign.md"
cp "$W"/*.log "$OUT/" 2>/dev/null || true
cat "$OUT/move-campaign.md"
exit "${status:-0}"
