#!/usr/bin/env bash
# lockkit migrate vs Error Prone's Refaster with Picnic's error-prone-support 0.27.0 rules, site by
# site, on commons-lang3 3.17.0's main sources (issue 19's yardstick). Not part of `mvn verify`.
#
# Every Picnic rule file whose imports need only the JDK, Guava and Picnic's/Error Prone's own
# annotation and support libraries (35 files) is given as published to both tools:
#   * Error Prone 2.45.0 on the local JDK 25 (Picnic 0.27.0's support jars are Java 21 class files):
#     the rules of all files are compiled with RefasterRuleBuilderScanner (bench/picnic/plugin)
#     into one rule file and applied with -XepPatchChecks:refaster IN_PLACE to a copy of the
#     sources, repeated until nothing changes (Error Prone drops a fix nested inside another);
#   * lockkit migrate (the CLI) with the same class path: each file as published for the rules
#     accepted, and all files' rules in one template file, in write mode on a copy, for the sites.
# A site is a changed region of a file (diff hunk, import-only hunks excluded), named by its first
# original line. Prints and writes
# bench/target/results/picnic.md: rules accepted, sites of each tool, recall and precision of
# lockkit against Error Prone, comments lost, and whether lockkit's migrated trees compile.
#
# Env: JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), LOCKKIT_JAVA (the java that runs the
# lockkit jar), LOCKKIT (a command to run instead of the jar), FILES (space-separated rule file names to limit the run), WORK (default
# bench/target/picnic; results there are reused when present: EP_AGAIN=1, LK_AGAIN=1 redo them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/bench/picnic"
WORK="${WORK:-$ROOT/bench/target/picnic}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# lockkit runs on JDK 17 by default; LOCKKIT_JAVA=$JDK25/bin/java lets its javac see the Java 21
# library types some rules name (SequencedCollection, List.getFirst, ...).
LOCKKIT_JAVA="${LOCKKIT_JAVA:-java}"
if [[ -z "${LOCKKIT:-}" ]]; then
  "$ROOT/lockkit" --version > /dev/null # builds cli/target/lockkit.jar when stale
  LOCKKIT="$LOCKKIT_JAVA -jar $ROOT/cli/target/lockkit.jar"
fi
OUT="$ROOT/bench/target/results"
mkdir -p "$WORK" "$OUT"
M2="${M2_REPO:-$HOME/.m2/repository}"

[[ -x "$JDK25/bin/javac" ]] || { echo "run-picnic.sh: no JDK 25 at $JDK25 (set JDK25)" >&2; exit 2; }

echo "== resolving Picnic 0.27.0, Error Prone 2.45.0 and commons-lang3 3.17.0 sources" >&2
mvn -B -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/ep.cp" >&2
mvn -B -q -f "$HERE/pom.xml" dependency:get \
  -Dartifact=tech.picnic.error-prone-support:error-prone-contrib:0.27.0:jar:sources >&2
mvn -B -q -f "$HERE/pom.xml" dependency:get \
  -Dartifact=org.apache.commons:commons-lang3:3.17.0:jar:sources >&2
EP_CP="$(cat "$WORK/ep.cp")"
# What the rules need at compile time (and lockkit on its template class path): Guava, Picnic's
# refaster-support and error-prone-utils, Error Prone's annotations, JSpecify.
TCP="$(tr ':' '\n' < "$WORK/ep.cp" | grep -E '/(guava|failureaccess|refaster-support|error-prone-utils|error_prone_annotation|error_prone_annotations|jspecify)/' | paste -sd: -)"

RULES="$WORK/rules"
if [[ ! -d "$RULES" ]]; then
  mkdir -p "$RULES"
  (cd "$RULES" && unzip -q -o \
    "$M2/tech/picnic/error-prone-support/error-prone-contrib/0.27.0/error-prone-contrib-0.27.0-sources.jar" \
    'tech/picnic/errorprone/refasterrules/*Rules.java')
fi
RDIR="$RULES/tech/picnic/errorprone/refasterrules"
ORIG="$WORK/orig"
if [[ ! -d "$ORIG" ]]; then
  mkdir -p "$ORIG"
  (cd "$ORIG" && unzip -q -o \
    "$M2/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar" 'org/*')
fi

# The rule files whose imports are only the JDK, Guava and the Refaster/Picnic support libraries.
if [[ -n "${FILES:-}" ]]; then
  files="$FILES"
