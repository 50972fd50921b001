package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a file that gains text refers to types, and which imports it gains for that.
 *
 * <p>{@link #refer} answers "what do I write here to mean type X": the simple name when the file
 * already resolves it to X, or when a new single-type import can make it do so without changing the
 * meaning of any simple name the file already uses; otherwise the qualified name. Imports are only
 * ever single-type or single-static imports (never a wildcard) and are inserted at their sorted
 * position among the existing ones, so the diff shows one added line per import.
 */
public final class ImportPlan {

  /**
   * What a simple type name means at a place: {@code known} false when nobody could say (javac was
   * not asked about that name there), which makes {@link #refer} write the full name rather than
   * guess; else {@code fqn}, null when the name means nothing there.
   */
  public record Meaning(boolean known, String fqn) {
    static final Meaning UNKNOWN = new Meaning(false, null);

    static Meaning of(String fqn) {
      return new Meaning(true, fqn);
    }
  }

  /** What a simple type name means at a place of an existing file, by javac. */
  public interface Meanings {
    Meaning at(ParsedFile f, String simple, Node ctx);
  }

  private final JavaProject project;
  private final ParsedFile file; // null for a file this move creates
  private final Meanings meanings;
  private final Node context;
  private final String pkg;
  private final String newTypeFqn;
  private final Map<String, String> added = new TreeMap<>(); // simple -> fqn
  private final TreeSet<String> addedStatic = new TreeSet<>();

  /** For an existing file; {@code context} is where new text will sit (or null for top level). */
  public ImportPlan(JavaProject project, ParsedFile file, Node context, Meanings meanings) {
    this.project = project;
    this.file = file;
    this.meanings = meanings;
    this.context = context;
    this.pkg = file.packageName();
    this.newTypeFqn = null;
  }

  /** For a file to be created, declaring {@code newTypeFqn}. */
  public ImportPlan(JavaProject project, String newTypeFqn) {
    this.project = project;
    this.file = null;
    this.meanings = null;
    this.context = null;
    int dot = newTypeFqn.lastIndexOf('.');
    this.pkg = dot < 0 ? "" : newTypeFqn.substring(0, dot);
    this.newTypeFqn = newTypeFqn;
  }

  public ParsedFile file() {
    return file;
  }

  /**
   * What a simple name means in this file now, including imports planned so far. In an existing
   * file javac answers ({@link Meanings}); a file this move creates has no imports yet, so a name
   * there means its own type, a type of its package (the project's type list) or {@code
   * java.lang}'s.
   */
  private Meaning meaning(String simple, Node ctx) {
    if (added.containsKey(simple)) {
      return Meaning.of(added.get(simple));
    }
    if (file != null) {
      return meanings.at(file, simple, ctx != null ? ctx : context);
    }
    if (newTypeFqn.endsWith("." + simple) || newTypeFqn.equals(simple)) {
      return Meaning.of(newTypeFqn);
    }
    String same = pkg.isEmpty() ? simple : pkg + "." + simple;
    if (project.type(same) != null) {
      return Meaning.of(same);
    }
    return Meaning.of(javaLang(simple) ? "java.lang." + simple : null);
  }

  /** True if {@code java.lang} has a public top-level class of that name in the running JDK. */
  private static boolean javaLang(String simple) {
    try {
      Class.forName("java.lang." + simple, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The text to write for type {@code fqn} at {@code ctx}, importing it when that is safe. */
  public String refer(String fqn, Node ctx) {
    String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
    Meaning now = meaning(simple, ctx);
    if (!now.known()) {
      return fqn; // the full name means the type wherever it is written
    }
    if (fqn.equals(now.fqn())) {
      return simple;
    }
    if (now.fqn() != null || fqn.indexOf('.') < 0) {
      return fqn;
    }
    if (fqn.substring(0, fqn.lastIndexOf('.')).equals(pkg)) {
      return simple; // a new type of this file's own package: visible without an import
    }
    added.put(simple, fqn);
    return simple;
  }

  /** The text for type {@code fqn} in Javadoc: simple only when already visible, never imported. */
  public String referInJavadoc(String fqn, Node ctx) {
    String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
    return fqn.equals(meaning(simple, ctx).fqn()) ? simple : fqn;
  }

  /** True if the simple name {@code simple} resolves to {@code fqn} here. */
  public boolean sees(String simple, String fqn) {
    return fqn.equals(meaning(simple, null).fqn());
  }

  /**
   * Plans {@code import fqn;} without asking what the simple name means now: for a type that moves
   * out of this file's package, whose simple name resolves here today only through the package.
   */
  public void forceImport(String fqn) {
    added.put(fqn.substring(fqn.lastIndexOf('.') + 1), fqn);
  }

  /** True if the file has {@code import static owner.member;}. */
  public boolean hasStaticSingle(String owner, String member) {
    return file != null && hasStatic(owner + "." + member, false);
  }

  /** Plans {@code import static owner.member;} unless the file already has it. */
  public void addStatic(String owner, String member) {
    if (file != null && (hasStatic(owner + "." + member, false) || hasStatic(owner, true))) {
      return;
    }
    addedStatic.add(owner + "." + member);
  }

  /** True if the file has the static import line {@code import static name;} (or {@code .*}). */
  private boolean hasStatic(String name, boolean onDemand) {
    return file.cu().getImports().stream()
        .anyMatch(
            d -> d.isStatic() && d.isAsterisk() == onDemand && d.getNameAsString().equals(name));
  }

  public Map<String, String> addedImports() {
    return added;
  }

  public TreeSet<String> addedStaticImports() {
    return addedStatic;
  }

  /** The import block of a new file: static imports, a blank line, type imports. */
  public String importBlock() {
    StringBuilder sb = new StringBuilder();
    for (String s : addedStatic) {
      sb.append("import static ").append(s).append(";\n");
    }
    if (!addedStatic.isEmpty() && !added.isEmpty()) {
      sb.append('\n');
    }
    for (String fqn : new TreeSet<>(added.values())) {
      if (!samePackage(fqn)) {
        sb.append("import ").append(fqn).append(";\n");
      }
    }
    return sb.toString();
  }

  private boolean samePackage(String fqn) {
    int dot = fqn.lastIndexOf('.');
    return dot >= 0 && fqn.substring(0, dot).equals(pkg) && project.type(fqn) != null;
  }

  /**
   * Insertions for an existing file: {offset, text} pairs, each new import at its sorted position
   * (several at one position merged into one insertion, as the change set requires).
   */
  public Map<Integer, String> insertions() {
    Map<Integer, String> out = new TreeMap<>();
    if (file == null) {
      return out;
    }
    List<ImportDeclaration> statics = new ArrayList<>();
    List<ImportDeclaration> plain = new ArrayList<>();
    for (ImportDeclaration d : file.cu().getImports()) {
      (d.isStatic() ? statics : plain).add(d);
    }
    for (String s : addedStatic) {
      place(out, statics, plain, "import static " + s + ";\n", s, true);
    }
    for (String fqn : new TreeSet<>(added.values())) {
      place(out, plain, statics, "import " + fqn + ";\n", fqn, false);
    }
    return out;
  }

  private void place(
      Map<Integer, String> out,
      List<ImportDeclaration> same,
      List<ImportDeclaration> other,
      String line,
      String name,
      boolean isStatic) {
    String text = file.source().text();
    for (ImportDeclaration d : same) {
      if (d.getNameAsString().compareTo(name) > 0) {
        out.merge(lineStart(text, file.begin(d)), line, String::concat);
        return;
      }
    }
    if (!same.isEmpty()) {
      out.merge(lineEnd(text, file.end(same.get(same.size() - 1))), line, String::concat);
    } else if (!other.isEmpty()) {
      if (isStatic) {
        out.merge(lineStart(text, file.begin(other.get(0))), line + "\n", (a, b) -> b + a);
      } else {
        // One blank line before the new group, not before each import in it.
        out.merge(
            lineEnd(text, file.end(other.get(other.size() - 1))), "\n" + line, (a, b) -> a + line);
      }
    } else if (file.cu().getPackageDeclaration().isPresent()) {
      int at = lineEnd(text, file.end(file.cu().getPackageDeclaration().get()));
      // Statics come first (see insertions()); a blank line between them and the type imports.
      out.merge(
          at,
          "\n" + line,
          (a, b) ->
              a
                  + (!isStatic
                          && a.substring(a.lastIndexOf('\n', a.length() - 2) + 1)
                              .startsWith("import static ")
                      ? "\n"
                      : "")
                  + line);
    } else {
      out.merge(0, line + "\n", String::concat);
    }
  }

  static int lineStart(String text, int offset) {
    int i = offset;
    while (i > 0 && text.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  static int lineEnd(String text, int offset) {
    int i = offset;
    while (i < text.length() && text.charAt(i) != '\n') {
      i++;
    }
    return Math.min(i + 1, text.length());
  }
}
