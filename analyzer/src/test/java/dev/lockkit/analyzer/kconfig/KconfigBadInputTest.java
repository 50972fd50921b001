package dev.lockkit.analyzer.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.pc.Expr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and malformed Kconfig input: a located one-line error or the right model, fast. */
class KconfigBadInputTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private KconfigException error(String text) throws IOException {
    Path k = write("Kconfig", text);
    return assertThrows(KconfigException.class, () -> KconfigParser.parse(k));
  }

  @Test
  void deeplyNestedParenthesesAndNegationsAreRefusedWithTheLimit() throws Exception {
    for (int depth : new int[] {2_000, 5_000}) {
      for (String[] shape : new String[][] {{"(", ")"}, {"!", ""}, {"!(", ")"}}) {
        String nested = shape[0].repeat(depth) + "A" + shape[1].repeat(depth);
        KconfigException e =
            assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () ->
                    error(
                        "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n\tdepends on "
                            + nested
                            + "\n"));
        assertEquals(
            "Kconfig:5: expression nested too deep (limit " + KExprParser.DEPTH_LIMIT + ")",
            e.getMessage().substring(e.getMessage().indexOf("Kconfig:")));
      }
    }
  }

  @Test
  void nestingWithinTheLimitAndLongChainsAreRead() throws Exception {
    int depth = KExprParser.DEPTH_LIMIT - 1;
    String chain = String.join(" && ", java.util.Collections.nCopies(5_000, "A"));
    Path k =
        write(
            "Kconfig",
            "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n\tdepends on "
                + "(".repeat(depth)
                + "A"
                + ")".repeat(depth)
                + "\nconfig C\n\tbool \"c\"\n\tdepends on "
                + chain
                + "\n");
    FeatureModel m = KconfigParser.parse(k);
    assertEquals("A", m.symbol("B").orElseThrow().dependencies().toString());
    assertEquals("A", m.symbol("C").orElseThrow().dependencies().toString());
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    Path k = write("Kconfig", "\ufeffconfig A\n\tbool \"a\"\n");
    assertEquals(List.of("A"), List.copyOf(KconfigParser.parse(k).symbolNames()));
  }

  @Test
  void symbolsMayStartWithADigit() throws Exception {
    Path k =
        write(
            "Kconfig",
            "config 64BIT\n\tbool \"64-bit\"\nconfig HIGHMEM\n\tbool \"highmem\"\n\tdepends on !64BIT\n");
    FeatureModel m = KconfigParser.parse(k);
    assertFalse(m.isSatisfiable(Expr.and(Expr.sym("64BIT"), Expr.sym("HIGHMEM"))));
  }

  @Test
  void aQuotedNameIsAConstantNotTheSymbol() throws Exception {
    KconfigException e =
        error("config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n\tdepends on \"A\"\n");
    assertEquals(5, e.location().line());
    assertTrue(e.problem().contains("\"A\" is a string constant"), e.problem());
    assertTrue(e.problem().contains("write A without quotes"), e.problem());
    // Quoted y/m/n are the constants, and a quoted string may be compared.
    Path k =
        write(
            "Kconfig",
            "config A\n\tbool \"a\"\n\tdepends on \"y\"\nconfig B\n\tdef_bool y\n\tdepends on \"x\" = \"x\"\n");
    assertFalse(KconfigParser.parse(k).isSatisfiable(Expr.not(Expr.sym("B"))));
  }

  @Test
  void sourcingANonKconfigFileEchoesNoneOfIt() throws Exception {
    Path secret = write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\nsecret words here\n");
    KconfigException e = error("source \"" + secret.toAbsolutePath() + "\"\n");
    assertFalse(e.getMessage().contains("root"), e.getMessage());
    assertTrue(e.getMessage().contains("is not a Kconfig file"), e.getMessage());
    assertEquals(1, e.location().line());
    write("words", "secret words here\n");
    KconfigException w = error("source \"words\"\n");
    assertFalse(w.getMessage().contains("secret"), w.getMessage());
    Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    KconfigException b = error("source \"binary\"\n");
    assertTrue(b.getMessage().contains("not a Kconfig file"), b.getMessage());
  }

  @Test
  void unknownKeywordInsideAnEntryIsNamedButGarbageIsNotEchoed() throws Exception {
    KconfigException e = error("config A\n\tbool \"a\"\n\tfrobnicate\n");
    assertTrue(e.problem().contains("unknown Kconfig keyword 'frobnicate'"), e.problem());
    KconfigException g = error("config A\n\tbool \"a\"\n\t<<<secret>>>\n");
    assertEquals("not a Kconfig statement", g.problem());
  }

  @Test
  void tristateChoiceIsNamedAndReadAsBool() throws Exception {
    Path k =
        write(
            "Kconfig",
            "choice\n\ttristate \"t\"\nconfig A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\nendchoice\n");
    FeatureModel m = KconfigParser.parse(k);
    assertEquals(1, m.findings().size(), m.findings().toString());
    assertTrue(m.findings().get(0).message().contains("tristate choice"));
    assertEquals(2, m.findings().get(0).location().line());
  }

  @Test
  void unterminatedBlocksAndMacrosAreLocated() throws Exception {
    assertEquals(1, error("choice\nconfig A\n\tbool \"a\"\n").location().line());
    assertEquals(2, error("config A\n\tbool \"$(oops\"\n").location().line());
    KconfigException loop = error("X = $(X)\nconfig A\n\tbool \"$(X)\"\n");
    assertTrue(loop.problem().contains("macro expansion nested too deep"), loop.problem());
  }
}
