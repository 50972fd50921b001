package dev.lockkit.refactor.move;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Moves chosen by seed in a real library, predicted by the what-if check and judged by javac.
 *
 * <p>For each of N static members (sorted, then drawn with {@code new Random(seed)}) it draws a
 * destination (a new class in the same or another package, or an existing class in the same or
 * another package), runs {@link MoveEngine#plan}, applies the edits to a fresh copy whatever the
 * prediction (a predicted conflict is "forced") and compiles the copy with javax.tools. Findings of
 * the graph rules (cycles, layers) are design rules, not compile errors, so a move blocked only by
 * them counts as predicted compilable and is listed separately.
 */
final class MoveVsJavacHarness {

  /** The tallies and the disagreements, as printed. */
  record Report(String text, int tried, int safeCompiled, int conflictBroken, int disagreements) {}

  private final Path sources;
  private final Path work;

  MoveVsJavacHarness(Path sources, Path work) {
    this.sources = sources;
    this.work = work;
  }

  Report run(int n, long seed) throws Exception {
    JavaProject project = JavaProject.load(List.of(sources));
    List<TypeInfo> classes = new ArrayList<>();
    List<String[]> candidates = new ArrayList<>(); // {type, plan element}
    for (TypeInfo t : project.types()) {
      if (t.outer() != null
          || !t.decl().isClassOrInterfaceDeclaration()
          || t.decl().asClassOrInterfaceDeclaration().isInterface()) {
        continue;
      }
      classes.add(t);
      for (BodyDeclaration<?> b : t.decl().getMembers()) {
        String element = element(t, b);
        if (element != null) {
          candidates.add(new String[] {t.fqn(), element});
        }
      }
    }
    Set<String> packages = new TreeSet<>();
    classes.forEach(c -> packages.add(c.packageName()));
    List<String> pkgs = new ArrayList<>(packages);
    Random rnd = new Random(seed);
    Collections.shuffle(candidates, rnd);
    StringBuilder out = new StringBuilder();
    int safeCompiled = 0, safeBroken = 0, conflictBroken = 0, conflictCompiled = 0;
    int designOnly = 0, badInput = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < Math.min(n, candidates.size()); i++) {
      String[] c = candidates.get(i);
      TypeInfo origin = project.type(c[0]);
      String dest = destination(rnd, origin, classes, pkgs, i);
      String line = "move " + c[1] + " to " + dest;
      Path trial = work.resolve("trial-" + i);
      MoveTestSupport.copy(sources, trial.resolve("src"));
      Path plan = trial.resolve("plan");
      Files.writeString(plan, line + "\n");
      MoveEngine.Outcome o;
      try {
        o =
            MoveEngine.plan(
                new MoveEngine.Request(
                    plan, List.of(trial.resolve("src")), null, null, false, Set.of()));
      } catch (MoveEngine.BadInput e) {
        badInput++;
        out.append(String.format("%3d  bad-input   %s%n       %s%n", i, line, e.getMessage()));
        continue;
      }
      List<Finding> hard =
          o.blocking().stream()
              .filter(f -> !f.rule().startsWith("cycle/") && !f.rule().startsWith("layer/"))
              .toList();
      boolean design = hard.isEmpty() && !o.blocking().isEmpty();
      o.changes().write();
      String errors = compile(trial.resolve("src"), trial.resolve("classes"));
      boolean compiles = errors.isEmpty();
      String verdict;
      if (hard.isEmpty() && compiles) {
        safeCompiled++;
        designOnly += design ? 1 : 0;
        verdict = design ? "safe*" : "safe";
      } else if (hard.isEmpty()) {
        safeBroken++;
        verdict = "DISAGREE(safe, javac fails)";
        disagreements.add(line + "\n       javac: " + firstLine(errors));
      } else if (!compiles) {
        conflictBroken++;
        verdict = "conflict";
      } else {
        conflictCompiled++;
        verdict = "DISAGREE(conflict, javac ok)";
        disagreements.add(
            line + "\n       predicted: " + hard.get(0).rule() + ": " + hard.get(0).message());
      }
      out.append(String.format("%3d  %-11s %s%n", i, verdict, line));
      if (!hard.isEmpty()) {
        out.append("       ")
            .append(hard.get(0).rule())
            .append(": ")
            .append(hard.get(0).message())
            .append('\n');
      }
      if (!compiles) {
        out.append("       javac: ").append(firstLine(errors)).append('\n');
      }
      deleteTree(trial);
    }
    int tried = safeCompiled + safeBroken + conflictBroken + conflictCompiled;
    out.append(
        String.format(
            "%nseed %d: %d moves tried (%d refused as bad input)%n"
                + "  predicted safe and compiled:       %d (of which %d blocked only by cycle/layer design rules)%n"
                + "  predicted conflict, really broken: %d%n"
                + "  disagreements:                     %d (safe but broken: %d; conflict but compiled: %d)%n",
            seed,
            tried,
            badInput,
            safeCompiled,
            designOnly,
            conflictBroken,
            safeBroken + conflictCompiled,
            safeBroken,
            conflictCompiled));
    for (String d : disagreements) {
      out.append("  - ").append(d).append('\n');
    }
    return new Report(out.toString(), tried, safeCompiled, conflictBroken, disagreements.size());
  }

  private static String element(TypeInfo t, BodyDeclaration<?> b) {
    if (b instanceof MethodDeclaration m && m.isStatic() && m.getBody().isPresent()) {
      String params =
          m.getParameters().stream()
              .map(p -> p.getType().asString() + (p.isVarArgs() ? "..." : ""))
              .collect(Collectors.joining(", "));
      return t.fqn() + "#" + m.getNameAsString() + "(" + params + ")";
    }
    if (b instanceof FieldDeclaration f && f.isStatic() && f.getVariables().size() == 1) {
      return t.fqn() + "#" + f.getVariable(0).getNameAsString();
    }
    return null;
  }

  private static String destination(
      Random rnd, TypeInfo origin, List<TypeInfo> classes, List<String> pkgs, int i) {
    switch (rnd.nextInt(4)) {
      case 0:
        return origin.packageName() + ".Moved" + i;
      case 1:
        return pkgs.get(rnd.nextInt(pkgs.size())) + ".Moved" + i;
      case 2:
        List<TypeInfo> same =
            classes.stream()
                .filter(c -> c.packageName().equals(origin.packageName()) && !c.equals(origin))
                .toList();
        if (!same.isEmpty()) {
          return same.get(rnd.nextInt(same.size())).fqn();
        }
        return origin.packageName() + ".Moved" + i;
      default:
        TypeInfo any = classes.get(rnd.nextInt(classes.size()));
        return any.equals(origin) ? origin.packageName() + ".Moved" + i : any.fqn();
    }
  }

  static String compile(Path src, Path out) throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                out.toString(),
                "-proc:none",
                "-nowarn",
                "-Xlint:none",
                "-encoding",
                "UTF-8"));
    try (Stream<Path> s = Files.walk(src)) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    StringWriter err = new StringWriter();
    int rc =
        javac.run(
            null,
            null,
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                err.write(b);
              }
            },
            args.toArray(String[]::new));
    return rc == 0 ? "" : err.toString();
  }

  private static String firstLine(String errors) {
    return errors
        .lines()
        .filter(l -> l.contains("error:"))
        .findFirst()
        .orElse(errors.lines().findFirst().orElse(""));
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
