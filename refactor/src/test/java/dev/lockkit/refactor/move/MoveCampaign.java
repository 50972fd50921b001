package dev.lockkit.refactor.move;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The move campaign (issue 19): moves drawn at random with a fixed seed from a real library, each
 * predicted by the what-if ({@code --verify} off), applied whatever the prediction, and judged by
 * javac.
 *
 * <p>Kinds drawn, in turn: a static method (overloaded ones included) or a static field to a new
 * class in the same or another package, or to an existing class; a top-level type to another
 * package or into an existing type; a static nested type out to a package. Types nested two levels
 * deep ({@link #runDeeplyNested}) and nested types moved into a type ({@link #runNestedIntoType})
 * are runs of their own.
 *
 * <p>Judging. The tree before is compiled once to class files. A trial's result is judged by
 * compiling from source, in memory, every file the move edits or creates plus every file whose text
 * after the move spells a moved name (a reference must spell it), against the classes of the tree
 * before minus those of deleted files (so a reference left at an old type name cannot resolve).
 * Files outside that set neither change nor name anything that moved, so their compilation cannot
 * change; this keeps a trial at a few seconds instead of a whole-library compile.
 *
 * <p>Findings of the graph rules (cycles, layers) are design rules, not compile errors: a move
 * blocked only by them counts as predicted safe ({@code safe*}).
 */
final class MoveCampaign {

  /** One library: its sources jar and the class path its sources compile against. */
  record Library(String name, Path sourcesJar, List<Path> classpath) {}

  /** Tallies. */
  static final class Tally {
    int safeCompiled;
    int safeDesignOnly;
    int safeBroken;
    int refusedCompiled;
    int refusedBroken;
    int badInput;
    int crashed;
    final List<String> crashLines = new ArrayList<>();
    final List<String> safeBrokenLines = new ArrayList<>();
    final List<String> falseRefusals = new ArrayList<>();
    final List<String> badInputLines = new ArrayList<>();
    final StringBuilder log = new StringBuilder();

    int tried() {
      return safeCompiled + safeBroken + refusedCompiled + refusedBroken;
    }
  }

  private final Library lib;
  private final Path work;
  private Path src;
  private Path classes;
  private dev.lockkit.analyzer.graph.CodeGraph graph;
  private long planNanos;
  private long judgeNanos;

  MoveCampaign(Library lib, Path work) {
    this.lib = lib;
    this.work = work;
  }

  /** Unpacks the sources (not module-info) and compiles the tree before; returns javac's errors. */
  String prepare() throws IOException {
    src = work.resolve(lib.name()).resolve("src");
    classes = work.resolve(lib.name()).resolve("classes");
    if (!Files.isDirectory(src)) {
      Files.createDirectories(src);
      try (ZipFile zip = new ZipFile(lib.sourcesJar().toFile())) {
        for (var e : Collections.list(zip.entries())) {
          if (e.isDirectory()
              || !e.getName().endsWith(".java")
              || e.getName().endsWith("module-info.java")
              || e.getName().startsWith("META-INF")) {
            continue;
          }
          Path out = src.resolve(e.getName());
          Files.createDirectories(out.getParent());
          try (var in = zip.getInputStream(e)) {
            Files.copy(in, out);
          }
        }
      }
    }
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      fm.setLocationFromPaths(StandardLocation.CLASS_PATH, lib.classpath());
      fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      List<Path> files;
      try (Stream<Path> s = Files.walk(src)) {
        files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      boolean ok =
          javac
              .getTask(
                  null,
                  fm,
                  diags,
                  List.of("-proc:none", "-nowarn", "-Xlint:none"),
                  null,
                  fm.getJavaFileObjectsFromPaths(files))
              .call();
      return ok ? "" : firstError(diags);
    }
  }

  /** Draws and judges {@code n} moves with {@code seed}. */
  Tally run(int n, long seed) throws Exception {
    JavaProject project = JavaProject.load(List.of(src));
    // Every trial plans against the same unchanged tree: its analyzer graph is built once.
    graph = MoveEngine.graphOf(List.of(src));
    List<TypeInfo> classesTop = new ArrayList<>();
    List<String> members = new ArrayList<>();
    List<TypeInfo> topTypes = new ArrayList<>();
    List<TypeInfo> nestedTypes = new ArrayList<>();
    for (TypeInfo t : project.types()) {
      if (t.outer() == null
          && t.decl().isClassOrInterfaceDeclaration()
          && !t.decl().asClassOrInterfaceDeclaration().isInterface()) {
        classesTop.add(t);
      }
      if (t.outer() == null && t.file().cu().getTypes().size() == 1) {
        topTypes.add(t);
      }
      if (t.outer() != null && t.outer().outer() == null && staticNested(t)) {
        nestedTypes.add(t);
      }
      if (t.decl().isClassOrInterfaceDeclaration()
          && !t.decl().asClassOrInterfaceDeclaration().isInterface()) {
        for (BodyDeclaration<?> b : t.decl().getMembers()) {
          String e = element(t, b);
          if (e != null) {
            members.add(e);
          }
        }
      }
    }
    Collections.sort(members);
    classesTop.sort((a, b) -> a.fqn().compareTo(b.fqn()));
    topTypes.sort((a, b) -> a.fqn().compareTo(b.fqn()));
    nestedTypes.sort((a, b) -> a.fqn().compareTo(b.fqn()));
    List<String> pkgs =
        new ArrayList<>(
            classesTop.stream()
                .map(TypeInfo::packageName)
                .collect(Collectors.toCollection(TreeSet::new)));
    Random rnd = new Random(seed);
    Tally tally = new Tally();
    for (int i = 0; i < n; i++) {
      String line = draw(rnd, i, project, members, classesTop, topTypes, nestedTypes, pkgs);
      trial(i, line, tally);
    }
    return tally;
  }

  /**
   * Every static type nested two or more levels deep (at most {@code max}, in name order), moved
   * out to its own package: judged like the drawn moves. The drawn campaign only takes types nested
   * one level deep, so that its seed keeps drawing what it drew before.
   */
  Tally runDeeplyNested(int max) throws Exception {
    JavaProject project = JavaProject.load(List.of(src));
    graph = MoveEngine.graphOf(List.of(src));
    List<String> lines = new ArrayList<>();
    for (TypeInfo t : project.types()) {
      if (t.outer() != null && t.outer().outer() != null && staticNested(t)) {
        lines.add("move " + t.fqn() + " to " + t.packageName());
      }
    }
    Collections.sort(lines);
    Tally tally = new Tally();
    for (int i = 0; i < Math.min(max, lines.size()); i++) {
      trial(1000 + i, lines.get(i), tally);
    }
    return tally;
  }

  /**
   * {@code max} static nested types (any depth) drawn with {@code seed}, each moved directly into a
   * top-level class drawn from another file (half the time one of its own package): judged like the
   * drawn moves. A run of its own, so that the main campaign's seed keeps drawing what it drew.
   */
  Tally runNestedIntoType(int max, long seed) throws Exception {
    JavaProject project = JavaProject.load(List.of(src));
    graph = MoveEngine.graphOf(List.of(src));
    List<TypeInfo> nested = new ArrayList<>();
    List<TypeInfo> hosts = new ArrayList<>();
    for (TypeInfo t : project.types()) {
      if (t.outer() != null && staticNested(t)) {
        nested.add(t);
      }
      if (t.outer() == null
          && t.file().cu().getTypes().size() == 1
          && t.decl().isClassOrInterfaceDeclaration()
          && !t.decl().asClassOrInterfaceDeclaration().isInterface()) {
        hosts.add(t);
      }
    }
    nested.sort((a, b) -> a.fqn().compareTo(b.fqn()));
    hosts.sort((a, b) -> a.fqn().compareTo(b.fqn()));
    Random rnd = new Random(seed);
    Tally tally = new Tally();
    for (int i = 0; i < max && !nested.isEmpty(); i++) {
      TypeInfo t = nested.get(rnd.nextInt(nested.size()));
      List<TypeInfo> pool =
          rnd.nextBoolean()
              ? hosts.stream().filter(h -> h.packageName().equals(t.packageName())).toList()
              : hosts;
      List<TypeInfo> others = pool.stream().filter(h -> !h.equals(t.topLevel())).toList();
      if (others.isEmpty()) {
        others = hosts.stream().filter(h -> !h.equals(t.topLevel())).toList();
      }
      TypeInfo host = others.get(rnd.nextInt(others.size()));
      trial(2000 + i, "move " + t.fqn() + " to " + host.fqn(), tally);
    }
    return tally;
  }

  private String draw(
      Random rnd,
      int i,
      JavaProject project,
      List<String> members,
      List<TypeInfo> classesTop,
      List<TypeInfo> topTypes,
      List<TypeInfo> nestedTypes,
      List<String> pkgs) {
    int kind = rnd.nextInt(10);
    if (kind < 6 || topTypes.isEmpty() && nestedTypes.isEmpty()) {
      String element = members.get(rnd.nextInt(members.size()));
      String type = element.substring(0, element.indexOf('#'));
      TypeInfo origin = project.type(type);
      String pkg = origin.packageName();
      return "move " + element + " to " + memberDestination(rnd, i, origin, pkg, classesTop, pkgs);
    }
    if (kind < 8 || nestedTypes.isEmpty()) {
      TypeInfo t = topTypes.get(rnd.nextInt(topTypes.size()));
      if (rnd.nextBoolean()) {
        String pkg = pkgs.get(rnd.nextInt(pkgs.size()));
        if (pkg.equals(t.packageName())) {
          pkg = pkg + ".moved" + i;
        }
        return "move " + t.fqn() + " to " + pkg;
      }
      TypeInfo host = classesTop.get(rnd.nextInt(classesTop.size()));
      return "move "
          + t.fqn()
          + " to "
          + (host.equals(t) ? t.packageName() + ".moved" + i : host.fqn());
    }
    TypeInfo t = nestedTypes.get(rnd.nextInt(nestedTypes.size()));
    String pkg = rnd.nextBoolean() ? t.packageName() : pkgs.get(rnd.nextInt(pkgs.size()));
    return "move " + t.fqn() + " to " + pkg;
  }

  private static String memberDestination(
      Random rnd, int i, TypeInfo origin, String pkg, List<TypeInfo> classes, List<String> pkgs) {
    switch (rnd.nextInt(4)) {
      case 0:
        return pkg + ".Moved" + i;
      case 1:
        return pkgs.get(rnd.nextInt(pkgs.size())) + ".Moved" + i;
      case 2:
        List<TypeInfo> same =
            classes.stream().filter(c -> c.packageName().equals(pkg) && !c.equals(origin)).toList();
        return same.isEmpty() ? pkg + ".Moved" + i : same.get(rnd.nextInt(same.size())).fqn();
      default:
        TypeInfo any = classes.get(rnd.nextInt(classes.size()));
        return any.equals(origin) ? pkg + ".Moved" + i : any.fqn();
    }
  }

  private void trial(int i, String line, Tally tally) throws Exception {
    try {
      decide(i, line, tally);
    } finally {
      // The log so far, after every move: a long campaign can be followed, and read if cut short.
      Files.writeString(work.resolve(lib.name() + ".partial.log"), tally.log);
    }
  }

  private void decide(int i, String line, Tally tally) throws Exception {
    Path plan = work.resolve(lib.name()).resolve("plan-" + i);
    Files.writeString(plan, line + "\n");
    MoveEngine.Outcome o;
    long t0 = System.nanoTime();
    try {
      o =
          MoveEngine.plan(
              new MoveEngine.Request(
                  plan, List.of(src), null, null, false, Set.of(), lib.classpath(), graph));
    } catch (MoveEngine.BadInput e) {
      tally.badInput++;
      tally.badInputLines.add(line + "\n      " + e.getMessage());
      tally.log.append(String.format("%3d  bad-input  %s%n      %s%n", i, line, e.getMessage()));
      return;
    } catch (RuntimeException | Error e) {
      // An internal error of the what-if (the CLI's exit 2 with a stack trace): a defect of its
      // own,
      // counted and logged with its trace so that one move does not end the campaign.
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      tally.crashed++;
      tally.crashLines.add(line + "\n      " + e);
      tally.log.append(String.format("%3d  CRASH          %s%n      %s%n", i, line, trace));
      return;
    } finally {
      Files.deleteIfExists(plan);
      planNanos += System.nanoTime() - t0;
    }
    List<Finding> hard =
        o.blocking().stream()
            .filter(f -> !f.rule().startsWith("cycle/") && !f.rule().startsWith("layer/"))
            .toList();
    boolean design = hard.isEmpty() && !o.blocking().isEmpty();
    long t1 = System.nanoTime();
    String errors = judge(o, line);
    judgeNanos += System.nanoTime() - t1;
    boolean compiles = errors.isEmpty();
    String verdict;
    if (hard.isEmpty() && compiles) {
      tally.safeCompiled++;
      tally.safeDesignOnly += design ? 1 : 0;
      verdict = design ? "safe*" : "safe";
    } else if (hard.isEmpty()) {
      tally.safeBroken++;
      verdict = "SAFE-BUT-BROKE";
      tally.safeBrokenLines.add(line + "\n      javac: " + errors);
    } else if (!compiles) {
      tally.refusedBroken++;
      verdict = "refused";
    } else {
      tally.refusedCompiled++;
      verdict = "FALSE-REFUSAL";
      tally.falseRefusals.add(
          line + "\n      " + hard.get(0).rule() + ": " + hard.get(0).message());
    }
    tally.log.append(String.format("%3d  %-14s %s%n", i, verdict, line));
    if (!hard.isEmpty()) {
      tally
          .log
          .append("      ")
          .append(hard.get(0).rule())
          .append(": ")
          .append(hard.get(0).message())
          .append('\n');
    }
    if (!compiles) {
      tally.log.append("      javac: ").append(errors).append('\n');
    }
  }

  /** Compiles what the move can affect (see the class comment); "" when it compiles. */
  private String judge(MoveEngine.Outcome o, String line) throws Exception {
    Map<Path, String> after = new TreeMap<>();
    for (Map.Entry<Path, String> e : o.changes().result().entrySet()) {
      after.put(e.getKey().toAbsolutePath().normalize(), e.getValue());
    }
    Set<Path> deleted = new HashSet<>();
    Set<String> deletedTypes = new HashSet<>();
    for (SourceFile f : o.deletions()) {
      Path p = f.path().toAbsolutePath().normalize();
      deleted.add(p);
      String rel = src.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/');
      deletedTypes.add(rel.substring(0, rel.length() - ".java".length()));
    }
    Set<String> names = movedNames(line);
    Map<Path, String> units = new TreeMap<>(after);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".java")).toList()) {
        Path abs = p.toAbsolutePath().normalize();
        if (units.containsKey(abs) || deleted.contains(abs)) {
          continue;
        }
        String text = Files.readString(abs);
        if (names.stream().anyMatch(text::contains)) {
          units.put(abs, text);
        }
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager std =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<Path> cp = new ArrayList<>(lib.classpath());
      cp.add(0, classes);
      std.setLocationFromPaths(StandardLocation.CLASS_PATH, cp);
      std.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      JavaFileManager fm = new HidingFileManager(std, deletedTypes);
      List<JavaFileObject> objects = new ArrayList<>();
      for (Map.Entry<Path, String> e : units.entrySet()) {
        objects.add(
            new SimpleJavaFileObject(e.getKey().toUri(), JavaFileObject.Kind.SOURCE) {
              @Override
              public CharSequence getCharContent(boolean ignore) {
                return e.getValue();
              }
            });
      }
      var task =
          (com.sun.source.util.JavacTask)
              javac.getTask(
                  null, fm, diags, List.of("-proc:none", "-nowarn", "-Xlint:none"), null, objects);
      try {
        task.analyze();
      } catch (IllegalStateException e) {
        // javac's API wraps its own internal errors (an AssertionError in attribution) this way:
        // javac could not compile the result, which is the verdict; the trace goes to the log.
        java.io.StringWriter trace = new java.io.StringWriter();
        (e.getCause() == null ? e : e.getCause()).printStackTrace(new java.io.PrintWriter(trace));
        String first = firstError(diags);
        return "javac crashed"
            + (first.isEmpty() ? "" : " after " + first)
            + ": "
            + trace.toString().lines().limit(12).collect(Collectors.joining("\n        "));
      }
    }
    return firstError(diags);
  }

  /** The names a reference to what {@code line} moves must spell. */
  private static Set<String> movedNames(String line) {
    String what = line.split("\\s+")[1];
    Set<String> out = new HashSet<>();
    int hash = what.indexOf('#');
    if (hash >= 0) {
      String m = what.substring(hash + 1);
      out.add(m.contains("(") ? m.substring(0, m.indexOf('(')) : m);
    } else {
      out.add(what.substring(what.lastIndexOf('.') + 1));
    }
    return out;
  }

  private static String firstError(DiagnosticCollector<JavaFileObject> diags) {
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String file =
            d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":";
        return file
            + d.getLineNumber()
            + ": "
            + d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
      }
    }
    return "";
  }

  private static boolean staticNested(TypeInfo t) {
    TypeDeclaration<?> d = t.decl();
    boolean inInterface =
        t.outer().decl().isClassOrInterfaceDeclaration()
            && t.outer().decl().asClassOrInterfaceDeclaration().isInterface();
    boolean implicitlyStatic =
        !d.isClassOrInterfaceDeclaration() || d.asClassOrInterfaceDeclaration().isInterface();
    return d.hasModifier(Modifier.Keyword.STATIC) || implicitlyStatic || inInterface;
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

  /** Hides the class files of deleted source files (and their nested classes) from javac. */
  private static final class HidingFileManager extends ForwardingJavaFileManager<JavaFileManager> {
    private final Set<String> hidden;

    HidingFileManager(JavaFileManager fm, Set<String> hiddenBinaryPaths) {
      super(fm);
      this.hidden = hiddenBinaryPaths;
    }

    @Override
    public Iterable<JavaFileObject> list(
        Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
        throws IOException {
      Iterable<JavaFileObject> all = super.list(location, packageName, kinds, recurse);
      if (location != StandardLocation.CLASS_PATH || hidden.isEmpty()) {
        return all;
      }
      List<JavaFileObject> out = new ArrayList<>();
      for (JavaFileObject f : all) {
        String bin = inferBinaryName(location, f);
        String top = bin == null ? "" : bin.replace('.', '/');
        int dollar = top.indexOf('$');
        if (dollar >= 0) {
          top = top.substring(0, dollar);
        }
        if (!hidden.contains(top)) {
          out.add(f);
        }
      }
      return out;
    }
  }

  /** Wall seconds spent in the what-if (plan) and in javac's judging, over all trials. */
  double[] seconds() {
    return new double[] {planNanos / 1e9, judgeNanos / 1e9};
  }

  static String report(Library lib, long seed, Tally t, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%s, seed %d: %d moves drawn, %d applied and judged, %d refused as plan errors, %d crashed (%.0f s)%n"
                + "  predicted safe and compiled:      %d (of which %d blocked only by cycle/layer design rules)%n"
                + "  predicted safe and broke:         %d%n"
                + "  refused and would have compiled:  %d (false refusals)%n"
                + "  refused and would have broken:    %d%n",
            lib.name(),
            seed,
            t.tried() + t.badInput + t.crashed,
            t.tried(),
            t.badInput,
            t.crashed,
            seconds,
            t.safeCompiled,
            t.safeDesignOnly,
            t.safeBroken,
            t.refusedCompiled,
            t.refusedBroken));
    if (!t.safeBrokenLines.isEmpty()) {
      sb.append("  predicted safe but broke:\n");
      t.safeBrokenLines.forEach(l -> sb.append("  - ").append(l).append('\n'));
    }
    if (!t.falseRefusals.isEmpty()) {
      sb.append("  false refusals:\n");
      t.falseRefusals.forEach(l -> sb.append("  - ").append(l).append('\n'));
    }
    if (!t.crashLines.isEmpty()) {
      sb.append("  crashed (internal errors; the trace is in the log):\n");
      t.crashLines.forEach(l -> sb.append("  - ").append(l).append('\n'));
    }
    if (!t.badInputLines.isEmpty()) {
      sb.append("  plan errors (not applicable as written):\n");
      t.badInputLines.forEach(l -> sb.append("  - ").append(l).append('\n'));
    }
    return sb.toString();
  }
}
