package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Asks javac what the simple type names a moving type uses would mean inside the host it moves
 * into. javac's public API answers "what does this written name denote", not "what would this name
 * denote here", so the question is written: the host's text, given to javac in memory for the
 * what-if's first attribution, gets one more static member class, {@code $LockkitProbe}, with a
 * field typed by each name. A static member class of the host sees exactly what the moved type (a
 * static member type after the move) sees from the host: the host's member types, declared or
 * inherited (library supertypes included), the host file's imports (single, package, on-demand, an
 * ambiguity between two on-demand imports), {@code java.lang}. The probe comes after every other
 * character of the host's declaration, so the offsets of the host's own code are unchanged.
 */
public final class HostProbe {

  /** What a simple name means inside the host, as javac bound it. */
  record Meaning(String fqn, boolean shadowable) {}

  private static final Set<String> RESTRICTED =
      Set.of("var", "yield", "record", "sealed", "permits");
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  private final ParsedFile file;
  private final TypeDeclaration<?> host;
  private final String text;
  private final Map<String, int[]> spans;

  private HostProbe(
      ParsedFile file, TypeDeclaration<?> host, String text, Map<String, int[]> spans) {
    this.file = file;
    this.host = host;
    this.text = text;
    this.spans = spans;
  }

  /**
   * The probe for the types moving into one host: every simple type name their text uses, and the
   * simple names of their enclosing types (the qualifiers a nested type's text gains). Null when
   * the host's closing brace is not where its declaration ends (nothing is probed then).
   */
  public static HostProbe of(TypeInfo host, Collection<MovedType> into) {
    ParsedFile f = host.file();
    String text = f.source().text();
    int brace = f.end(host.decl()) - 1;
    if (brace < 0 || brace >= text.length() || text.charAt(brace) != '}') {
      return null;
    }
    Set<String> names = new TreeSet<>();
    for (MovedType t : into) {
      FileProbe.namesIn(t.type().decl(), names);
      for (TypeInfo e = t.type().outer(); e != null; e = e.outer()) {
        names.add(e.simpleName());
      }
    }
    names.removeIf(s -> RESTRICTED.contains(s) || !IDENTIFIER.matcher(s).matches());
    StringBuilder probe = new StringBuilder("\n");
    if (host.decl() instanceof EnumDeclaration) {
      probe.append(';'); // after the constants, or an empty declaration after other members
    }
    probe.append("static final class $LockkitProbe {");
    Map<String, int[]> spans = new LinkedHashMap<>();
    int i = 0;
    for (String name : names) {
      probe.append(' ');
      int start = brace + probe.length();
      probe.append(name).append(" p").append(i++).append(';');
      spans.put(name, new int[] {start, start + name.length()});
    }
    probe.append(" }\n");
    String withProbe = text.substring(0, brace) + probe + text.substring(brace);
    return new HostProbe(f, host.decl(), withProbe, spans);
  }

  /** The host's file. */
  public Path path() {
    return file.source().path();
  }

  /** The host file's text with the probe, for javac. */
  public String text() {
    return text;
  }

  /**
   * What {@code simple} means inside the host, by javac; null when javac was not asked (no probe
   * for the name, or the attribution does not cover the host). A name that means nothing there, or
   * that javac finds ambiguous (two on-demand imports), has {@code fqn} null: a single-type import
   * decides it. {@code shadowable}: the meaning comes through an on-demand import or {@code
   * java.lang}, which a single-type import in the host's file would override.
   */
  Meaning meaning(Attribution javac, String simple) {
    int[] s = spans.get(simple);
    if (s == null || javac == null || !javac.covers(path())) {
      return null;
    }
    Attribution.Binding b = javac.at(path(), s[0], s[1]);
    if (b == null) {
      return null;
    }
    if (!b.resolved()) {
      return new Meaning(null, true);
    }
    Element e = b.element();
    if (!(e instanceof TypeElement te)
        || te.getNestingKind() != NestingKind.TOP_LEVEL
            && te.getNestingKind() != NestingKind.MEMBER) {
      return new Meaning(String.valueOf(e), false); // a type variable of the host, say
    }
    boolean singleImport = false;
    for (ImportDeclaration d : file.cu().getImports()) {
      if (!d.isStatic() && !d.isAsterisk() && d.getName().getIdentifier().equals(simple)) {
        singleImport = true;
      }
    }
    boolean shadowable;
    if (te.getNestingKind() == NestingKind.TOP_LEVEL) {
      String pkg =
          te.getEnclosingElement() instanceof PackageElement p
              ? p.getQualifiedName().toString()
              : "";
      shadowable = !singleImport && !pkg.equals(file.packageName());
    } else {
      shadowable = !singleImport && !b.viaEnclosingScope();
    }
    return new Meaning(te.getQualifiedName().toString(), shadowable);
  }

  /** True if the host's file spells {@code simple} as a word anywhere (code, comments, imports). */
  boolean hostSpells(String simple) {
    return Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(simple) + "(?![\\p{L}\\p{N}_$])")
        .matcher(file.source().text())
        .find();
  }

  TypeDeclaration<?> host() {
    return host;
  }
}
