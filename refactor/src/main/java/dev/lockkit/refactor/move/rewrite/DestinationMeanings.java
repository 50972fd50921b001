package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * What a simple type name would mean at a place where the rewrite writes it ({@link ImportPlan}'s
 * question), by javac: a type variable or a member type (declared or inherited, a library
 * supertype's too) of a class around the place, innermost first, from javac's elements of those
 * classes; else the file's top level, from its {@link FileProbe}. Unknown — the caller then writes
 * the full name, never a guess — when javac has no element for a class around the place, was not
 * asked about the name, when a local class of that name is declared in a block around the place, or
 * when two supertypes supply member types of that name (an ambiguity javac would report).
 */
final class DestinationMeanings {
  private final Attribution javac;
  private final Map<ParsedFile, FileProbe> fileProbes = new IdentityHashMap<>();

  DestinationMeanings(Attribution javac) {
    this.javac = javac;
  }

  void add(ParsedFile f, FileProbe probe) {
    fileProbes.put(f, probe);
  }

  ImportPlan.Meaning at(ParsedFile f, String simple, Node ctx) {
    Path path = f.source().path();
    for (Node n = ctx; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> tp
          && tp.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(simple))) {
        return ImportPlan.Meaning.of("<type variable " + simple + ">");
      }
      if (n instanceof BlockStmt b && declaresLocalClass(b, simple)) {
        return ImportPlan.Meaning.UNKNOWN;
      }
      if (n instanceof TypeDeclaration<?> d) {
        Element e = javac == null ? null : javac.declaredAt(path, f.begin(d.getName()));
        if (!(e instanceof TypeElement te)) {
          return ImportPlan.Meaning.UNKNOWN;
        }
        if (te.getSimpleName().contentEquals(simple)) {
          return ImportPlan.Meaning.of(te.getQualifiedName().toString());
        }
        Set<TypeElement> members = memberTypes(te, simple);
        if (members.size() > 1) {
          return ImportPlan.Meaning.UNKNOWN;
        }
        if (members.size() == 1) {
          return ImportPlan.Meaning.of(members.iterator().next().getQualifiedName().toString());
        }
      }
    }
    FileProbe probe = fileProbes.get(f);
    FileProbe.Meaning m = probe == null ? null : probe.meaning(javac, simple);
    return m == null ? ImportPlan.Meaning.UNKNOWN : ImportPlan.Meaning.of(m.fqn());
  }

  private static boolean declaresLocalClass(BlockStmt b, String simple) {
    for (Statement s : b.getStatements()) {
      if (s instanceof LocalClassDeclarationStmt lc
          && lc.getClassDeclaration().getNameAsString().equals(simple)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The member types named {@code simple} that {@code t} declares, or else inherits (a private
   * member type of a supertype is not inherited); more than one is an ambiguity.
   */
  private Set<TypeElement> memberTypes(TypeElement t, String simple) {
    Set<TypeElement> found = new LinkedHashSet<>();
    for (Element e : t.getEnclosedElements()) {
      if (e instanceof TypeElement m && m.getSimpleName().contentEquals(simple)) {
        found.add(m);
        return found;
      }
    }
    Deque<TypeElement> todo = new ArrayDeque<>(supertypes(t));
    Set<TypeElement> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      TypeElement c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      boolean here = false;
      for (Element e : c.getEnclosedElements()) {
        if (e instanceof TypeElement m
            && m.getSimpleName().contentEquals(simple)
            && !m.getModifiers().contains(Modifier.PRIVATE)) {
          found.add(m);
          here = true;
        }
      }
      if (!here) {
        todo.addAll(supertypes(c)); // a member type found here hides its supertypes' ones
      }
    }
    return found;
  }

  private java.util.List<TypeElement> supertypes(TypeElement c) {
    java.util.List<TypeElement> out = new java.util.ArrayList<>();
    for (TypeMirror sup : javac.types().directSupertypes(c.asType())) {
      if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement st) {
        out.add(st);
      }
    }
    return out;
  }
}
