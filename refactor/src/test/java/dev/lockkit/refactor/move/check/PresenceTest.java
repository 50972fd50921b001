package dev.lockkit.refactor.move.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceTest {

  @TempDir Path tmp;

  private static final CompilationUnit CU =
      StaticJavaParser.parse(
          "@IfConfig(\"MMU\") class Origin {\n"
              + "  @IfConfig(\"PER_VMA_LOCK\") static void locked() {}\n"
              + "  static void plain() {}\n"
              + "}\n"
              + "@IfConfig(\"PER_VMA_LOCK\") class VmaDest {}\n"
              + "class Free {}\n"
              + "@IfConfig(value = \"TRACING\") class Traced {}\n");

  private static BodyDeclaration<?> member(String name) {
    return CU.getType(0).getMethodsByName(name).get(0);
  }

  private static TypeDeclaration<?> type(int i) {
    return CU.getType(i);
  }

  private Presence withKconfig() throws Exception {
    Path k = tmp.resolve("Kconfig");
    Files.writeString(
        k,
        "config MMU\n\tbool \"mmu\"\n\tdefault y\n\nconfig PER_VMA_LOCK\n\tbool \"vma\"\n\tdepends on MMU\n\nconfig TRACING\n\tbool \"t\"\n");
    return new Presence(new ConditionModel(KconfigParser.parse(k)));
  }

  @Test
  void destinationThatImpliesTheWholeConditionNeedsNoAnnotation() throws Exception {
    Presence.Decision d = withKconfig().decide(member("locked"), type(1));
    assertFalse(d.conflict());
    assertNull(d.annotation(), "PER_VMA_LOCK implies MMU under the Kconfig");
  }

  @Test
  void withoutTheModelTheEnclosingConditionMustBeWrittenOut() throws Exception {
    Presence.Decision d = new Presence(new ConditionModel(null)).decide(member("locked"), null);
    assertEquals("PER_VMA_LOCK && MMU", String.valueOf(d.annotation()));
    assertFalse(d.keepOwn());
  }

  @Test
  void ownAnnotationIsKeptVerbatimWhenItIsExactlyWhatIsNeeded() throws Exception {
    Presence.Decision d = withKconfig().decide(member("locked"), type(0));
    assertTrue(d.keepOwn());
  }

  @Test
  void destinationNarrowerThanTheConditionIsAConflictWithAWitness() throws Exception {
    Presence.Decision d = withKconfig().decide(member("plain"), type(1));
    assertTrue(d.conflict());
    assertEquals(Boolean.TRUE, d.lostIn().get().get("MMU"));
    assertEquals(Boolean.FALSE, d.lostIn().get().get("PER_VMA_LOCK"));
  }

  @Test
  void normalAnnotationFormIsReadToo() throws Exception {
    assertEquals("TRACING", Presence.chain(type(3)).toString());
    assertEquals("true", Presence.chain(type(2)).toString());
  }
}
