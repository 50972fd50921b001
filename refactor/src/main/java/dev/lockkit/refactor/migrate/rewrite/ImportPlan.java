package dev.lockkit.refactor.migrate.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.refactor.edit.ChangeSet;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.source.UnicodeEscapes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The imports of one file as a migration changes them.
 *
 * <p>Implementation overview. {@link #nameFor} decides how a type the after template names is
 * spelled in this file: by its simple name when that already means the type (imported, same
 * package, {@code java.lang}) or can be made to mean it by adding a single-type import without
 * clashing (another import, a type declared in the file or its package, or a {@code java.lang} type
 * of that name); fully qualified otherwise. Imports to add are emitted as one insertion per
 * position, in sorted position among the existing imports, because two insertions at one offset
 * would conflict in a {@link ChangeSet}. A single-type or single-static import is removed only if
 * it imports a type or a static member the before templates name, the file used its simple name
 * before the rewrite, and no word of that name is left afterwards outside the imports (comments
 * included: a conservative test that keeps an import a Javadoc link still needs).
 */
public final class ImportPlan {

  private final SourceFile file;
  private final CompilationUnit cu;
  private final String pkg;
  private final Set<String> samePackageTypes;
  private final Map<String, String> imported = new LinkedHashMap<>();
  private final Set<String> declared = new TreeSet<>();
  private final Map<String, String> decided = new LinkedHashMap<>();
  private final Set<String> toAdd = new TreeSet<>();

  /**
   * @param samePackageTypes qualified names of the types of the analysed tree, to detect a clash
   *     with a type of this file's package declared in another file
   */
  public ImportPlan(SourceFile file, CompilationUnit cu, Set<String> samePackageTypes) {
    this.file = file;
    this.cu = cu;
    this.pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    this.samePackageTypes = samePackageTypes;
    for (ImportDeclaration i : cu.getImports()) {
      if (!i.isStatic() && !i.isAsterisk()) {
        imported.put(i.getName().getIdentifier(), i.getNameAsString());
      }
    }
    for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
      declared.add(t.getNameAsString());
    }
  }

  /** How to spell {@code qualified} in this file; records an import to add when needed. */
  public String nameFor(String qualified) {
    String d = decided.get(qualified);
    if (d != null) {
      return d;
    }
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    String owner =
        qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
    String spelled;
    String already = imported.get(simple);
    if (already != null) {
      spelled = already.equals(qualified) ? simple : qualified;
    } else if (declared.contains(simple)) {
      spelled = declaredHere(qualified) ? simple : qualified;
    } else if (owner.equals(pkg) || qualified.equals("java.lang." + simple)) {
      spelled = simple;
    } else if (samePackageTypes.contains(pkg.isEmpty() ? simple : pkg + "." + simple)
        || isJavaLang(simple)
        || decidedSimple(simple)) {
      spelled = qualified;
    } else {
      toAdd.add(qualified);
      spelled = simple;
    }
    decided.put(qualified, spelled);
    return spelled;
  }

  /** True if another type of this simple name is already spelled simply in this file. */
  private boolean decidedSimple(String simple) {
    return decided.containsValue(simple);
  }

  private boolean declaredHere(String qualified) {
    for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
      if (t.getFullyQualifiedName().map(qualified::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJavaLang(String simple) {
    try {
      Class.forName("java.lang." + simple, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Records the import edits: additions, and removals of imports of {@code oldTypes} (types and
   * static members) that {@code rewritten} (this file's text after the site edits) no longer uses.
   */
  public void emit(ChangeSet changes, String rewritten, Collection<String> oldTypes) {
    List<ImportDeclaration> plain = new ArrayList<>();
    List<ImportDeclaration> single = new ArrayList<>();
    ImportDeclaration lastStatic = null;
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) {
        lastStatic = i;
      } else {
        plain.add(i);
      }
      if (!i.isAsterisk()) {
        single.add(i);
      }
    }
    Map<Integer, StringBuilder> inserts = new LinkedHashMap<>();
    for (String q : toAdd) {
      int at;
      String text = "import " + q + ";\n";
      ImportDeclaration before =
          plain.stream().filter(i -> i.getNameAsString().compareTo(q) > 0).findFirst().orElse(null);
      if (before != null) {
        at = lineStart(before);
      } else if (!plain.isEmpty()) {
        at = lineEnd(plain.get(plain.size() - 1));
      } else if (lastStatic != null) {
        at = lineEnd(lastStatic);
        text = "\n" + text;
      } else if (cu.getPackageDeclaration().isPresent()) {
        at = end(cu.getPackageDeclaration().get());
        text = "\n\n" + text.substring(0, text.length() - 1);
      } else {
        at = 0;
        text = text + "\n";
      }
      inserts.computeIfAbsent(at, k -> new StringBuilder()).append(text);
    }
    inserts.forEach((at, text) -> changes.insert(file, at, text.toString()));
    // Names as javac reads them: a use spelled with Unicode escapes (\u006dax) still needs its
    // import.
    String originalBody = UnicodeEscapes.decode(withoutImports(file.text()));
    String newBody = UnicodeEscapes.decode(withoutImports(rewritten));
    for (ImportDeclaration i : single) {
      String simple = i.getName().getIdentifier();
      if (oldTypes.contains(i.getNameAsString())
          && mentions(originalBody, simple)
          && !mentions(newBody, simple)) {
        changes.replace(file, lineStart(i), lineEnd(i), "");
      }
    }
  }

  private static final Pattern IMPORT_LINE =
      Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;[ \\t]*$");

  private static String withoutImports(String text) {
    return IMPORT_LINE.matcher(text).replaceAll("");
  }

  private static boolean mentions(String text, String simple) {
    return Pattern.compile("(?<![\\w$])" + Pattern.quote(simple) + "(?![\\w$])")
        .matcher(text)
        .find();
  }

  private int lineStart(Node n) {
    return file.offset(n.getBegin().orElseThrow().line, 1);
  }

  /** Offset just past the newline ending the node's last line. */
  private int lineEnd(Node n) {
    int o = end(n);
    String t = file.text();
    while (o < t.length() && t.charAt(o) != '\n') {
      o++;
    }
    return Math.min(o + 1, t.length());
  }

  private int end(Node n) {
    var p = n.getEnd().orElseThrow();
    return file.offset(p.line, p.column) + 1;
  }
}
