package dev.lockkit.bench.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large Kconfig feature model and a Java code base gated on it, for the gating benchmark.
 *
 * <p>The model has {@code menus x 50} bool options, one menu per subsystem. The first option of a
 * menu is its root (no dependencies, default y); every other option depends on an earlier option of
 * its menu, sometimes conjoined with or alternated against an option of another menu, so the
 * dependencies form deep trees with cross links to earlier menus, as in a kernel Kconfig. A few
 * options {@code select} the root of a later menu (always satisfiable); one planted {@code select}
 * of an option with dependencies gives one {@code kconfig/unmet-dependency}. There are far too many
 * valid configurations to enumerate, which is the point.
 *
 * <p>The code has 25 classes per menu, each with 20 gated elements: the class itself, 12 static
 * methods and 7 static fields, each with an {@code @IfConfig} of options from the class's menu.
 * Every method reads a field of its own class, guarded by {@code isEnabled} of the field's own
 * condition, and calls a method of a random class; about 97% of the calls are guarded by {@code
 * isEnabled} of exactly the callee's class and member conditions and the rest are not, which gives
 * the reference rule a realistic mix of implied and unguarded references. The project declares its
 * own {@code IfConfig} annotation and {@code Option} enum, as a user project would.
 *
 * <p>Usage: {@code FeatureModelGenerator OUT MENUS SEED}; 20 menus give 1,000 options and 10,000
 * gated elements. Writes {@code OUT/Kconfig} and sources under {@code OUT/src}.
 */
public final class FeatureModelGenerator {

  static final int OPTIONS_PER_MENU = 50;
  static final int CLASSES_PER_MENU = 25;
  static final int METHODS = 12;
  static final int FIELDS = 7;

