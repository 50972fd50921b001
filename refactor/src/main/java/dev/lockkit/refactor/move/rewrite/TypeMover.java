package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.move.check.Access;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a top-level type to another package: its file is recreated in the destination package
 * directory (same text, new package line, imports for what it used from its old package) and every
 * reference follows.
 *
 * <p>Implementation overview. In each other file the type's uses are javac's bindings ({@link
 * TypeUses}); a file that saw the type through its package (or an on-demand import) gets a
 * single-type import of the new name, a single-type or static import of the old name is rewritten
 * in place (or deleted, when the file is in the destination package), and fully qualified names in
 * code and Javadoc are rewritten. The type is widened to public when its old package still uses it.
 * Access (what the type uses from its old package, its package-private members used from there) is
 * javac's verdict on the result ({@code check.CompileCheck}), not decided here.
 */
final class TypeMover {

  private final MoveRewriter r;
  private final Set<MovedType> usedFromOldPackage = new HashSet<>();

  TypeMover(MoveRewriter r) {
    this.r = r;
  }

  /** Phase one: rewrites every reference to {@code t}. */
  void references(MovedType t) {
    ParsedFile home = t.type().file();
    String oldPkg = t.type().packageName();
    for (ParsedFile f : r.project.files()) {
      if (!f.parsed() || f == home) {
        continue;
      }
      boolean uses = references(f, t);
      if (uses && f.packageName().equals(oldPkg) && !r.movedFiles.containsKey(f)) {
        usedFromOldPackage.add(t); // widened to public below; javac checks its members' access
      }
    }
  }

  /** Phase two: creates the type's new file and schedules the old one for deletion. */
  void recreate(MovedType t) {
    ParsedFile home = t.type().file();
    r.changes.create(t.newFile(), newText(t, usedFromOldPackage.contains(t)));
    r.deletions.add(home.source());
    r.notes.add(
        "moves "
            + t.oldFqn()
            + " to "
            + t.newFqn()
            + " ("
            + home.display()
            + " -> "
            + t.newFile().getFileName()
            + ")");
    r.delta.renamed.put(
        t.oldFqn(), new GraphDelta.NewType(t.newFqn(), t.destPackage(), t.oldFqn()));
  }

  /** Rewrites the references in {@code f}; returns true if {@code f} uses the type at all. */
  private boolean references(ParsedFile f, MovedType t) {
    String oldFqn = t.oldFqn();
    boolean samePackageAsDest = finalPackage(f).equals(t.destPackage());
    boolean[] simpleUse = {false};
    boolean explicitImport = false;
    for (ImportDeclaration d : f.cu().getImports()) {
      String n = d.getNameAsString();
      if (n.equals(oldFqn) || n.startsWith(oldFqn + ".")) {
        int s = f.begin(d.getName());
        if (!d.isStatic() && !d.isAsterisk() && n.equals(oldFqn)) {
          explicitImport = true;
          if (samePackageAsDest) {
            String text = f.source().text();
            r.edit(
                f, ImportPlan.lineStart(text, f.begin(d)), ImportPlan.lineEnd(text, f.end(d)), "");
            continue;
          }
        }
        r.edit(f, s, s + oldFqn.length(), t.newFqn());
      }
    }
    boolean[] any = {explicitImport};
    if (samePackageAsDest) {
      r.captured(f, t, TypeUses.other(r, f, t, null, true), "package " + t.destPackage());
    }
    for (TypeUses.Use u : TypeUses.of(r, f, t, null)) {
      any[0] = true;
      if (u.simple()) {
        simpleUse[0] = true;
      } else {
        r.edit(f, u.start(), u.end(), t.newFqn());
      }
    }
    if (simpleUse[0] && !explicitImport && !samePackageAsDest) {
      r.plan(f, null).forceImport(t.newFqn());
    }
    javadoc(r, f, t, simpleUse[0] || explicitImport);
    return any[0];
  }

  /**
   * Rewrites {@code {@link}}, {@code @see} and {@code @throws} references to a moved type in one
   * file's Javadoc: the old qualified name always, the simple name too where the file will not see
   * the type by it ({@code simpleVisible} false: same package before the move, no import after it).
   * Shared with {@link IntoTypeMover}, whose references follow the same rule.
   */
  static void javadoc(MoveRewriter r, ParsedFile f, MovedType t, boolean simpleVisible) {
    Pattern qualified = Pattern.compile("(?<![\\w.])" + Pattern.quote(t.oldFqn()) + "\\b");
    Pattern simple =
        Pattern.compile(
            "(\\{@link(?:plain)?\\s+|@see\\s+|@throws\\s+)"
                + Pattern.quote(t.type().simpleName())
                + "\\b");
    boolean samePackage = f.packageName().equals(t.type().packageName());
    for (Comment c : f.comments()) {
      if (!(c instanceof JavadocComment) || c.getBegin().isEmpty()) {
        continue;
      }
      int base = f.begin(c) + 3;
      Matcher m = qualified.matcher(c.getContent());
      while (m.find()) {
        r.edit(f, base + m.start(), base + m.end(), t.newFqn());
      }
      if (samePackage && !simpleVisible) {
        Matcher s = simple.matcher(c.getContent());
        while (s.find()) {
          r.edit(f, base + s.start() + s.group(1).length(), base + s.end(), t.newFqn());
        }
      }
    }
  }

