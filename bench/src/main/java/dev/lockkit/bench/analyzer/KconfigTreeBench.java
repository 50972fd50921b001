package dev.lockkit.bench.analyzer;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigOptions;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.kconfig.KconfigSymbol;
import dev.lockkit.analyzer.pc.Expr;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Loads a Kconfig tree, builds the SAT model of all its symbols, and times it; or writes a
 * kernel-shaped synthetic tree to load.
 *
 * <p>{@code KconfigTreeBench load TOP [NAME=VALUE ...]} reads {@code TOP} with undefined symbols
 * free and missing sourced files skipped (a partial copy of a tree loads), then asks the solver,
 * for every symbol, whether it can be present and whether it can be absent (the queries behind
 * {@code gate/dead} and {@code gate/redundant}). It prints one line: symbols by type, solver
 * variables, the load (parse, encoding, first SAT check) and query phases in wall and process CPU
 * milliseconds, the heap after a full GC and the process's peak resident memory.
 *
 * <p>{@code KconfigTreeBench gen OUT SYMBOLS SEED} writes {@code OUT/Kconfig} sourcing one file per
 * 100 symbols: 70% bool, 20% tristate, 5% int or string, the rest choice members in groups of four;
 * dependencies on two earlier symbols (sometimes {@code X || !X}, sometimes a comparison of an
 * int), conditional {@code select}s and {@code imply}s of promptless {@code HAVE_} symbols, {@code
 * if} blocks, menus with {@code visible if}, a {@code $(cc-option,...)} probe per file — the shape
 * of the kernel's tree.
 */
