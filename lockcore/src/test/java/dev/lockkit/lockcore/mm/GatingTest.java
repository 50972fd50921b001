package dev.lockkit.lockcore.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.ConfigExpr;
import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.config.VariantPoint;
import dev.lockkit.lockcore.mmaplock.LockMmAndFindVma;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the variant-point structure at run time: every {@code @IfConfig} parses, implementations
 * of a {@code @VariantPoint} never overlap, exactly one exists wherever the interface does, and a
 * booted kernel only ever instantiates implementations whose condition holds.
 */
class GatingTest {

  private static List<Class<?>> lockcoreClasses() throws IOException {
    Path root = Path.of("target", "classes");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String rel = root.relativize(p).toString();
        if (rel.endsWith(".class") && !rel.contains("$") && !rel.endsWith("package-info.class")) {
          String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
          try {
            out.add(Class.forName(name));
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    return out;
  }

  private static ConfigExpr condition(Class<?> c) {
    IfConfig g = c.getAnnotation(IfConfig.class);
    return g == null ? ConfigExpr.TRUE : ConfigExpr.parse(g.value());
  }

  @Test
  void variantPointsHaveExactlyOneDefinitionWhereverTheyExist() throws IOException {
    List<Class<?>> classes = lockcoreClasses();
    int points = 0;
    for (Class<?> vp : classes) {
      if (!vp.isAnnotationPresent(VariantPoint.class)) {
        continue;
      }
      points++;
      List<Class<?>> impls = new ArrayList<>();
      for (Class<?> c : classes) {
        if (c != vp
            && vp.isAssignableFrom(c)
            && !c.isInterface()
            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
          impls.add(c);
        }
      }
      for (Config config : Config.allValid()) {
        long present = impls.stream().filter(c -> condition(c).eval(config)).count();
        assertEquals(
            condition(vp).eval(config) ? 1 : 0,
            present,
            vp.getSimpleName() + " in " + config + " has " + present + " definitions: " + impls);
      }
    }
    assertEquals(
        6,
        points,
        "FaultLock, StackExpansion, LockMmAndFindVma, MmLockSeq, MmapLockTrace, VmaLock");
  }

  @Test
  void lockMmAndFindVmaHasNoDefinitionForMmuWithoutTheOption() {
    Config c = Config.builder().enable(Option.MMU).build();
    assertFalse(condition(LockMmAndFindVma.class).eval(c));
    assertTrue(condition(LockMmAndFindVma.class).eval(Config.builder().build()));
  }

  @Test
  void bootedKernelsUseOnlyImplementationsPresentInTheirConfiguration() {
    for (Config config : Config.allValid()) {
      Kernel k = Kernel.boot(config);
      for (Object impl : List.of(k.vmaLock(), k.faultLock(), k.mmapLock().seq())) {
        assertTrue(
            condition(impl.getClass()).eval(config),
            impl.getClass().getSimpleName() + " instantiated in " + config);
      }
    }
  }
}
