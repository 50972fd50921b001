package dev.lockkit.bench.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeSet;

/**
 * Writes a synthetic Java project for the analyzer's scale benchmarks.
 *
 * <p>{@code project}: packages {@code gen.pNNN} of 20 classes each, about 200 lines per class,
 * until the requested line count is reached. Packages form groups of ten, layered like a real code
 * base: half of the references stay in their package, most of the rest point to a lower package,
 * and only in every third group do a few references point upwards within the group, so some groups
 * are package cycles and the rest is acyclic. One planted reference from package 0 to package 50
 * closes a larger cycle across groups, the kind a layering mistake creates. Each method body uses a
 * different reference form (static call, construction, local variable type, cast, instanceof, class
 * literal, method reference, generic argument) so every resolution path of the front end is
 * exercised.
 *
 * <p>{@code dense}: N packages {@code gen.dNNN}, one class each, every class calling every other:
 * N(N-1) package edges, one strongly connected group.
 *
 * <p>Usage: {@code ProjectGenerator project OUT LINES SEED} or {@code ProjectGenerator dense OUT
 * PACKAGES}. The output is a function of the arguments only.
 */
public final class ProjectGenerator {

  static final int CLASSES_PER_PACKAGE = 20;
  static final int METHODS_PER_CLASS = 16;
  static final long LINES_PER_CLASS = 263;