public final class KconfigTreeBench {
  private KconfigTreeBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("gen")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
      return;
    }
    if (args.length < 2 || !args[0].equals("load")) {
      System.err.println(
          "usage: KconfigTreeBench load TOP [NAME=VALUE ...] | gen OUT SYMBOLS SEED");
      System.exit(2);
    }
    KconfigOptions options =
        KconfigOptions.DEFAULT.withFreeUndefined(true).withOptionalSources(true);
    for (int i = 2; i < args.length; i++) {
      options = options.withAssignment(args[i]);
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    FeatureModel m = KconfigParser.parse(Path.of(args[1]), null, options);
    long t1 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    int dead = 0;
    int always = 0;
    for (String s : m.symbolNames()) {
      if (!m.isSatisfiable(Expr.sym(s))) {
        dead++;
      }
      if (!m.isSatisfiable(Expr.not(Expr.sym(s)))) {
        always++;
      }
    }
    long t2 = System.nanoTime();
    long cpu2 = os.getProcessCpuTime();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    long missing =
        m.findings().stream().filter(f -> f.rule().equals("kconfig/missing-source")).count();
    long unsupported =
        m.findings().stream().filter(f -> f.rule().equals("kconfig/unsupported")).count();
    System.out.printf(
        "symbols %d (bool %d, tristate %d, free %d), solver variables %d; load %d ms wall / %d ms"
            + " CPU; %d presence queries %d ms wall / %d ms CPU (never present %d, always present"
            + " %d); heap after GC %d MB, peak RSS %s; missing sources %d, unsupported %d%n",
        m.symbolNames().size(),
        m.symbolsOfType(KconfigSymbol.Type.BOOL).size(),
        m.symbolsOfType(KconfigSymbol.Type.TRISTATE).size(),
        m.symbolsOfType(KconfigSymbol.Type.UNDEFINED).size(),
        m.variables().size(),
        (t1 - t0) / 1_000_000,
        (cpu1 - cpu0) / 1_000_000,
        2 * m.symbolNames().size(),
        (t2 - t1) / 1_000_000,
        (cpu2 - cpu1) / 1_000_000,
        dead,
        always,
        heapMb,
        peakRss(),
        missing,
        unsupported);
    for (Finding f : m.findings()) {
      if (!f.rule().equals("kconfig/unmet-dependency")
          && !f.rule().equals("kconfig/missing-source")) {
        System.out.println("  " + f.rule() + " " + f.location() + ": " + f.message());
      }
    }
  }

  private static String peakRss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10) + " MB";
      }
    }
    return "unknown";
  }

  private static void generate(Path out, int symbols, long seed) throws IOException {
    Random r = new Random(seed);
    Files.createDirectories(out.resolve("sub"));
    StringBuilder top = new StringBuilder();
    top.append("mainmenu \"synthetic kernel-shaped tree\"\n");
    top.append(
        "cc-option = $(shell,$(CC) -Werror $(1) -c -x c /dev/null -o /dev/null && echo y)\n");
    top.append("config MODULES\n\tbool \"Enable loadable module support\"\n\tmodules\n");
    top.append("config EXPERT\n\tbool \"expert\"\n");
    top.append("config NR_CPUS\n\tint \"cpus\"\n\trange 2 8192\n\tdefault 64\n");
    List<String> names = new ArrayList<>(List.of("MODULES", "EXPERT"));
    List<String> tristates = new ArrayList<>();
    List<String> have = new ArrayList<>();
    int files = (symbols + 99) / 100;
    int n = 0;
    for (int f = 0; f < files; f++) {
      String file = "sub/Kconfig." + f;
      top.append("source \"").append(file).append("\"\n");
      StringBuilder k = new StringBuilder();
      k.append("menu \"subsystem ").append(f).append("\"\n");
      if (r.nextInt(4) == 0) {
        k.append("\tvisible if EXPERT\n");
      }
      k.append("config CC_HAS_FEATURE_")
          .append(f)
          .append("\n\tdef_bool $(cc-option,-mfeature")
          .append(f)
          .append(")\n");
      names.add("CC_HAS_FEATURE_" + f);
      // select and imply only target HAVE_ symbols, which no dependency reads: a target read by
      // its selector's dependencies would be a Kconfig "recursive dependency".
      k.append("config HAVE_FEATURE_").append(f).append("\n\tbool\n");
      have.add("HAVE_FEATURE_" + f);
      boolean inIf = false;
      for (int i = 0; i < 100 && n < symbols; i++, n++) {
        String name = "SYM_" + n;
        int kind = r.nextInt(100);
        if (!inIf && r.nextInt(25) == 0) {
          k.append("if ").append(pick(names, r)).append("\n");
          inIf = true;
        } else if (inIf && r.nextInt(10) == 0) {
          k.append("endif\n");
          inIf = false;
        }
        if (kind >= 95) {
          k.append("choice\n\tprompt \"choice ")
              .append(n)
              .append("\"\n\tdepends on ")
              .append(pick(names, r))
              .append("\n");
          for (int c = 0; c < 4; c++) {
            k.append("config ").append(name).append("_").append(c).append("\n\tbool \"member\"\n");
          }
          k.append("endchoice\n");
          names.add(name + "_0");
          continue;
        }
        if (kind >= 90) {
          k.append("config ")
              .append(name)
              .append("\n\t")
              .append(r.nextBoolean() ? "int" : "string")
              .append(" \"value\"\n\tdepends on ")
              .append(pick(names, r))
              .append("\n");
          continue;
        }
        boolean tristate = kind >= 70;
        k.append("config ").append(name).append("\n\t").append(tristate ? "tristate" : "bool");
        k.append(r.nextInt(3) == 0 ? "\n" : " \"" + name.toLowerCase() + "\"\n");
        String a = pick(names, r);
        String b = pick(names, r);
        switch (r.nextInt(6)) {
          case 0 ->
              k.append("\tdepends on ")
                  .append(a)
                  .append(" && (")
                  .append(b)
                  .append(" || !")
                  .append(b)
                  .append(")\n");
          case 1 -> k.append("\tdepends on ").append(a).append(" || ").append(b).append("\n");
          case 2 ->
              k.append("\tdepends on ")
                  .append(a)
                  .append(" && NR_CPUS > ")
                  .append(r.nextInt(64))
                  .append("\n");
          case 3 -> k.append("\tdepends on !").append(a).append("\n");
          default -> k.append("\tdepends on ").append(a).append("\n");
        }
        if (r.nextInt(3) == 0) {
          k.append("\tdefault ")
              .append(tristate && r.nextBoolean() ? "m" : "y")
              .append(" if ")
              .append(b)
              .append("\n");
        }
        if (r.nextInt(8) == 0) {
          k.append("\tselect ").append(pick(have, r)).append(" if ").append(b).append("\n");
        }
        if (r.nextInt(20) == 0) {
          k.append("\timply ").append(pick(have, r)).append("\n");
        }
        names.add(name);
        if (tristate) {
          tristates.add(name);
        }
      }
      if (inIf) {
        k.append("endif\n");
      }
      k.append("endmenu\n");
      Files.writeString(out.resolve(file), k.toString());
    }
    Files.writeString(out.resolve("Kconfig"), top.toString());
    System.out.println(
        "wrote "
            + out.resolve("Kconfig")
            + ": "
            + n
            + " entries in "
            + files
            + " files, "
            + tristates.size()
            + " tristates");
  }

  private static String pick(List<String> names, Random r) {
    return names.get(r.nextInt(names.size()));
  }
}
