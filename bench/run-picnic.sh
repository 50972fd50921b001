#!/usr/bin/env bash
# lockkit migrate vs Error Prone's Refaster with Picnic's error-prone-support 0.27.0 rules, site by
# site, on the main sources of a real library (issue 19's yardstick). Not part of `mvn verify`.
#
# TARGET picks the code both tools rewrite (default commons-lang3):
#   commons-lang3     org.apache.commons:commons-lang3:3.17.0 (no dependencies)
#   jackson-databind  com.fasterxml.jackson.core:jackson-databind:2.18.2 (with jackson-core and
#                     jackson-annotations 2.18.2 on the class path)
#   guava             com.google.guava:guava:33.5.0-jre, the Guava of Error Prone's and Picnic's
#                     class path (with failureaccess, JSpecify, Error Prone's annotations,
#                     j2objc-annotations and checker-qual; Guava's own jar is left off the class
#                     path, its sources are the code)
#
# Every Picnic rule file whose imports need only the JDK, Guava and Picnic's/Error Prone's own
# annotation and support libraries (35 files) is given as published to both tools:
#   * Error Prone 2.45.0 on the local JDK 25 (Picnic 0.27.0's support jars are Java 21 class files):
#     the rules of all files are compiled with RefasterRuleBuilderScanner (bench/picnic/plugin)
#     into one rule file (once, whatever the target) and applied with
#     -XepPatchChecks:refaster IN_PLACE to a copy of the sources, repeated until nothing changes
#     (Error Prone drops a fix nested inside another);
#   * lockkit migrate (the CLI) with the same class path: each file as published for the rules
#     accepted (read against a one-class tree, so once, whatever the target), and all files' rules
#     in one template file, in write mode on a copy, for the sites.
# A site is a changed region of a file (diff hunk, import-only hunks excluded), named by its first
# original line. Prints and writes bench/target/results/picnic-$TARGET.md: rules accepted, sites of
# each tool, recall and precision of lockkit against Error Prone, comments lost, and whether the
# original, Error Prone's and lockkit's trees compile.
#
# Env: TARGET, JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), LOCKKIT_JAVA (the java that runs
# the lockkit jar), LOCKKIT (a command to run instead of the jar), FILES (space-separated rule file
# names to limit the run), PACKAGES (space-separated package directories of the target, such as
# com/google/common/base, to limit the code: a subset, stated in the report), WORK (default
# bench/target/picnic; results there are reused when present: EP_AGAIN=1, LK_AGAIN=1 redo the
# target's runs, ACCEPT_AGAIN=1 the per-file reading).
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

TARGET="${TARGET:-commons-lang3}"
# The target: its sources artifact, what of the sources jar is code, its library jars (coordinates).
case "$TARGET" in
  commons-lang3)
    SRC=org.apache.commons:commons-lang3:3.17.0 SRC_GLOB='org/*' DEPS="" ;;
  jackson-databind)
    SRC=com.fasterxml.jackson.core:jackson-databind:2.18.2 SRC_GLOB='com/*'
    DEPS="com.fasterxml.jackson.core:jackson-core:2.18.2 com.fasterxml.jackson.core:jackson-annotations:2.18.2" ;;
  guava)
    SRC="" SRC_GLOB='com/*' DEPS="" ;; # the version and the libraries come from ep.cp below
  *) echo "run-picnic.sh: unknown TARGET '$TARGET' (commons-lang3, jackson-databind or guava)" >&2; exit 2 ;;
esac

echo "== resolving Picnic 0.27.0, Error Prone 2.45.0 and $TARGET's sources" >&2
mvn -B -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/ep.cp" >&2
mvn -B -q -f "$HERE/pom.xml" dependency:get \
  -Dartifact=tech.picnic.error-prone-support:error-prone-contrib:0.27.0:jar:sources >&2
