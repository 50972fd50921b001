package dev.lockkit.golden.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts the approved files of a directory into those this run checked, those it did not cover ("not
 * run here") and the obsolete ones.
 *
 * <p>Implementation overview. Only files named {@code <scenario>.<variant>.approved.txt} directly
 * in the directory are scenario golden files, where {@code <scenario>} is a scenario name
 * (lower-case letters, digits, {@code -}, {@code _}) and {@code <variant>} is {@code none} or
 * upper-case Kconfig option names joined with {@code +}. Anything else (another tool's golden file
 * such as {@code analyzer-report.approved.txt}, whose second part is not a variant, or any file in
 * a subdirectory) is not the harness's business and is never called obsolete. A scenario golden
 * file is obsolete when no scenario of that name exists any more, or when its variant is in this
 * run's matrix but the scenario's config selector excludes it, or (for a full matrix only) when its
 * options are all known to the Kconfig but form no valid configuration any more. It is "not run
 * here" when its pair belongs to another shard, or its variant is outside this run's sample
 * (pairwise) or names options this Kconfig does not know (a matrix of some other run). That keeps a
 * sharded or sampled CI job from failing on files that a sibling job checks.
 */
final class ApprovedFiles {

  /** The scenario golden file name pattern; see the class comment. */
  static final Pattern NAME =
      Pattern.compile(
          "([a-z0-9][a-z0-9_-]*)\\.(none|[A-Z0-9_]+(?:\\+[A-Z0-9_]+)*)\\.approved\\.txt");

  /**
   * The classification.
   *
   * @param obsolete files to delete (each with the reason), sorted
   * @param notRunHere files this run did not cover, sorted
   */
  record Sorted(List<String> obsolete, List<Path> obsoleteFiles, List<Path> notRunHere) {}

  private ApprovedFiles() {}

  /**
   * Classifies every scenario golden file in {@code dir}.
   *
   * @param checked the approved files of the pairs this run checked
   * @param planned the approved files of every pair of the plan (all shards)
   * @param scenarios the names of the plan's scenarios
   * @param variants the ids of this run's matrix
   * @param options the Kconfig's option names
   * @param fullMatrix whether the matrix is every valid configuration (not a sample)
   */
  static Sorted classify(
      Path dir,
      Set<Path> checked,
      Set<Path> planned,
      Set<String> scenarios,
      Set<String> variants,
      Set<String> options,
      boolean fullMatrix) {
    List<Path> obsoleteFiles = new ArrayList<>();
    List<String> obsolete = new ArrayList<>();
    List<Path> notRunHere = new ArrayList<>();
    for (Path p : list(dir)) {
      Matcher m = NAME.matcher(p.getFileName().toString());
      if (!m.matches() || checked.contains(p)) {
        continue;
      }
      String scenario = m.group(1);
      String variant = m.group(2);
      Set<String> opts =
          variant.equals("none") ? Set.of() : new HashSet<>(Arrays.asList(variant.split("\\+")));
      String reason = null;
      if (planned.contains(p)) {
        notRunHere.add(p);
        continue;
      } else if (!scenarios.contains(scenario)) {
        reason = "no scenario '" + scenario + "'";
      } else if (variants.contains(variant)) {
        reason = "the config selector of '" + scenario + "' excludes this variant";
      } else if (fullMatrix && options.containsAll(opts)) {
        reason = "not a valid configuration of the Kconfig any more";
      }
      if (reason == null) {
        notRunHere.add(p);
      } else {
        obsoleteFiles.add(p);
        obsolete.add(p.getFileName() + " (" + reason + ")");
      }
    }
    return new Sorted(obsolete, obsoleteFiles, notRunHere);
  }

  private static List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.approved.txt")) {
      ds.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }
}