else
  files=""
  for f in "$RDIR"/*Rules.java; do
    if ! grep -E '^import ' "$f" | sed -E 's/^import (static )?//; s/;.*//' \
      | grep -qvE '^(java\.|com\.google\.common\.|com\.google\.errorprone\.refaster|com\.google\.errorprone\.annotations|tech\.picnic\.errorprone\.refaster|tech\.picnic\.errorprone\.utils|org\.jspecify)'; then
      files="$files $(basename "$f" .java)"
    fi
  done
fi
echo "== rule files: $(echo $files | wc -w)" >&2

jflags=()
for p in api file main model parser processing tree util; do
  jflags+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
for p in code comp; do
  jflags+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done

# Error Prone's side: the rule compiler plugin.
PLUGIN="$WORK/plugin"
if [[ ! "$PLUGIN/dev/lockkit/harness/PicnicRuleCompiler.class" -nt "$HERE/plugin/dev/lockkit/harness/PicnicRuleCompiler.java" ]]; then
  mkdir -p "$PLUGIN"
  "$JDK25/bin/javac" --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED \
    --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED \
    -d "$PLUGIN" -cp "$EP_CP" "$HERE/plugin/dev/lockkit/harness/PicnicRuleCompiler.java"
  cp -r "$HERE/plugin/META-INF" "$PLUGIN/"
fi

sites() { # the sites of tree $1 against $ORIG, as path:first original line. A site is one
  # rewrite: a changed region of a file (diff hunk), where a hunk that begins while the original
  # text of the hunk before it is still inside an open parenthesis is the same site (both tools
  # keep an unchanged argument line of a rewritten statement, which splits one rewrite into two
  # hunks; the second begins inside the parenthesis too or only deletes the rest, such as the
  # closing brace of an "if (...) throw ..." turned into one call). A region that only adds or removes imports or blank lines is not a site.
  { diff -r "$ORIG" "$1" || true; } | python3 -c '
import re, sys
orig = sys.argv[1]
def depth_changes(line):
    line = re.sub(r"\\.", "", line)  # escapes, then literals and line comments
    line = re.sub(r"\"[^\"]*\"|\x27[^\x27]*\x27", "", line)
    line = re.sub(r"//.*", "", line)
    return line.count("(") - line.count(")")
out, path, text, hunks = [], None, None, []
def flush():
    depth_end, last = 0, None
    for first, end, code, deletion in hunks:
        if not code:
            continue
        same = last is not None and depth_end > 0
        if same:  # the lines between must all begin inside the open parenthesis, and so must
            # this hunk unless it only deletes (the rest of the statement: a closing brace)
            d = depth_end
            for k in range(last + 1, first):
                d += depth_changes(text[k - 1])
                if d <= 0 and (k < first - 1 or not deletion):
                    same = False
                    break
        if not same:
            out.append(f"{path}:{first}")
            depth_end = 0
        for k in range(first if not same else last + 1, end + 1):
            depth_end += depth_changes(text[k - 1]) if 0 < k <= len(text) else 0
        last = end
for raw in sys.stdin:
    line = raw.rstrip("\n")
    if line.startswith("diff "):
        if path: flush()
        f = line.split()[-2]
        path = f[len(orig) + 1:]
        text = open(f, errors="replace").read().split("\n")
        hunks = []
    elif re.match(r"^[0-9]+(,[0-9]+)?[acd][0-9]+", line):
        a = re.split(r"[acd]", line)[0].split(",")
        first, end = int(a[0]), int(a[-1])
        op = re.search(r"[acd]", line).group(0)
        if op == "a":
            end = first  # an addition after line first
        hunks.append([first, end, False, op == "d"])
    elif line[:2] in ("< ", "> ") and hunks:
        if not re.match(r"^[<>] import ", line) and line[2:].strip():
            hunks[-1][2] = True
if path: flush()
print("\n".join(sorted(set(out))))
' "$ORIG" | sed '/^$/d' | sort -u
}

# Error Prone: all the files' rules compiled into one rule file (the plugin prints each file's
# count), applied in one javac run per round: one run per rule file would take hours on 2 cores.
EP="$WORK/ep"
if [[ -n "${SKIP_EP:-}" ]]; then
  echo "== Error Prone: skipped (SKIP_EP)" >&2