EP_CP="$(cat "$WORK/ep.cp")"
# What the rules need at compile time (and lockkit on its template class path): Guava, Picnic's
# refaster-support and error-prone-utils, Error Prone's annotations, JSpecify.
TCP="$(tr ':' '\n' < "$WORK/ep.cp" | grep -E '/(guava|failureaccess|refaster-support|error-prone-utils|error_prone_annotation|error_prone_annotations|jspecify)/' | paste -sd: -)"
jar_of() { # group:artifact:version[:classifier] -> its path in the local repository
  local g a v c
  IFS=: read -r g a v c <<< "$1"
  echo "$M2/${g//.//}/$a/$v/$a-$v${c:+-$c}.jar"
}
if [[ "$TARGET" == guava ]]; then
  gjar="$(tr ':' '\n' < "$WORK/ep.cp" | grep -E '/com/google/guava/guava/' | head -1)"
  gv="$(basename "$(dirname "$gjar")")"
  SRC="com.google.guava:guava:$gv"
  # The code's class path (both tools, and javac for "compiles"): the rules' class path without
  # Guava's jar, whose sources are the code, with the rest of what Guava's pom needs.
  # With PACKAGES (a subset of Guava's packages) the jar stays: it has the packages left out.
  CCP="$(tr ':' '\n' <<< "$TCP" | grep -v "${PACKAGES:+x}/com/google/guava/guava/" | paste -sd: -)"
  CCP="$CCP:$(tr ':' '\n' < "$WORK/ep.cp" | grep -E '/(j2objc-annotations|checker-qual)/' | paste -sd: -)"
else
  CCP="$TCP"
fi
for d in $DEPS; do
  mvn -B -q -f "$HERE/pom.xml" dependency:get -Dartifact="$d" >&2
  CCP="$CCP:$(jar_of "$d")"
done
mvn -B -q -f "$HERE/pom.xml" dependency:get -Dartifact="$SRC:jar:sources" >&2
SRC_JAR="$(jar_of "$SRC:sources")"

RULES="$WORK/rules"
if [[ ! -d "$RULES" ]]; then
  mkdir -p "$RULES"
  (cd "$RULES" && unzip -q -o \
    "$M2/tech/picnic/error-prone-support/error-prone-contrib/0.27.0/error-prone-contrib-0.27.0-sources.jar" \
    'tech/picnic/errorprone/refasterrules/*Rules.java')
fi
RDIR="$RULES/tech/picnic/errorprone/refasterrules"
# Each target's runs under its own directory; with PACKAGES a subset of the code, named by them.
TW="$WORK/$TARGET${PACKAGES:+-$(echo $PACKAGES | tr ' /' '+.')}"
ORIG="$TW/orig"
if [[ ! -d "$ORIG" ]]; then
  mkdir -p "$ORIG.tmp"
  (cd "$ORIG.tmp" && unzip -q -o "$SRC_JAR" "$SRC_GLOB")
  find "$ORIG.tmp" -name module-info.java -delete
  if [[ -n "${PACKAGES:-}" ]]; then
    mkdir -p "$ORIG"
    for pk in $PACKAGES; do
      mkdir -p "$ORIG/$pk"
      find "$ORIG.tmp/$pk" -maxdepth 1 -name '*.java' -exec cp {} "$ORIG/$pk/" \;
    done
    rm -rf "$ORIG.tmp"
  else
    mv "$ORIG.tmp" "$ORIG"
  fi
