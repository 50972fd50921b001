package dev.lockkit.refactor.migrate;

import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import dev.lockkit.refactor.migrate.template.TemplateSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --ban}: after a migration, forbid the old API in the analyzer's rules file, the Java
 * equivalent of the kernel renaming {@code mmap_sem} so that leftovers fail to build.
 *
 * <p>One {@code forbid-api} line per member the before templates name, in the rules file's
 * line-oriented syntax ({@code refactor/MIGRATE.md} documents it):
 *
 * <pre>
 * forbid-api dev.lockkit.lockcore.sync.RwSemaphore#down_read() allow dev.lockkit.lockcore.sync.**
 * </pre>
 *
 * A member is {@code Type#method(ParamTypes)}, {@code Type#field} or {@code Type#<init>}; the
 * allow-list holds the packages that may keep using it: the package declaring it (the old API's own
 * implementation), the packages of what the after templates call (the new API is built on the old
 * one) and any {@code --ban-allow} patterns. Lines already present are not added twice, so a second
 * run leaves the file unchanged.
 */
final class Ban {

  private Ban() {}

  /** Appends the rules; returns a one-line summary for the user. */
  static String append(Path rulesFile, TemplateSet templates, List<String> extraAllow)
      throws MigrationException {
    Set<String> allow = new TreeSet<>(extraAllow);
    Set<String> members = new TreeSet<>();
    for (Rule r : templates.rules()) {
      for (Ref ref : r.named()) {
        members.add(member(ref));
        allow.add(packageOf(ref.owner()) + ".**");
      }
      r.after()
          .ifPresent(
              a ->
                  a.refs().values().stream()
                      .filter(ref -> ref.kind() == Ref.Kind.METHOD || ref.kind() == Ref.Kind.FIELD)
                      .forEach(ref -> allow.add(packageOf(ref.owner()) + ".**")));
    }
    List<String> lines = new ArrayList<>();
    for (String m : members) {
      lines.add("forbid-api " + m + " allow " + String.join(" ", allow));
    }
    try {
      String existing =
          Files.exists(rulesFile) ? Files.readString(rulesFile, StandardCharsets.UTF_8) : "";
      StringBuilder add = new StringBuilder();
      for (String l : lines) {
        if (!existing.lines().anyMatch(l::equals)) {
          add.append(l).append('\n');
        }
      }
      if (add.length() == 0) {
        return "lockkit migrate: --ban: " + rulesFile + " already forbids the old API";
      }
      String header =
          (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n")
              + "\n# api/forbidden: the old API migrated by "
              + templates.displayPath()
              + " (lockkit migrate --ban)\n";
      Files.writeString(
          rulesFile,
          header + add,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return "lockkit migrate: --ban: "
          + lines.size()
          + " api/forbidden rule(s) added to "
          + rulesFile;
    } catch (IOException e) {
      throw new MigrationException("--ban " + rulesFile + ": cannot write: " + e.getMessage());
    }
  }

  static String member(Ref ref) {
    return switch (ref.kind()) {
      case METHOD -> ref.owner() + "#" + ref.name() + ref.signature();
      case CONSTRUCTOR -> ref.owner() + "#<init>";
      default -> ref.owner() + "#" + ref.name();
    };
  }

  private static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
