package dev.lockkit.refactor.migrate.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac, not JavaParser's solver, says which overload a call or method reference denotes. */
class SymbolsTest {

  @TempDir Path root;

  private static final String KEYS =
      """
      package p;
      import java.util.List;
      import java.util.function.Function;
      import java.util.function.BiFunction;
      class Keys {
        static int hash(String s) { return 0; }
        static int hash(String s, boolean deep) { return 1; }
        static final int SEED = 7;
        int f(List<Integer> list) {
          list.remove(1);
          list.remove(Integer.valueOf(1));
          Function<String, Integer> one = Keys::hash;
          BiFunction<String, Boolean, Integer> two = Keys::hash;
          return java.util.Collections.<String>emptyList().size() + p.Keys.SEED + Missing.go(1);
        }
      }
      """;

  private CompilationUnit cu;

  private Symbols load(Set<String> names) throws Exception {
    Path f = root.resolve("src/p/Keys.java");
    Files.createDirectories(f.getParent());
    Files.writeString(f, KEYS);
    Workspace ws = Workspace.load(root, List.of(root.resolve("src")), List.of());
    cu = ws.parse(ws.files().get(0)).orElseThrow().cu();
    return Symbols.of(ws, List.of(), names);
  }

  private Symbols.Member member(Symbols.Answer a) {
    return assertInstanceOf(Symbols.Member.class, a);
  }

  @Test
  void overloadsAreTheOnesJavacChoosesWithoutBoxingFirst() throws Exception {
    Symbols s = load(Set.of("remove", "hash", "SEED", "size", "go"));
    List<MethodCallExpr> removes =
        cu.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("remove"));
    Symbols.Member byIndex = member(s.method(removes.get(0)));
    assertEquals("java.util.List", byIndex.owner());
    assertEquals("(int)", byIndex.signature());
    assertEquals("(java.lang.Object)", member(s.method(removes.get(1))).signature());
    assertTrue(byIndex.ownerSupertypes().contains("java.util.Collection"));
  }

  @Test
  void aMethodReferenceDenotesTheOverloadItsTargetTypeSelects() throws Exception {
    Symbols s = load(Set.of("hash"));
    List<MethodReferenceExpr> refs = cu.findAll(MethodReferenceExpr.class);
    assertEquals("(java.lang.String)", member(s.method(refs.get(0))).signature());
    assertEquals("(java.lang.String,boolean)", member(s.method(refs.get(1))).signature());
    assertTrue(member(s.method(refs.get(0))).isStatic());
  }

  @Test
  void explicitTypeArgumentsFieldsAndUnresolvedCalls() throws Exception {
    Symbols s = load(Set.of("size", "SEED", "go"));
    MethodCallExpr size =
        cu.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("size")).orElseThrow();
    assertEquals("java.util.List", member(s.method(size)).owner());
    FieldAccessExpr seed =
        cu.findFirst(FieldAccessExpr.class, f -> f.getNameAsString().equals("SEED")).orElseThrow();
    Symbols.Member field = member(s.field(seed));
    assertEquals("p.Keys", field.owner());
    assertEquals("SEED", field.name());
    MethodCallExpr go =
        cu.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("go")).orElseThrow();
    assertInstanceOf(Symbols.Unresolved.class, s.method(go));
  }

  @Test
  void bodiesThatSpellNoTemplateNameAreNotAttributed() throws Exception {
    Symbols s = load(Set.of("unrelated"));
    MethodCallExpr size =
        cu.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("size")).orElseThrow();
    Symbols.Answer a = s.method(size);
    assertTrue(a == null || a instanceof Symbols.Unresolved, String.valueOf(a));
  }

  @Test
  void aMethodKnowsTheGenericMethodsItOverridesAfterJavacIsGone() throws Exception {
    Path f = root.resolve("src/p/Names.java");
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        """
        package p;
        import java.util.Comparator;
        class Names implements Comparable<Names> {
          public int compareTo(Names o) { return 0; }
          Comparator<String> byText() { return String::compareTo; }
          int f(Names a, Names b) { return a.compareTo(b) + "x".compareToIgnoreCase("y"); }
        }
        """);
    Workspace ws = Workspace.load(root, List.of(root.resolve("src")), List.of());
    CompilationUnit names = ws.parse(ws.files().get(0)).orElseThrow().cu();
    Symbols s = Symbols.of(ws, List.of(), Set.of("compareTo", "compareToIgnoreCase"));
    Symbols.Member ref = member(s.method(names.findFirst(MethodReferenceExpr.class).orElseThrow()));
    assertEquals("java.lang.String", ref.owner());
    assertEquals("(java.lang.String)", ref.signature());
    // Comparable<T>.compareTo(T) erases to (Object); String's override is found by javac's
    // subsignature test as a member of String, not by comparing erasures.
    assertTrue(ref.overrides("java.lang.Comparable", "compareTo", "(java.lang.Object)"));
    List<MethodCallExpr> calls = names.findAll(MethodCallExpr.class);
    Symbols.Member own = member(s.method(calls.get(0)));
    assertEquals("p.Names", own.owner());
    assertTrue(own.overrides("java.lang.Comparable", "compareTo", "(java.lang.Object)"));
    Symbols.Member other = member(s.method(calls.get(1)));
    assertTrue(other.overrides().isEmpty(), other.overrides().toString());
  }
}
