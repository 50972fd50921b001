package dev.lockkit.bench.migrate;

import spoon.Launcher;
import spoon.reflect.CtModel;
import spoon.reflect.declaration.CtType;

/**
 * The baseline of the migrate benchmark: Spoon 11.5.0 builds its model of the sources (JDT parse
 * and attribution of every file, then the Spoon model), with the same class path the migration
 * gets, and nothing else. Usage: {@code SpoonModel SRC [JAR...]}.
 */
public final class SpoonModel {

  private SpoonModel() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: SpoonModel SRC [JAR...]");
      System.exit(2);
    }
    long start = System.nanoTime();
    Launcher launcher = new Launcher();
    launcher.addInputResource(args[0]);
    String[] cp = new String[args.length - 1];
    System.arraycopy(args, 1, cp, 0, cp.length);
    launcher.getEnvironment().setSourceClasspath(cp);
    launcher.getEnvironment().setComplianceLevel(17);
    launcher.getEnvironment().setCommentEnabled(true);
    // With the dependencies on the class path every type resolves; noclasspath only keeps a
    // missing one from aborting the baseline.
    launcher.getEnvironment().setNoClasspath(true);
    CtModel model = launcher.buildModel();
    int types = model.getAllTypes().size();
    long methods = model.getAllTypes().stream().mapToLong(t -> methods(t)).sum();
    System.out.printf(
        "spoon-model: %d top-level types, %d methods, %.0f ms in-process%n",
        types, methods, (System.nanoTime() - start) / 1e6);
  }

  private static long methods(CtType<?> t) {
    return t.getMethods().size();
  }
}