elif [[ ! -f "$EP/done" || -n "${EP_AGAIN:-}" ]]; then
  echo "== Error Prone: compiling the rules" >&2
  rm -rf "$EP" && mkdir -p "$EP/classes"
  srcs=()
  for name in $files; do srcs+=("$RDIR/$name.java"); done
  "$JDK25/bin/javac" "${jflags[@]}" -d "$EP/classes" -cp "$EP_CP:$PLUGIN" \
    -processorpath "$EP_CP:$PLUGIN" -Xplugin:"LockkitPicnicRuleCompiler $EP/rules.refaster" \
    "${srcs[@]}" > "$EP/compile.log" 2>&1 || { cat "$EP/compile.log" >&2; exit 1; }
  cp -r "$ORIG" "$EP/tree"
  find "$EP/tree" -name '*.java' | sort > "$EP/files"
  for round in 1 2 3 4; do
    echo "== Error Prone: applying, round $round" >&2
    before="$(cat $(cat "$EP/files") | md5sum)"
    rm -rf "$EP/out" && mkdir -p "$EP/out"
    "$JDK25/bin/javac" "${jflags[@]}" -nowarn -XDcompilePolicy=simple --should-stop=ifError=FLOW \
      -d "$EP/out" -cp "$TCP" -processorpath "$EP_CP" \
      "-Xplugin:ErrorProne -XepDisableAllChecks -XepPatchChecks:refaster:$EP/rules.refaster -XepPatchLocation:IN_PLACE" \
      @"$EP/files" > "$EP/apply.$round.log" 2>&1 || true
    if [[ "$before" == "$(cat $(cat "$EP/files") | md5sum)" ]]; then break; fi
  done
  rm -rf "$EP/out" "$EP/classes"
  touch "$EP/done"
fi

# lockkit's side. Rules accepted: each file as published, read against a one-class tree (the
# template work only). Sites: all the files' rules in one template file (as Error Prone applies
# them together; one run per file takes an hour on a loaded 2-core machine), in write mode on a
# copy. In the combined file the one clash of simple names (Guava's Predicate in
# ImmutableMapRules, java.util.function's in 11 others) is written qualified.
LK="$WORK/lk"
mkdir -p "$LK/empty/p"
echo 'package p; class A {}' > "$LK/empty/p/A.java"
for name in $files; do
  d="$LK/$name"
  if [[ -f "$d/done" && -z "${LK_AGAIN:-}" ]]; then continue; fi
  echo "== lockkit: reading $name" >&2
  rm -rf "$d" && mkdir -p "$d"
  set +e
  (cd "$d" && $LOCKKIT migrate --dry-run --format json --templates "$RDIR/$name.java" \
    --classpath "$TCP" "$LK/empty" > report.json 2> err.txt)
  echo $? > "$d/rc"
  set -e
  touch "$d/done"
done
ALL="$LK/all"
if [[ ! -f "$ALL/done" || -n "${LK_AGAIN:-}" ]]; then
  echo "== lockkit: all rules on commons-lang3" >&2
  rm -rf "$ALL" && mkdir -p "$ALL/src/tech/picnic/errorprone/refasterrules"
  python3 - "$RDIR" "$ALL/src/tech/picnic/errorprone/refasterrules/AllRules.java" $files <<'PY'
import re, sys
rdir, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
imports, bodies = set(), []
for n in sorted(names):
    t = open(f"{rdir}/{n}.java").read()
    body = t[re.search(r"^(@\w+\s*)*(public\s+)?(final\s+)?class ", t, re.M).start():]
    for m in re.finditer(r"^import [^;]+;", t, re.M):
        if m.group(0) == "import com.google.common.base.Predicate;":
            body = re.sub(r"(?<![\w.])Predicate(?=\s*<)", "com.google.common.base.Predicate", body)
            continue
        imports.add(m.group(0))
    bodies.append(body)
open(out, "w").write("package tech.picnic.errorprone.refasterrules;\n\n" + "\n".join(sorted(imports))
                     + "\n\n" + "\n".join(bodies))
PY
  cp -r "$ORIG" "$ALL/tree"
  set +e
  (cd "$ALL" && /usr/bin/time -f '%e s wall, %U+%S s CPU, %M KB peak RSS' -o time.txt \
    $LOCKKIT migrate --format json --templates src/tech/picnic/errorprone/refasterrules/AllRules.java \
    --classpath "$TCP" tree > report.json 2> err.txt)
  echo $? > "$ALL/rc"
  set -e
  touch "$ALL/done"
