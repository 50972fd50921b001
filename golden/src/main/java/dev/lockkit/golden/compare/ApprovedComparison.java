package dev.lockkit.golden.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Two directories of approved files compared file by file (every {@code *.approved.txt} below them,
 * matched by relative path).
 *
 * @param files one comparison per file present on either side, sorted by relative path
 * @param addedKinds the kinds of line ({@link LineKinds}) that some new file has and no old file
 */
public record ApprovedComparison(List<FileComparison> files, Set<String> addedKinds) {

  private static final String SUFFIX = ".approved.txt";

  /** Copies the list. */
  public ApprovedComparison {
    files = List.copyOf(files);
    addedKinds = Collections.unmodifiableSet(new TreeSet<>(addedKinds));
  }

  /**
   * Compares the approved files below {@code oldDir} with those below {@code newDir}.
   *
   * @throws IllegalArgumentException when a directory is missing or a golden text is malformed
   * @throws UncheckedIOException when a file cannot be read
   */
  public static ApprovedComparison of(Path oldDir, Path newDir) {
    TreeMap<String, Path> olds = list(oldDir);
    TreeMap<String, Path> news = list(newDir);
    TreeSet<String> names = new TreeSet<>(olds.keySet());
    names.addAll(news.keySet());
    Map<String, String> oldTexts = new TreeMap<>();
    Map<String, String> newTexts = new TreeMap<>();
    for (String name : names) {
      oldTexts.put(name, read(olds.get(name)));
      newTexts.put(name, read(news.get(name)));
    }
    Set<String> added = kinds("new ", newTexts);
    added.removeAll(kinds("old ", oldTexts));
    List<FileComparison> out = new ArrayList<>();
    for (String name : names) {
      out.add(FileComparison.compare(name, oldTexts.get(name), newTexts.get(name), added));
    }
    return new ApprovedComparison(out, added);
  }

  /** Every kind of line in the golden texts among {@code texts}. */
  private static Set<String> kinds(String side, Map<String, String> texts) {
    Set<String> out = new TreeSet<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String text = e.getValue();
      if (text != null && GoldenText.isGoldenText(text)) {
        out.addAll(LineKinds.in(GoldenText.parse(side + e.getKey(), text)));
      }
    }
    return out;
  }

  /** Files in {@code category}. */
  public long files(FileComparison.Category category) {
    return files.stream().filter(f -> f.category() == category).count();
  }

  /** Behaviour differences over all files. */
  public int behaviourDifferences() {
    return files.stream().mapToInt(f -> f.behaviour().size()).sum();
  }

  /** Files with at least one behaviour difference. */
  public long filesWithBehaviourDifferences() {
    return files.stream().filter(f -> !f.behaviour().isEmpty()).count();
  }

  /** Files whose only differences are exploration. */
  public long explorationOnlyFiles() {
    return files(FileComparison.Category.EXPLORATION);
  }

  /**
   * Prints one line per differing file (its behaviour differences or added observations indented
   * below it), the kinds of line only the new files have, then the summary, ending with "{@code B
   * behaviour differences in N files}".
   */
  public void print(PrintWriter out) {
    for (FileComparison f : files) {
      String kind =
          switch (f.category()) {
            case IDENTICAL -> null;
            case EXPLORATION -> "exploration";
            case ADDED_OBSERVATION -> "observation";
            case ADDED_OBSERVATION_SPLIT -> "obs. split ";
            case BEHAVIOUR -> "BEHAVIOUR  ";
          };
      if (kind == null) {
        continue;
      }
      out.println(
          kind
              + " "
              + f.name()
              + (f.exploration().isEmpty() ? "" : ": " + String.join("; ", f.exploration())));
      for (String o : f.observation()) {
        out.println("    observation: " + o);
      }
      for (String b : f.behaviour()) {
        out.println("    behaviour: " + b);
      }
    }
    if (!addedKinds.isEmpty()) {
      out.println(
          "kinds of line in the new files and in no old file: " + String.join(", ", addedKinds));
    }
    out.println(
        files.size()
            + " files compared: "
            + files(FileComparison.Category.IDENTICAL)
            + " identical, "
            + explorationOnlyFiles()
            + " differ only in exploration, "
            + files(FileComparison.Category.ADDED_OBSERVATION)
            + " added observation, "
            + files(FileComparison.Category.ADDED_OBSERVATION_SPLIT)
            + " added observation (outcome split), "
            + filesWithBehaviourDifferences()
            + " differ in behaviour");
    out.println(behaviourDifferences() + " behaviour differences in " + files.size() + " files");
    out.flush();
  }

  private static TreeMap<String, Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          dir + (Files.exists(dir) ? ": is a file, not a directory" : ": no such directory"));
    }
    TreeMap<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
          .forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String read(Path p) {
    if (p == null) {
      return null;
    }
    try {
      // Line endings are not behaviour: a checkout with CRLF must compare equal to one with LF.
      return Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (java.nio.charset.CharacterCodingException e) {
      // The file's name and the problem, not "MalformedInputException: Input length = 1".
      throw new UncheckedIOException(p + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": cannot read: " + e.getMessage(), e);
    }
  }
}