  /** The moved file's new text: package line, imports of what it used from the old package. */
  private String newText(MovedType t, boolean usedFromOldPackage) {
    ParsedFile home = t.type().file();
    java.util.Map<String, String> singleImports = home.singleImports();
    String oldPkg = t.type().packageName();
    String text = home.source().text();
    List<TextEdit> edits = new ArrayList<>();
    var pd = home.cu().getPackageDeclaration().orElseThrow();
    edits.add(new TextEdit(home.begin(pd.getName()), home.end(pd.getName()), t.destPackage()));
    ImportPlan imports = r.plan(home, null);
    home.cu()
        .walk(
            n -> {
              String name = r.resolvedTypeName(home, n, t.oldFqn());
              if (name != null) {
                String fqn = r.names.type(home, n);
                TypeInfo used = fqn == null ? null : r.project.type(fqn);
                if (used != null
                    && used.outer() == null
                    && used.packageName().equals(oldPkg)
                    && !used.equals(t.type())
                    && !singleImports.containsKey(name)
                    && !r.movedFiles.containsKey(used.file())) {
                  imports.forceImport(fqn);
                } else if (fqn != null
                    && r.names.topLevel(home, n)
                    && !singleImports.containsKey(name)
                    && !fqn.equals(t.destPackage() + "." + name)
                    && r.project.type(t.destPackage() + "." + name) != null) {
                  // Seen through an on-demand import or java.lang, which a type of that name in
                  // the destination package would shadow there: a single-type import keeps it.
                  imports.forceImport(fqn);
                }
              }
            });
    for (Map.Entry<Integer, String> e : imports.insertions().entrySet()) {
      edits.add(new TextEdit(e.getKey(), e.getKey(), e.getValue()));
    }
    edits.addAll(r.movedFiles.get(home));
    TypeDeclaration<?> decl = t.type().decl();
    if (usedFromOldPackage && Access.ofType(t.type()) < 3) {
      int at =
          decl.getModifiers().isEmpty()
              ? keyword(home, decl)
              : home.begin(decl.getModifiers().get(0));
      edits.add(new TextEdit(at, at, "public "));
      r.notes.add(t.oldFqn() + ": made public; package " + oldPkg + " still uses it");
    }
    edits = new ArrayList<>(new LinkedHashSet<>(edits));
    edits.sort(TextEdit.ORDER);
    for (int i = 1; i < edits.size(); i++) {
      if (edits.get(i - 1).overlaps(edits.get(i))) {
        r.conflict(
            "move/name-clash",
            home,
            null,
            t.oldFqn() + ": internal error: overlapping rewrites in the moved file",
            t.oldFqn() + " overlap");
        return text;
      }
    }
    StringBuilder sb = new StringBuilder(text);
    for (int i = edits.size() - 1; i >= 0; i--) {
      sb.replace(edits.get(i).start(), edits.get(i).end(), edits.get(i).replacement());
    }
    return sb.toString();
  }

  /**
   * Offset of the {@code class}/{@code interface}/... keyword of a declaration without modifiers.
   */
  private static int keyword(ParsedFile f, TypeDeclaration<?> decl) {
    int from =
        decl.getAnnotations().isEmpty()
            ? f.begin(decl)
            : f.end(decl.getAnnotations().get(decl.getAnnotations().size() - 1));
    String text = f.source().text();
    while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** Member moves touching a moved type's file cannot be combined with it in one plan. */
  static String overlapOf(MovedType t, List<MovedElement> members) {
    for (MovedElement m : members) {
      if (m.origin().topLevel().equals(t.type().topLevel())
          || !m.destination().isNew()
              && m.destination().existing().topLevel().equals(t.type().topLevel())) {
        return m.op().where()
            + ": "
            + m.display()
            + " also touches "
            + t.oldFqn()
            + ", which "
            + t.op().where()
            + " moves; split the plan in two";
      }
    }
    return null;
  }

  static boolean isPublic(TypeDeclaration<?> d) {
    return d.hasModifier(Modifier.Keyword.PUBLIC);
  }

  /** The package {@code f}'s code will be in after the plan. */
  private String finalPackage(ParsedFile f) {
    for (MovedType m : r.types) {
      if (!m.nested() && m.type().file() == f) {
        return m.destPackage();
      }
    }
    return f.packageName();
  }
}