fi

[[ -n "${SKIP_COMPARE:-}" ]] && exit 0
# Compare and compile.
sites "$EP/tree" > "$EP/sites"
sites "$ALL/tree" > "$ALL/sites"
find "$ALL/tree" -name '*.java' > "$ALL/files"
rm -rf "$ALL/out" && mkdir -p "$ALL/out"
# Compiled by the javac of the JDK lockkit ran on: on JDK 21+ lockkit resolves (and rewrites to)
# Java 21 API such as List.getFirst, which javac 17 does not know.
JAVAC="$(dirname "$(command -v "${LOCKKIT_JAVA%% *}")")/javac"
[[ -x "$JAVAC" ]] || JAVAC=javac
if "$JAVAC" -nowarn -proc:none -d "$ALL/out" -cp "$TCP" @"$ALL/files" > "$ALL/javac.log" 2>&1; then
  compiles=yes
else
  compiles="no ($(grep -c ': error:' "$ALL/javac.log") errors, $ALL/javac.log)"
fi
rm -rf "$ALL/out"
report="$OUT/picnic.md"
{
  echo "# lockkit migrate vs Error Prone Refaster: Picnic error-prone-support 0.27.0 on commons-lang3 3.17.0"
  echo
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); lockkit on $($LOCKKIT_JAVA -version 2>&1 | head -1); Error Prone 2.45.0 on $("$JDK25/bin/java" -version 2>&1 | head -1)"
  echo
  echo "| rule file | rule classes | lockkit accepted | Error Prone rules |"
  echo "|---|---:|---:|---:|"
  tr=0; ta=0; tep=0
  for name in $files; do
    l="$LK/$name"
    er="$(grep -o "refaster rules: tech.picnic.errorprone.refasterrules.$name [0-9]*" "$EP/compile.log" | awk '{print $NF}')"
    read -r r acc < <(python3 -c 'import json,re,sys
try:
  j=json.load(open(sys.argv[1])); print(len(j["rules"]) + len(j["skippedRules"]), len(j["rules"]))
except Exception:
  print(len(re.findall(r"^  (?:static |abstract )*(?:final )?(?:static )?class ", open(sys.argv[2]).read(), re.M)), 0)' "$l/report.json" "$RDIR/$name.java")
    echo "| $name | $r | $acc | ${er:-0} |"
    tr=$((tr + r)); ta=$((ta + acc)); tep=$((tep + ${er:-0}))
  done
  echo "| **all** | **$tr** | **$ta** | **$tep** |"
  echo
  te="$(wc -l < "$EP/sites")"; tl="$(wc -l < "$ALL/sites")"
  tb="$(comm -12 "$EP/sites" "$ALL/sites" | wc -l)"
  python3 - "$tr" "$ta" "$te" "$tl" "$tb" <<'PY'
import sys
tr, ta, te, tl, tb = map(int, sys.argv[1:])
pct = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "n/a"
print(f"Rules accepted by lockkit: **{ta} of {tr}** ({pct(ta, tr)}).\n")
print(f"Sites (changed regions, imports aside): Error Prone {te}, lockkit {tl}, both {tb}: "
      f"recall **{pct(tb, te)}**, precision **{pct(tb, tl)}**.\n")
PY
  echo "lockkit's run with all rules: exit $(cat "$ALL/rc"), $(cat "$ALL/time.txt" 2>/dev/null); its migrated tree compiles ($("$JAVAC" -version 2>&1), rules' class path): $compiles."
  echo
  lost=0
  while read -r c; do
    grep -rqF -- "$c" "$ALL/tree" || lost=$((lost + 1))
  done < <(cat $(sed 's|^|'"$ORIG"'/|; s|:[0-9]*$||' "$ALL/sites" | sort -u) 2>/dev/null \
    | grep -oE '/\*.*\*/|//.*' | sort -u)
  echo "Comments of the files lockkit changed that its result no longer contains: $lost."
  echo
  echo "Error Prone's sites lockkit did not rewrite ($((te - tb))):"
  echo
  echo '```'
  comm -23 "$EP/sites" "$ALL/sites"
  echo '```'
  echo
  echo "lockkit's sites Error Prone did not rewrite ($((tl - tb))):"
  echo
  echo '```'
  comm -13 "$EP/sites" "$ALL/sites"
  echo '```'
} > "$report"
cat "$report"