  private FeatureModelGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: FeatureModelGenerator OUT MENUS SEED");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int menus = Integer.parseInt(args[1]);
    Random rnd = new Random(Long.parseLong(args[2]));
    int[][] parents = new int[menus][OPTIONS_PER_MENU];
    writeKconfig(out, menus, rnd, parents);
    long elements = writeCode(out.resolve("src"), menus, rnd, parents);
    System.out.printf(
        "generated %d options and %d gated elements under %s%n",
        menus * OPTIONS_PER_MENU, elements, out);
  }

  static String option(int menu, int index) {
    return String.format("M%02d_OPT%02d", menu, index);
  }

  /**
   * The model, then the code: {@code parents[m][i]} is the in-menu option that option i of menu m
   * depends on, which the code generator needs to avoid writing conditions no configuration
   * satisfies.
   */
  private static void writeKconfig(Path out, int menus, Random rnd, int[][] parents)
      throws IOException {
    StringBuilder b = new StringBuilder(200_000);
    b.append("# Generated feature model for the gating benchmark: ")
        .append(menus * OPTIONS_PER_MENU)
        .append(" options.\n\n");
    for (int m = 0; m < menus; m++) {
      b.append("menu \"Subsystem ").append(m).append("\"\n\n");
      for (int i = 0; i < OPTIONS_PER_MENU; i++) {
        b.append("config ").append(option(m, i)).append('\n');
        b.append("\tbool \"Subsystem ").append(m).append(" feature ").append(i).append("\"\n");
        if (i == 0) {
          b.append("\tdefault y\n");
        } else {
          parents[m][i] = rnd.nextInt(i);
          String parent = option(m, parents[m][i]);
          double r = rnd.nextDouble();
          if (r < 0.15 && m > 0) {
            b.append("\tdepends on ").append(parent).append(" && ");
            b.append(option(rnd.nextInt(m), rnd.nextInt(OPTIONS_PER_MENU))).append('\n');
          } else if (r < 0.25 && m > 0) {
            b.append("\tdepends on ").append(parent).append(" || ");
            b.append(option(rnd.nextInt(m), 0)).append('\n');
          } else {
            b.append("\tdepends on ").append(parent).append('\n');
          }
          if (rnd.nextDouble() < 0.3) {
            b.append("\tdefault y\n");
          }
          // Kconfig counts "X selected by Y" as X depending on Y, and depends point to earlier
          // menus, so a select must point to a later menu's root to keep the model loop-free.
          if (rnd.nextDouble() < 0.05 && m < menus - 1) {
            int later = m + 1 + rnd.nextInt(menus - m - 1);
            b.append("\tselect ").append(option(later, 0)).append('\n');
          }
        }
        if (m == 0 && i == 1 && menus > 1) {
          // Planted: select ignores the target's dependencies, as Kconfig does.
          b.append("\tselect ").append(option(menus - 1, 1)).append('\n');
        }
        b.append('\n');
      }
      b.append("endmenu\n\n");
    }
    ProjectGenerator.write(out, "Kconfig", b.toString());
  }

  private static long writeCode(Path src, int menus, Random rnd, int[][] parents)
      throws IOException {
    ProjectGenerator.write(
        src,
        "gen/config/IfConfig.java",
        "package gen.config;\n\n"
            + "import java.lang.annotation.Retention;\nimport java.lang.annotation.RetentionPolicy;\n\n"
            + "/** Presence condition of the annotated element. */\n"
            + "@Retention(RetentionPolicy.SOURCE)\npublic @interface IfConfig {\n"
            + "  String value();\n}\n");
    StringBuilder opts = new StringBuilder("package gen.config;\n\n/** Every Kconfig option. */\n");
    opts.append("public enum Option {\n");
    List<String> all = new ArrayList<>();
    for (int m = 0; m < menus; m++) {
      for (int i = 0; i < OPTIONS_PER_MENU; i++) {
        all.add("  " + option(m, i));
      }
    }
    opts.append(String.join(",\n", all)).append("\n}\n");
    ProjectGenerator.write(src, "gen/config/Option.java", opts.toString());
    ProjectGenerator.write(
        src,
        "gen/config/Cfg.java",
        "package gen.config;\n\nimport java.util.EnumSet;\n\n/** The running configuration. */\n"
            + "public final class Cfg {\n  private static final EnumSet<Option> ON ="
            + " EnumSet.noneOf(Option.class);\n\n  private Cfg() {}\n\n"
            + "  public static boolean isEnabled(Option o) {\n    return ON.contains(o);\n  }\n}\n");
    // Conditions first, so that call sites can guard on their callee's conditions.
    int classes = menus * CLASSES_PER_MENU;
    String[] classCond = new String[classes];
    String[][] methodCond = new String[classes][METHODS];
    String[][] fieldCond = new String[classes][FIELDS];
    for (int c = 0; c < classes; c++) {
      int m = c / CLASSES_PER_MENU;
      classCond[c] = option(m, 1 + rnd.nextInt(OPTIONS_PER_MENU - 1));
      for (int k = 0; k < METHODS; k++) {
        methodCond[c][k] = memberCondition(rnd, m, parents[m]);
      }
      for (int k = 0; k < FIELDS; k++) {
        fieldCond[c][k] = memberCondition(rnd, m, parents[m]);
      }
    }
    long elements = 0;
    for (int c = 0; c < classes; c++) {
      int m = c / CLASSES_PER_MENU;
      StringBuilder b = new StringBuilder(6000);
      b.append("package gen.g").append(String.format("%02d", m)).append(";\n\n");
      b.append(
          "import gen.config.Cfg;\nimport gen.config.IfConfig;\nimport gen.config.Option;\n\n");
      b.append("/** Generated driver ").append(c).append(". */\n");
      b.append("@IfConfig(\"").append(classCond[c]).append("\")\n");
      b.append("public final class ").append(className(c)).append(" {\n");
      b.append("  private ").append(className(c)).append("() {}\n");
      elements++;
      for (int k = 0; k < FIELDS; k++) {
        b.append("\n  @IfConfig(\"").append(fieldCond[c][k]).append("\")\n");
        b.append("  public static int f").append(k).append(" = ").append(k).append(";\n");
        elements++;
      }
      for (int k = 0; k < METHODS; k++) {
        int field = rnd.nextInt(FIELDS);
        int callee = rnd.nextInt(classes);
        int calleeMethod = rnd.nextInt(METHODS);
        String qualified =
            "gen.g" + String.format("%02d", callee / CLASSES_PER_MENU) + "." + className(callee);
        b.append("\n  @IfConfig(\"").append(methodCond[c][k]).append("\")\n");
        b.append("  public static int m").append(k).append("(int x) {\n");
        b.append("    int y = x;\n");
        // The field's own condition only: the class condition already holds inside the class, and
        // guarding on it again is what gate/redundant reports.
        b.append("    if (").append(isEnabled(fieldCond[c][field])).append(") {\n");
        b.append("      y += f").append(field).append(";\n    }\n");
        String call = qualified + ".m" + calleeMethod + "(y)";
        if (rnd.nextDouble() < 0.97) {
          b.append("    if (")
              .append(guard(classCond[callee], methodCond[callee][calleeMethod]))
              .append(") {\n");
          b.append("      y += ").append(call).append(";\n    }\n");
        } else {
          b.append("    y += ").append(call).append(";\n");
        }
        b.append("    return y;\n  }\n");
        elements++;
      }
      b.append("}\n");
      ProjectGenerator.write(
          src, "gen/g" + String.format("%02d", m) + "/" + className(c) + ".java", b.toString());
    }
    return elements;
  }

  /**
   * A member's own condition: usually one option of its menu, sometimes a conjunction with the
   * negation of an option that is neither its ancestor nor its descendant (either would make the
   * condition dead or plainly contradictory, which real code seldom is).
   */
  private static String memberCondition(Random rnd, int menu, int[] parents) {
    int a = 1 + rnd.nextInt(OPTIONS_PER_MENU - 1);
    double r = rnd.nextDouble();
    if (r < 0.2) {
      int b = 1 + rnd.nextInt(OPTIONS_PER_MENU - 1);
      if (b != a && !isAncestor(parents, b, a) && !isAncestor(parents, a, b)) {
        return option(menu, a) + " && !" + option(menu, b);
      }
      return option(menu, a);
    }
    if (r < 0.3) {
      return option(menu, a) + " || " + option(menu, 1 + rnd.nextInt(OPTIONS_PER_MENU - 1));
    }
    return option(menu, a);
  }

  /** Whether in-menu option {@code anc} is {@code opt} or one of its dependency ancestors. */
  private static boolean isAncestor(int[] parents, int anc, int opt) {
    for (int o = opt; ; o = parents[o]) {
      if (o == anc) {
        return true;
      }
      if (o == 0) {
        return false;
      }
    }
  }

  /** An isEnabled guard for "classCond && memberCond" written with Java operators. */
  private static String guard(String classCond, String memberCond) {
    return isEnabled(classCond) + " && (" + isEnabled(memberCond) + ")";
  }

  private static String isEnabled(String cond) {
    return cond.replaceAll("(M\\d\\d_OPT\\d\\d)", "Cfg.isEnabled(Option.$1)");
  }

  private static String className(int c) {
    return String.format("Driver%03d", c);
  }
}