fi
echo "== $TARGET: $(find "$ORIG" -name '*.java' | wc -l) source files" >&2

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
# The rules are compiled once for every target (their own directory, keyed by the rule files).
EPR="$WORK/ep-rules"
if [[ ! -f "$EPR/done" || "$(cat "$EPR/files" 2>/dev/null)" != "$(echo $files)" ]]; then
  echo "== Error Prone: compiling the rules" >&2
  rm -rf "$EPR" && mkdir -p "$EPR/classes"
  srcs=()
  for name in $files; do srcs+=("$RDIR/$name.java"); done
  "$JDK25/bin/javac" "${jflags[@]}" -d "$EPR/classes" -cp "$EP_CP:$PLUGIN" \
    -processorpath "$EP_CP:$PLUGIN" -Xplugin:"LockkitPicnicRuleCompiler $EPR/rules.refaster" \
    "${srcs[@]}" > "$EPR/compile.log" 2>&1 || { cat "$EPR/compile.log" >&2; exit 1; }
  rm -rf "$EPR/classes"
  echo $files > "$EPR/files"
  touch "$EPR/done"
fi
EP="$TW/ep"
if [[ -n "${SKIP_EP:-}" ]]; then
  echo "== Error Prone: skipped (SKIP_EP)" >&2
elif [[ ! -f "$EP/done" || -n "${EP_AGAIN:-}" ]]; then
  rm -rf "$EP" && mkdir -p "$EP"
  cp -r "$ORIG" "$EP/tree"
  find "$EP/tree" -name '*.java' | sort > "$EP/files"
  for round in 1 2 3 4; do
    echo "== Error Prone: applying to $TARGET, round $round" >&2
    before="$(cat $(cat "$EP/files") | md5sum)"
    rm -rf "$EP/out" && mkdir -p "$EP/out"
    "$JDK25/bin/javac" "${jflags[@]}" -nowarn -XDcompilePolicy=simple --should-stop=ifError=FLOW \
      -d "$EP/out" -cp "$CCP" -processorpath "$EP_CP" \
      "-Xplugin:ErrorProne -XepDisableAllChecks -XepPatchChecks:refaster:$EPR/rules.refaster -XepPatchLocation:IN_PLACE" \
      @"$EP/files" > "$EP/apply.$round.log" 2>&1 || true
    echo "   $(date -u +%H:%M:%S)" >&2
    if [[ "$before" == "$(cat $(cat "$EP/files") | md5sum)" ]]; then break; fi
  done
  rm -rf "$EP/out"
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
  if [[ -f "$d/done" && -z "${ACCEPT_AGAIN:-}" ]]; then continue; fi
  echo "== lockkit: reading $name" >&2
  rm -rf "$d" && mkdir -p "$d"
  set +e
  (cd "$d" && $LOCKKIT migrate --dry-run --format json --templates "$RDIR/$name.java" \
    --classpath "$TCP" "$LK/empty" > report.json 2> err.txt)
  echo $? > "$d/rc"
  set -e
  touch "$d/done"
done
ALL="$TW/lk"
if [[ ! -f "$ALL/done" || -n "${LK_AGAIN:-}" ]]; then
  echo "== lockkit: all rules on $TARGET" >&2
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
    --classpath "$CCP" tree > report.json 2> err.txt)
  echo $? > "$ALL/rc"
  set -e
  touch "$ALL/done"
fi

