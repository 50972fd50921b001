package dev.lockkit.golden.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CanonicalTest {

  @Test
  void identityHashesAreNumberedByFirstAppearanceSoDistinctObjectsStayDistinct() {
    assertEquals(
        "a Foo@h1 b Bar@h2 again Foo@h1",
        Canonical.scrub("a Foo@1b6d3586 b Bar@4554617c again Foo@1b6d3586"));
  }

  @Test
  void scheduleEntriesAndTaskNamesAreNotMistakenForHashes() {
    assertEquals("T0@3,T1@12 T0: x", Canonical.scrub("T0@3,T1@12 T0: x"));
  }

  @Test
  void shortIdentityHashesAreScrubbedToo() {
    // Integer.toHexString(identityHashCode) has no leading zeros: 1 to 8 digits.
    assertEquals(
        "RwSemaphore@h1 Vma2@h2 T0@3 Object@h1",
        Canonical.scrub("RwSemaphore@4352 Vma2@a T0@3 Object@4352"));
  }

  @Test
  void threadNamesTimesAndDurationsAreReplaced() {
    assertEquals(
        "on <thread1> and <thread2> at <time1> took <duration1>",
        Canonical.scrub("on Thread-7 and golden-worker-2 at 2026-11-25T13:00:02.123Z took 15 ms"));
  }

  @Test
  void aTraceLogRendersOneScrubbedLinePerEvent() {
    TraceLog log = new TraceLog();
    log.add("T0: parked on Object@1b6d3586");
    log.add("T1: woke Object@1b6d3586");
    assertEquals("T0: parked on Object@h1\nT1: woke Object@h1\n", log.text());
  }
}
