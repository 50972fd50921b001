package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The project's own names: every declared (non-local) type, every method group ({@code name/arity})
 * and field, plus Java's name lookup for type names as far as the project's sources can answer it —
 * enclosing types, the compilation unit, single-type imports, the package, on-demand imports. Names
 * it cannot place are outside the project and are ignored by the rules, never errors.
 */
final class TypeIndex {
  final Set<String> types = new HashSet<>();
  final Set<String> typeSimpleNames = new HashSet<>();
  final Set<String> members = new HashSet<>();
  final Set<String> methodNames = new HashSet<>();
  final Set<String> fieldNames = new HashSet<>();

  /** Every package of a project type and every prefix of one ({@code a}, {@code a.b}). */
  final Set<String> packagePrefixes = new HashSet<>();

  /**
   * The project type a record's implicit accessor returns ({@code a.P#x/0 -> a.Q}); empty when it
   * returns a type outside the project; absent when unknown (a type variable).
   */
  final Map<String, String> accessorTypes = new HashMap<>();

  void addType(String fqn) {
    types.add(fqn);
    for (int dot = fqn.indexOf('.'); dot > 0; dot = fqn.indexOf('.', dot + 1)) {
      packagePrefixes.add(fqn.substring(0, dot));
    }
    typeSimpleNames.add(fqn.substring(fqn.lastIndexOf('.') + 1));
  }

  void addMember(String target, String name, boolean method) {
    members.add(target);
    (method ? methodNames : fieldNames).add(name);
  }

  /**
   * The project type {@code name} (simple, {@code Outer.Inner} or fully qualified) denotes inside
   * {@code cu} within the enclosing types (innermost first), or null.
   */
  String resolve(String name, CompilationUnit cu, Deque<String> enclosing) {
    int dot = name.indexOf('.');
    if (dot >= 0) {
      if (types.contains(name)) {
        return name;
      }
      String head = resolve(name.substring(0, dot), cu, enclosing);
      if (head == null) {
        return null;
      }
      String full = head + name.substring(dot);
      return types.contains(full) ? full : null;
    }
    for (Iterator<String> it = enclosing.iterator(); it.hasNext(); ) {
      String outer = it.next();
      if (types.contains(outer + "." + name)) {
        return outer + "." + name;
      }
      if (outer.endsWith("." + name) || outer.equals(name)) {
        return outer;
      }
    }
    if (!typeSimpleNames.contains(name)) {
      return null;
    }
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (ImportDeclaration imp : cu.getImports()) {
      if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(name)) {
        String fqn = imp.getNameAsString();
        return types.contains(fqn) ? fqn : null;
      }
    }
    String local = pkg.isEmpty() ? name : pkg + "." + name;
    if (types.contains(local)) {
      return local;
    }
    for (ImportDeclaration imp : cu.getImports()) {
      if (imp.isAsterisk()
          && !imp.isStatic()
          && types.contains(imp.getNameAsString() + "." + name)) {
        return imp.getNameAsString() + "." + name;
      }
    }
    return null;
  }
}