[[ -n "${SKIP_COMPARE:-}" ]] && exit 0
# Compare and compile.
sites "$EP/tree" > "$EP/sites"
sites "$ALL/tree" > "$ALL/sites"
# Compiled by the javac of the JDK lockkit ran on: on JDK 21+ lockkit resolves (and rewrites to)
# Java 21 API such as List.getFirst, which javac 17 does not know.
JAVAC="$(dirname "$(command -v "${LOCKKIT_JAVA%% *}")")/javac"
[[ -x "$JAVAC" ]] || JAVAC=javac
compile() { # "yes" or "no (N errors, log)" for tree $1 (kept in $2.compiles, by the tree's content)
  local tree="$1" log="$2/javac.log" key
  key="$(find "$tree" -name '*.java' | sort | xargs cat | md5sum | cut -c1-32) $CCP"
  if [[ -f "$2/compiles" && "$(head -1 "$2/compiles")" == "$key" ]]; then
    tail -1 "$2/compiles"
    return
  fi
  find "$tree" -name '*.java' > "$2/javac.files"
  rm -rf "$2/out" && mkdir -p "$2/out"
  local r
  if "$JAVAC" -nowarn -proc:none -encoding UTF-8 -d "$2/out" -cp "$CCP" @"$2/javac.files" > "$log" 2>&1; then
    r=yes
  else
    r="no ($(grep -c ': error:' "$log") errors, $log)"
  fi
  rm -rf "$2/out"
  printf '%s\n%s\n' "$key" "$r" > "$2/compiles"
  echo "$r"
}
echo "== compiling the trees" >&2
mkdir -p "$TW/orig-compile"
compiles_orig="$(compile "$ORIG" "$TW/orig-compile")"
compiles_ep="$(compile "$EP/tree" "$EP")"
compiles="$(compile "$ALL/tree" "$ALL")"
report="$OUT/picnic-$TARGET${PACKAGES:+-subset}.md"
{
  echo "# lockkit migrate vs Error Prone Refaster: Picnic error-prone-support 0.27.0 on $SRC"
  echo
  echo "Code: $(find "$ORIG" -name '*.java' | wc -l) main source files${PACKAGES:+ of the packages $PACKAGES only (a subset)}; class path: $(tr ':' '\n' <<< "$CCP" | xargs -n1 basename | paste -sd' ' -)."
  echo
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); lockkit on $($LOCKKIT_JAVA -version 2>&1 | head -1); Error Prone 2.45.0 on $("$JDK25/bin/java" -version 2>&1 | head -1)"
  echo
  echo "| rule file | rule classes | lockkit accepted | Error Prone rules |"
  echo "|---|---:|---:|---:|"
  tr=0; ta=0; tep=0
  for name in $files; do
    l="$LK/$name"
    er="$(grep -o "refaster rules: tech.picnic.errorprone.refasterrules.$name [0-9]*" "$EPR/compile.log" | awk '{print $NF}')"
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
  echo "lockkit's run with all rules: exit $(cat "$ALL/rc"), $(cat "$ALL/time.txt" 2>/dev/null)."
  echo
  echo "Compiles ($("$JAVAC" -version 2>&1), the code's class path): the original tree $compiles_orig; Error Prone's $compiles_ep; lockkit's $compiles."
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
  echo
  # Same text: a file where both tools rewrote the same sites and nothing else is compared whole,
  # import lines aside (the tools order and place imports each their own way), without white space
  # and parentheses (Error Prone re-prints what it rewrites: '"a"+b' as '"a" + b', '(x == null)' as
  # 'x == null'; the token sequence stays comparable) and with a type's qualifier of a
  # method call dropped (Error Prone imports checkArgument statically, lockkit writes
  # Preconditions.checkArgument; refactor/MIGRATE.md, "Differences from Error Prone Refaster").
  python3 - "$EP/sites" "$ALL/sites" "$EP/tree" "$ALL/tree" <<'PY2'
import collections, re, sys
def by_file(p):
    d = collections.defaultdict(set)
    for l in open(p).read().split():
        f, n = l.rsplit(":", 1)
        d[f].add(n)
    return d
ep, lk = by_file(sys.argv[1]), by_file(sys.argv[2])
def code(p):
    text = "".join(l for l in open(p, errors="replace") if not l.startswith("import "))
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"(?<![\w.])[A-Z]\w*\.(?=[a-z]\w*\()", "", text)
    return text.replace("(", "").replace(")", "")
same = [f for f in sorted(ep) if ep[f] == lk.get(f)]
differ = [f for f in same if code(f"{sys.argv[3]}/{f}") != code(f"{sys.argv[4]}/{f}")]
print(f"Files where both rewrote the same sites and nothing else: {len(same)}; of those, with "
      f"different text (imports, white space, parentheses and a call's type qualifier aside): {len(differ)}.\n")
if differ:
    print("```\n" + "\n".join(differ) + "\n```\n")
PY2
} > "$report"
cat "$report"