  private ProjectGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("project")) {
      long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
      long lines = project(Path.of(args[1]), Long.parseLong(args[2]), seed);
      System.out.printf("generated %d lines under %s%n", lines, args[1]);
    } else if (args.length == 3 && args[0].equals("dense")) {
      long lines = dense(Path.of(args[1]), Integer.parseInt(args[2]));
      System.out.printf("generated %d lines under %s%n", lines, args[1]);
    } else {
      System.err.println(
          "usage: ProjectGenerator project OUT LINES [SEED] | ProjectGenerator dense OUT PACKAGES");
      System.exit(2);
    }
  }

  /** Writes the layered project; returns the number of lines written. */
  public static long project(Path out, long targetLines, long seed) throws IOException {
    Random rnd = new Random(seed);
    long written = 0;
    int classIndex = 0;
    // The class count is fixed up front from the average class size so that references can point
    // to classes not yet written; every class of every package is written, so no reference
    // dangles and the line count lands within one package of the target.
    long perPackage = LINES_PER_CLASS * CLASSES_PER_PACKAGE;
    int packages = (int) Math.max(1, (targetLines + perPackage - 1) / perPackage);
    while (classIndex < packages * CLASSES_PER_PACKAGE) {
      int pkg = classIndex / CLASSES_PER_PACKAGE;
      int cls = classIndex % CLASSES_PER_PACKAGE;
      String text = layeredClass(rnd, pkg, cls, packages, seed);
      written += write(out, "gen/p" + pad(pkg) + "/" + name(pkg, cls) + ".java", text);
      classIndex++;
    }
    return written;
  }

  private static String layeredClass(Random rnd, int pkg, int cls, int packages, long seed) {
    int[][] targets = new int[METHODS_PER_CLASS][];
    for (int m = 0; m < METHODS_PER_CLASS; m++) {
      targets[m] = pickTarget(rnd, pkg, cls, packages);
    }
    if (pkg == 0 && cls == 0 && packages > 50) {
      targets[0] = new int[] {50, 0}; // the planted cross-group cycle
    }
    TreeSet<String> imports = new TreeSet<>();
    for (int[] t : targets) {
      if (t[0] != pkg) {
        imports.add("gen.p" + pad(t[0]) + "." + name(t[0], t[1]));
      }
    }
    String self = name(pkg, cls);
    StringBuilder b = new StringBuilder(9000);
    b.append("package gen.p").append(pad(pkg)).append(";\n\n");
    for (String i : imports) {
      b.append("import ").append(i).append(";\n");
    }
    b.append("import java.util.ArrayList;\nimport java.util.List;\n");
    b.append("import java.util.function.IntUnaryOperator;\n\n");
    b.append("/** Generated class ").append(pkg).append('.').append(cls);
    b.append(" of the scale benchmark project (seed ").append(seed).append("). */\n");
    b.append("public class ").append(self).append(" {\n");
    b.append("  private final List<Object> items = new ArrayList<>();\n");
    b.append("  private int state;\n\n");
    b.append("  /** Entry point that other classes call. */\n");
    b.append("  public static int s0(int x) {\n    return x * 31 + ")
        .append(cls)
        .append(";\n  }\n");
    for (int m = 0; m < METHODS_PER_CLASS; m++) {
      String t = name(targets[m][0], targets[m][1]);
      b.append("\n  /** Step ").append(m).append(" of the generated workload. */\n");
      b.append("  public int m").append(m).append("(int x) {\n");
      b.append("    int y = x + ").append(rnd.nextInt(100)).append(";\n");
      b.append("    if (y > ").append(rnd.nextInt(1000)).append(") {\n");
      b.append("      ").append(referenceForm(m, t)).append('\n');
      b.append("    } else {\n      y = y * 2 + state;\n    }\n");
      b.append("    for (int i = 0; i < ").append(1 + rnd.nextInt(8)).append("; i++) {\n");
      b.append("      y += i * ").append(1 + rnd.nextInt(9)).append(";\n    }\n");
      b.append("    state = y;\n    return y;\n  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  /** One statement that references class {@code t} in the m-th of eight source forms. */
  private static String referenceForm(int m, String t) {
    return switch (m % 8) {
      case 0 -> "y = " + t + ".s0(y);";
      case 1 -> "items.add(new " + t + "());";
      case 2 -> t + " other = new " + t + "(); y = other.m0(y);";
      case 3 ->
          "Object o = items.isEmpty() ? null : items.get(0); if (o instanceof " + t + ") { y++; }";
      case 4 -> "Object o = new " + t + "(); y += ((" + t + ") o).m1(y);";
      case 5 -> "y += " + t + ".class.getSimpleName().length();";
      case 6 -> "IntUnaryOperator f = " + t + "::s0; y = f.applyAsInt(y);";
      default -> "List<" + t + "> list = new ArrayList<>(); y += list.size();";
    };
  }

  private static int[] pickTarget(Random rnd, int pkg, int cls, int packages) {
    int group = pkg / 10;
    double r = rnd.nextDouble();
    int target;
    if (r < 0.5 || pkg == 0) {
      target = pkg;
    } else if (r < 0.95 || group % 3 != 0) {
      target = rnd.nextInt(pkg);
    } else {
      int lo = pkg + 1;
      int hi = Math.min(packages, (group + 1) * 10);
      target = lo < hi ? lo + rnd.nextInt(hi - lo) : rnd.nextInt(pkg);
    }
    int targetClass = rnd.nextInt(CLASSES_PER_PACKAGE);
    if (target == pkg && targetClass == cls) {
      targetClass = (cls + 1) % CLASSES_PER_PACKAGE;
    }
    return new int[] {target, targetClass};
  }

  /** Writes the dense graph; returns the number of lines written. */
  public static long dense(Path out, int packages) throws IOException {
    long written = 0;
    for (int p = 0; p < packages; p++) {
      StringBuilder b = new StringBuilder();
      b.append("package gen.d").append(pad(p)).append(";\n\n");
      for (int q = 0; q < packages; q++) {
        if (q != p) {
          b.append("import gen.d").append(pad(q)).append(".D").append(pad(q)).append(";\n");
        }
      }
      b.append("\n/** Package ").append(p).append(" of the dense graph: it uses every other. */\n");
      b.append("public final class D").append(pad(p)).append(" {\n");
      b.append("  private D").append(pad(p)).append("() {}\n\n");
      b.append("  public static int s0(int x) {\n    return x + ").append(p).append(";\n  }\n\n");
      b.append("  public static int all(int x) {\n    int y = x;\n");
      for (int q = 0; q < packages; q++) {
        if (q != p) {
          b.append("    y += D").append(pad(q)).append(".s0(y);\n");
        }
      }
      b.append("    return y;\n  }\n}\n");
      written += write(out, "gen/d" + pad(p) + "/D" + pad(p) + ".java", b.toString());
    }
    return written;
  }

  static String pad(int n) {
    return String.format("%03d", n);
  }

  private static String name(int pkg, int cls) {
    return "C" + pad(pkg) + "_" + cls;
  }

  static long write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return text.chars().filter(c -> c == '\n').count();
  }
}
