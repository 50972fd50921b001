package dev.lockkit.bench.proc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the commands of a spec file in rounds (A B C, A B C, ...) and prints a Markdown table.
 *
 * <p>Interleaving matters more than repetition here: on a shared 2-core machine the load drifts
 * over minutes, so each ratio is taken within one round, between commands that ran seconds apart,
 * and the table shows the median of those per-round ratios against the first command.
 *
 * <p>Spec lines are {@code label | exit codes | command}; the command is split on blanks (paths
 * must not contain any), {@code #} starts a comment. In a command, {@code {gclog}} becomes a fresh
 * file path, so {@code -Xlog:gc:file={gclog}} lets the table report the largest heap occupancy seen
 * at any GC. Peak RSS and CPU time (user + system, all threads) come from {@code /usr/bin/time}
 * when the machine has it; CPU time is the figure least moved by other processes' load, so the
 * table gives its ratios too. A command that exits with a code not in its list makes the whole run
 * fail: a crashed run is not a time.
 *
 * <p>Usage: {@code ProcessBench SPEC ROUNDS LOGDIR}.
 */
public final class ProcessBench {

  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Path TIME = Path.of("/usr/bin/time");

  private ProcessBench() {}

  record Command(String label, List<Integer> exits, List<String> argv) {}

  record Sample(double seconds, double cpuSeconds, long rssKb, long heapMb, String lastLine) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ProcessBench SPEC ROUNDS LOGDIR");
      System.exit(2);
    }
    List<Command> commands = parseSpec(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    Path logs = Files.createDirectories(Path.of(args[2]));
    List<List<Sample>> samples = new ArrayList<>();
    commands.forEach(c -> samples.add(new ArrayList<>()));
    for (int r = 1; r <= rounds; r++) {
      for (int i = 0; i < commands.size(); i++) {
        Sample s = run(commands.get(i), r, logs);
        samples.get(i).add(s);
        System.err.printf(
            Locale.ROOT,
            "round %d  %-28s %8.2f s  %8.2f s cpu  %7d MB rss  | %s%n",
            r,
            commands.get(i).label(),
            s.seconds(),
            s.cpuSeconds(),
            s.rssKb() / 1024,
            s.lastLine());
      }
    }
    printTable(commands, samples, rounds);
  }

  static List<Command> parseSpec(Path spec) throws IOException {
    List<Command> out = new ArrayList<>();
    for (String line : Files.readAllLines(spec, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] parts = t.split("\\s*\\|\\s*", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("spec line needs 'label | exits | command': " + line);
      }
      List<Integer> exits = Arrays.stream(parts[1].split(",")).map(Integer::valueOf).toList();
      out.add(new Command(parts[0], exits, List.of(parts[2].split("\\s+"))));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no commands in " + spec);
    }
    return out;
  }

  static Sample run(Command c, int round, Path logs) throws IOException, InterruptedException {
    String stem = c.label().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + round;
    Path log = logs.resolve(stem + ".log");
    Path gc = logs.resolve(stem + ".gc");
    Path rss = logs.resolve(stem + ".rss");
    Files.deleteIfExists(gc);
    List<String> argv = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      argv.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", rss.toString()));
    }
    for (String a : c.argv()) {
      argv.add(a.replace("{gclog}", gc.toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    long start = System.nanoTime();
    int code = pb.start().waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> out = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    if (!c.exits().contains(code)) {
      throw new IllegalStateException(
          c.label() + " exited " + code + " (see " + log + "): " + tail(out, 5));
    }
    double[] usage = timed ? lastUsage(Files.readAllLines(rss)) : new double[] {-1, -1};
    return new Sample(seconds, usage[1], (long) usage[0], peakHeapMb(gc), tail(out, 1));
  }

  private static String tail(List<String> lines, int n) {
    return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size())).strip();
  }

  /** Peak RSS in KB and user+system CPU seconds from time's "%M %U %S" line; -1 if absent. */
  private static double[] lastUsage(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String l = lines.get(i).strip();
      if (l.matches("\\d+ [0-9.]+ [0-9.]+")) {
        String[] f = l.split(" ");
        return new double[] {
          Long.parseLong(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2])
        };
      }
    }
    return new double[] {-1, -1};
  }

  /** The largest "before" occupancy over all GC lines; -1 when there is no log or no GC. */
  static long peakHeapMb(Path gcLog) throws IOException {
    if (!new File(gcLog.toString()).isFile()) {
      return -1;
    }
    long peak = -1;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.ISO_8859_1)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
    }
    return peak;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static void printTable(List<Command> commands, List<List<Sample>> samples, int rounds) {
    System.out.println(
        "| command | median wall s | min wall s | wall ratio to "
            + commands.get(0).label()
            + " (median of per-round ratios) | median CPU s (user+sys) | CPU ratio"
            + " | peak RSS MB | max heap at GC MB | last output line |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (int i = 0; i < commands.size(); i++) {
      List<Sample> s = samples.get(i);
      double[] secs = s.stream().mapToDouble(Sample::seconds).toArray();
      double[] cpu = s.stream().mapToDouble(Sample::cpuSeconds).toArray();
      double[] ratios = new double[rounds];
      double[] cpuRatios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratios[r] = s.get(r).seconds() / samples.get(0).get(r).seconds();
        cpuRatios[r] = s.get(r).cpuSeconds() / samples.get(0).get(r).cpuSeconds();
      }
      long rss = s.stream().mapToLong(Sample::rssKb).max().orElse(-1);
      long heap = s.stream().mapToLong(Sample::heapMb).max().orElse(-1);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f | %s | %s | %s | %s | %s |%n",
          commands.get(i).label(),
          median(secs),
          Arrays.stream(secs).min().orElse(0),
          median(ratios),
          cpu[0] < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", median(cpu)),
          cpu[0] < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", median(cpuRatios)),
          rss < 0 ? "n/a" : Long.toString(rss / 1024),
          heap < 0 ? "n/a" : Long.toString(heap),
          s.get(s.size() - 1).lastLine().replace("|", "/"));
    }
  }
}
