package dev.lockkit.lockcore.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.trace.TraceEvent;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AllConfigurationsBootTest {

  static Stream<Config> configs() {
    return Config.allValid().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void everyValidConfigurationBootsMapsFaultsForksAndUnmaps(Config config) {
    Kernel k = Kernel.boot(config);
    List<TraceEvent> events = new ArrayList<>();
    k.setTraceSink(events::add);
    Task t = Task.create("t1");
    t.call(
        () -> {
          MmStruct mm = k.newMm();
          long a =
              k.mmap(
                  mm,
                  0,
                  4 * VmFlags.PAGE_SIZE,
                  Kernel.PROT_READ | Kernel.PROT_WRITE,
                  Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS);
          assertTrue(a > 0, "mmap returned " + a);
          // First touch: under PER_VMA_LOCK the VMA path must retry for the anon_vma only if the
          // trylock fails; here nobody holds mmap_lock, so it succeeds either way.
          FaultResult r = k.fault(mm, a + 5, Access.WRITE);
          assertEquals(FaultResult.Outcome.OK, r.outcome(), r.toString());
          assertEquals(config.isEnabled(Option.PER_VMA_LOCK), r.vmaLocked(), r.toString());
          long f =
              k.mmapFile(
                  mm, 0, VmFlags.PAGE_SIZE, Kernel.PROT_READ, Kernel.MAP_PRIVATE, "libc.so", 0);
          FaultResult fr = k.fault(mm, f, Access.READ);
          assertEquals(FaultResult.Outcome.OK, fr.outcome(), fr.toString());
          assertEquals(FaultResult.Outcome.SIGSEGV_ACCERR, k.fault(mm, f, Access.WRITE).outcome());
          assertEquals(
              FaultResult.Outcome.SIGSEGV_MAPERR, k.fault(mm, 0x7000_0000L, Access.READ).outcome());
          ForkResult child = k.fork(mm);
          assertEquals(0, child.error());
          assertEquals(2, k.readMaps(child.child()).lines().size());
          assertEquals(0, k.munmap(mm, a, VmFlags.PAGE_SIZE));
          assertEquals(
              0, k.mprotect(mm, a + VmFlags.PAGE_SIZE, VmFlags.PAGE_SIZE, Kernel.PROT_READ));
          assertEquals(3, k.readMaps(mm).lines().size(), k.readMaps(mm).lines().toString());
          return null;
        });
    assertEquals(List.of(), k.reports().all());
    assertEquals(
        config.isEnabled(Option.TRACING),
        events.stream().anyMatch(e -> e.canonical().contains("mmap_lock_start_locking")));
    assertEquals(
        config.isEnabled(Option.PER_VMA_LOCK_STATS),
        k.vmaLockStats().getOrDefault("VMA_LOCK_SUCCESS", 0L) > 0);
  }
}
