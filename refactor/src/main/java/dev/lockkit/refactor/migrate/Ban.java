package dev.lockkit.refactor.migrate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.lockkit.analyzer.io.OutputException;
import dev.lockkit.analyzer.io.OutputFiles;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import dev.lockkit.refactor.migrate.template.Template;
import dev.lockkit.refactor.migrate.template.TemplateSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --ban}: after a migration, forbid the old API in the analyzer's rules file, the Java
 * equivalent of the kernel renaming {@code mmap_sem} so that leftovers fail to build.
 *
 * <p>One line per member the before templates name, in the rules file's {@code ban} directive,
 * which the analyzer enforces as {@code api/forbidden}:
 *
 * <pre>
 * ban dev.lockkit.lockcore.sync.RwSemaphore#downRead allow dev.lockkit.lockcore.mmaplock.** ...
 * </pre>
 *
 * A method or field is banned by name (all overloads: the directive has no signatures), which
 * covers method references too; a constructor as {@code ban TYPE#new}, which the analyzer applies
 * to {@code new TYPE(...)} and {@code TYPE::new} only (banning the type would flag the migrated
 * code too: {@code new Integer(x)} becomes {@code Integer.valueOf(x)}). Each line's allow-list
 * holds the packages that may keep using that member, taken from the rules that name it only
 * (another rule's packages would let its callers keep this member's old API): the packages
 * declaring the old API those rules name, those of their replacement API (the outermost call or
 * {@code new} of the after template: the new API is built on the old one) and any {@code
 * --ban-allow} patterns. A type in the unnamed package, and an array's own members ({@code clone()}
 * of {@code T[]}), have no package a pattern could name, so they add none. The new text is parsed
 * with the analyzer's own rules-file parser before anything is written, so the file stays valid;
 * lines already present are not added twice. The file is written through the analyzer's {@link
 * OutputFiles} (atomically, keeping its mode).
 */
final class Ban {

  private Ban() {}

  /**
   * What {@code --ban} will append, checked before anything of the run is written: the new text
   * parses with the analyzer's own parser and the file can be written. {@link #write()} appends it.
   */
  static final class Plan {
    private final Path rulesFile;
    private final String existing;
    private final String text;
    private final String message;

    private Plan(Path rulesFile, String existing, String text, String message) {
      this.rulesFile = rulesFile;
      this.existing = existing;
      this.text = text;
      this.message = message;
    }

    /** Appends the rules (nothing when every line is already there); returns the summary. */
    String write() throws MigrationException {
      if (text.isEmpty()) {
        return message;
      }
      try {
        OutputFiles.write(rulesFile, existing + text);
      } catch (OutputException e) {
        throw new MigrationException("--ban: " + e.getMessage());
      }
      return message;
    }
  }

  /** Appends the rules; returns a one-line summary for the user. */
  static String append(Path rulesFile, TemplateSet templates, List<String> extraAllow)
      throws MigrationException {
    return plan(rulesFile, templates, extraAllow).write();
  }

  /** Computes and checks the lines to append, writing nothing. */
  static Plan plan(Path rulesFile, TemplateSet templates, List<String> extraAllow)
      throws MigrationException {
    Map<String, Set<String>> allowByTarget = new TreeMap<>();
    for (Rule r : templates.rules()) {
      Set<String> owners = new TreeSet<>();
      r.named().forEach(ref -> owners.add(ref.owner()));
      r.after().ifPresent(a -> owners.addAll(replacementOwners(a)));
      for (Ref ref : r.named()) {
        Set<String> allow = allowByTarget.computeIfAbsent(target(ref), t -> new TreeSet<>());
        allow.addAll(extraAllow);
        for (String owner : owners) {
          String pkg = packageOf(owner);
          if (!pkg.isEmpty()) {
            allow.add(pkg + ".**");
          }
        }
      }
    }
    Map<String, String> lineByTarget = new TreeMap<>();
    allowByTarget.forEach(
        (t, allow) ->
            lineByTarget.put(
                t, "ban " + t + (allow.isEmpty() ? "" : " allow " + String.join(" ", allow))));
    try {
      if (Files.isDirectory(rulesFile)) {
        throw new MigrationException("--ban " + rulesFile + ": is a directory");
      }
      String existing =
          Files.exists(rulesFile) ? Files.readString(rulesFile, StandardCharsets.UTF_8) : "";
      if (lineByTarget.isEmpty()) {
        return new Plan(
            rulesFile,
            existing,
            "",
            "lockkit migrate: --ban: the templates name no method, field or constructor a rule"
                + " can forbid; "
                + rulesFile
                + " is unchanged");
      }
      // A member the file already bans keeps the user's line and allow-list: a second line for
      // it would only disagree with the first.
      Set<String> banned = new TreeSet<>();
      existing
          .lines()
          .map(String::strip)
          .filter(l -> l.startsWith("ban "))
          .forEach(l -> banned.add(l.substring(4).strip().split("\\s+")[0]));
      StringBuilder add = new StringBuilder();
      int added = 0;
      for (Map.Entry<String, String> e : lineByTarget.entrySet()) {
        if (!banned.contains(e.getKey())) {
          add.append(e.getValue()).append('\n');
          added++;
        }
      }
      if (add.length() == 0) {
        RulesFile.parse(existing, rulesFile.toString());
        return new Plan(
            rulesFile,
            existing,
            "",
            "lockkit migrate: --ban: " + rulesFile + " already forbids the old API");
      }
      String text =
          (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n")
              + "\n# api/forbidden: the old API migrated by "
              + templates.displayPath()
              + " (lockkit migrate --ban)\n"
              + add;
      RulesFile.parse(existing + text, rulesFile.toString());
      OutputFiles.check(rulesFile);
      return new Plan(
          rulesFile,
          existing,
          text,
          "lockkit migrate: --ban: " + added + " api/forbidden rule(s) added to " + rulesFile);
    } catch (RulesException e) {
      throw new MigrationException("--ban: " + e.getMessage());
    } catch (OutputException e) {
      throw new MigrationException("--ban: " + e.getMessage());
    } catch (IOException e) {
      throw new MigrationException("--ban " + rulesFile + ": cannot read: " + e.getMessage());
    }
  }

  /** {@code Type#member} for a method or field, {@code Type#new} for a constructor. */
  static String target(Ref ref) {
    return ref.owner() + "#" + (ref.kind() == Ref.Kind.CONSTRUCTOR ? "new" : ref.name());
  }

  /** Owners of the outermost call or construction of each statement of an after template. */
  private static Set<String> replacementOwners(Template after) {
    Set<String> out = new TreeSet<>();
    for (Node n : after.body()) {
      Node e = n;
      if (e instanceof ExpressionStmt s) {
        e = s.getExpression();
      } else if (e instanceof ReturnStmt r && r.getExpression().isPresent()) {
        e = r.getExpression().get();
      }
      while (e instanceof EnclosedExpr p) {
        e = p.getInner();
      }
      Ref ref = after.refs().get(e);
      if (ref != null && (ref.kind() == Ref.Kind.METHOD || ref.kind() == Ref.Kind.CONSTRUCTOR)) {
        out.add(ref.owner());
      }
    }
    return out;
  }

  private static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
