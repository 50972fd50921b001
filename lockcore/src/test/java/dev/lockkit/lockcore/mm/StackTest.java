package dev.lockkit.lockcore.mm;

import static dev.lockkit.lockcore.types.VmFlags.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.mm.FaultResult.Outcome;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmFlags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackTest {
  private static final long STACK = 0x7f0000000L;
  private static final long LEN = 4 * PAGE_SIZE;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LOCK_MM_AND_FIND_VMA,MMU",
        "MMU",
        "MMU,STACK_GROWSUP",
        "ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,SMP"
      })
  void faultJustBeyondAStackGrowsItInTheConfiguredDirection(String name) {
    Config config = Config.parse(name);
    Kernel k = Kernel.boot(config);
    MmStruct mm = k.newMm();
    assertEquals(STACK, k.mmapStack(mm, STACK, LEN));
    boolean up = config.isEnabled(dev.lockkit.lockcore.config.Option.STACK_GROWSUP);
    long addr = up ? STACK + LEN + 10 : STACK - 10;
    FaultResult r = k.fault(mm, addr, Access.WRITE);
    assertEquals(Outcome.OK, r.outcome(), r.toString());
    assertFalse(mm.mmapLock().isLocked());
    var vma = mm.mmMt().findVma(STACK);
    assertEquals(up ? STACK : STACK - PAGE_SIZE, vma.vmStart());
    assertEquals(up ? STACK + LEN + PAGE_SIZE : STACK + LEN, vma.vmEnd());
    // Far away from the stack is still a bad access.
    long far = up ? STACK + LEN + 64 * VmFlags.RLIMIT_STACK : STACK - 64 * VmFlags.RLIMIT_STACK;
    assertEquals(Outcome.SIGSEGV_MAPERR, k.fault(mm, far, Access.READ).outcome());
    assertFalse(mm.mmapLock().isLocked());
    assertEquals(java.util.List.of(), k.reports().all());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "SMP,TRACING"})
  void nommuStacksNeverGrow(String name) {
    Kernel k = Kernel.boot(Config.parse(name));
    MmStruct mm = k.newMm();
    assertEquals(STACK, k.mmapStack(mm, STACK, LEN));
    assertEquals(Outcome.SIGSEGV_MAPERR, k.fault(mm, STACK - 10, Access.WRITE).outcome());
    assertFalse(mm.mmapLock().isLocked());
    assertEquals(Outcome.OK, k.fault(mm, STACK, Access.WRITE).outcome());
  }
}
