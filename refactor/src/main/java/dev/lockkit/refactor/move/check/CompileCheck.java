package dev.lockkit.refactor.move.check;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.refactor.javac.Attribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * javac's attribution of the tree as the move would leave it, in memory, before anything is
 * written: every name the moved code uses is resolved at its new location, every reference to what
 * moved is resolved where it now points, and access (private, package-private, protected,
 * constructors), hiding and overriding are javac's own checks there. An error the tree before did
 * not have is a conflict ({@code move/compile}, or {@code move/access} when javac names an access
 * problem), so a move that would not compile is refused instead of predicted safe.
 *
 * <p>Which files: every file the move edits, creates or deletes, and every other file that spells a
 * moved name (a reference must spell it, and so must a subclass declaring a method of the same
 * name). For a type move they are attributed whole (its members are used in code that does not
 * spell its name); for member moves, new files and the files that give or receive moved code are
 * attributed whole, the others with the method bodies that spell none of the names blanked. The
 * rest of the tree is on javac's source path as declarations, with the deleted files hidden, so a
 * reference left at an old name cannot resolve.
 *
 * <p>Differential: when the tree after has errors in those files, the same files before the move
 * are attributed the same way and only the errors whose message the tree before did not have (as a
 * multiset; file and line are not compared, because a move carries code, and an error in it such as
 * a missing library, to another file) are conflicts. So a tree that does not compile without its
 * class path is still judged by what the move changes.
 */
public final class CompileCheck {

  private CompileCheck() {}

  /**
   * The conflicts of the tree after the move.
   *
   * @param spelling files that spell a moved name, with their text before the move
   * @param after the new text of every file the move edits or creates
   * @param deleted files the move deletes
   * @param whole existing files that give or receive moved code (origins, destinations, hosts)
   * @param names the names a reference to a moved element spells
   * @param allWhole attribute every file whole: a moved type's members are used in code that does
   *     not spell the type's name ({@code void f(Inner n) { return n.x; }})
   * @param javac the session the tree before was attributed in (same source and class path)
   * @param cwd where report paths are relative to
   */
  public static List<Finding> conflicts(
      Map<Path, String> spelling,
      SortedMap<Path, String> after,
      Set<Path> deleted,
      Set<Path> whole,
      Set<String> names,
      boolean allWhole,
      Attribution.Session javac,
      Path cwd) {
    Set<Path> all = new LinkedHashSet<>();
    for (Map.Entry<Path, String> e : spelling.entrySet()) {
      if (spells(e.getValue(), names)) {
        all.add(e.getKey());
      }
    }
    all.addAll(after.keySet());
    all.addAll(deleted);
    List<Attribution.Unit> unitsAfter = new ArrayList<>();
    for (Path p : all) {
      if (deleted.contains(p)) {
        continue;
      }
      String text = after.containsKey(p) ? after.get(p) : spelling.get(p);
      if (text != null) {
        unitsAfter.add(
            new Attribution.Unit(p, text, allWhole || whole(p, after, whole) ? null : names));
      }
    }
    List<Attribution.Problem> problemsAfter = Attribution.problems(javac, unitsAfter, all);
    if (problemsAfter.isEmpty()) {
      return List.of();
    }
    List<Attribution.Unit> unitsBefore = new ArrayList<>();
    for (Path p : all) {
      String text = spelling.get(p);
      if (text == null && Files.isRegularFile(p)) {
        try {
          text = Files.readString(p);
        } catch (java.io.IOException e) {
          text = null;
        }
      }
      if (text != null) {
        unitsBefore.add(
            new Attribution.Unit(p, text, allWhole || whole(p, after, whole) ? null : names));
      }
    }
    Map<String, Integer> before = new HashMap<>();
    for (Attribution.Problem pb : Attribution.problems(javac, unitsBefore, Set.of())) {
      before.merge(pb.message(), 1, Integer::sum);
    }
    List<Finding> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    for (Attribution.Problem pb : problemsAfter) {
      Integer n = before.get(pb.message());
      if (n != null && n > 0) {
        before.put(pb.message(), n - 1);
        continue;
      }
      String rule = isAccess(pb.message()) ? "move/access" : "move/compile";
      String shown = display(pb.file(), cwd);
      if (keys.add(rule + "|" + shown + "|" + pb.message())) {
        out.add(
            Finding.of(
                rule,
                Severity.ERROR,
                new Location(shown, (int) pb.line(), 0),
                "after the move javac reports: " + pb.message(),
                shown + ": " + pb.message()));
      }
    }
    out.sort(Finding.ORDER);
    return out;
  }

  /**
   * Files the move creates, and those that give or receive moved code, are attributed whole; the
   * others only in the bodies that spell a moved name: an edit there is a reference, and a
   * reference spells the name (after the move too), so the other bodies neither change nor mean
   * anything new.
   */
  private static boolean whole(Path p, Map<Path, String> after, Set<Path> whole) {
    return whole.contains(p) || after.containsKey(p) && !Files.exists(p);
  }

  private static boolean spells(String text, Set<String> names) {
    for (String n : names) {
      if (text.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** javac's access diagnostics (compiler.err.report.access, not.def.public, ...). */
  static boolean isAccess(String message) {
    return message.contains(" has private access")
        || message.contains(" has protected access")
        || message.contains("is not public in")
        || message.contains("cannot be accessed from outside package")
        || message.contains("is defined in an inaccessible class or interface")
        || message.contains("not visible");
  }

  private static String display(Path p, Path cwd) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }
}
