package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.javac.Attribution;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Asks javac what simple type names would mean at the top level of a file that gains text (a moved
 * member's destination, a file whose reference to a moved member gets the destination's name): the
 * question {@link ImportPlan} asks before it writes a simple name or adds an import. As for a host
 * ({@link HostProbe}), the question is written: the file's text, given to javac in memory, gets one
 * more top-level class after everything else, with a field typed by each name. A top-level class of
 * the file sees what the file's top level sees: its single-type, package and on-demand imports (an
 * ambiguity between two on-demand imports included), its package's types and {@code java.lang}.
 * Member types and type variables of the classes around a place are javac's elements, not the
 * probe's ({@link ImportPlan}). The probe comes after the file's last character, so the offsets of
 * the file's own code are unchanged.
 */
public final class FileProbe {

  private static final Set<String> RESTRICTED =
      Set.of("var", "yield", "record", "sealed", "permits");
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  /** What a probed name means at the file's top level. */
  record Meaning(String fqn) {}

  private final Path path;
  private final String text;
  private final Map<String, int[]> spans;

  private FileProbe(Path path, String text, Map<String, int[]> spans) {
    this.path = path;
    this.text = text;
    this.spans = spans;
  }

  /**
   * The probe for {@code names} appended to {@code text} (the file's text, or its text with a host
   * probe); {@code serial} makes the probe class's name unique among the files of a package.
   */
  public static FileProbe of(Path path, String text, Collection<String> names, int serial) {
    Set<String> valid = new TreeSet<>();
    for (String n : names) {
      if (!RESTRICTED.contains(n) && IDENTIFIER.matcher(n).matches()) {
        valid.add(n);
      }
    }
    StringBuilder probe = new StringBuilder(text);
    probe.append("\nfinal class $LockkitFileProbe").append(serial).append(" {");
    Map<String, int[]> spans = new LinkedHashMap<>();
    int i = 0;
    for (String name : valid) {
      probe.append(' ');
      int start = probe.length();
      probe.append(name).append(" p").append(i++).append(';');
      spans.put(name, new int[] {start, start + name.length()});
    }
    probe.append(" }\n");
    return new FileProbe(path, probe.toString(), spans);
  }

  /**
   * The simple type names a piece of moved text spells (types, annotations, capitalised names that
   * may be type qualifiers such as {@code JsonToken.X}): what a destination may be asked about.
   */
  public static void namesIn(Node text, Set<String> out) {
    text.walk(
        n -> {
          if (n instanceof ClassOrInterfaceType ct && ct.getScope().isEmpty()) {
            out.add(ct.getNameAsString());
          } else if (n instanceof AnnotationExpr a && a.getName().getQualifier().isEmpty()) {
            out.add(a.getNameAsString());
          } else if (n instanceof NameExpr ne
              && Character.isUpperCase(ne.getNameAsString().charAt(0))) {
            out.add(ne.getNameAsString());
          }
        });
  }

  public Path path() {
    return path;
  }

  /** The file's text with the probe, for javac. */
  public String text() {
    return text;
  }

  /**
   * What {@code simple} means at the file's top level, by javac: {@code fqn} null when it means
   * nothing there or javac finds it ambiguous; null when javac was not asked (the name was not
   * probed, or the attribution does not cover the file), which the caller must not guess.
   */
  Meaning meaning(Attribution javac, String simple) {
    int[] s = spans.get(simple);
    if (s == null || javac == null || !javac.covers(path)) {
      return null;
    }
    Attribution.Binding b = javac.at(path, s[0], s[1]);
    if (b == null) {
      return null;
    }
    if (!b.resolved()) {
      return new Meaning(null);
    }
    Element e = b.element();
    if (e instanceof TypeElement te
        && (te.getNestingKind() == NestingKind.TOP_LEVEL
            || te.getNestingKind() == NestingKind.MEMBER)) {
      return new Meaning(te.getQualifiedName().toString());
    }
    return new Meaning(String.valueOf(e));
  }
}
