package dev.lockkit.lockcore.sync;

/**
 * 128 bytes of unused fields in front of a hot word: the Java form of {@code
 * ____cacheline_aligned_in_smp}.
 *
 * <p>Why: a word one task writes on every operation must not share a cache line with what another
 * task writes (false sharing turns two independent faults into a ping-pong of one line). Java
 * cannot align an object, and where an object lands is the allocator's and then the garbage
 * collector's choice: two tasks' RCU reader records are copied next to each other by the first
 * young collection that finds them, in some JVMs and not others. HotSpot lays out a superclass's
 * fields before a subclass's, so hot fields declared in a subclass of this one, by a class whose
 * own subclass declares sixteen more unused longs, have 128 bytes on either side of them whatever
 * the neighbours: two lines, because the adjacent-line prefetcher moves lines in pairs.
 *
 * <p>{@code @Contended} would say this directly but is ignored outside the JDK unless every user
 * passes {@code -XX:-RestrictContended}; this is the layout JCTools and the JDK's own {@code
 * Striped64} relied on before it.
 */
abstract class LinePad {
  // Fills the 4 bytes after a compressed object header. Without it HotSpot (JDK 15+) puts a
  // subclass's int there, in front of the padding: the hot word of Refcount and SpinLock sat at
  // offset 12, next to whatever object came before.
  @SuppressWarnings("unused")
  private int hole;

  @SuppressWarnings("unused")
  private long p00, p01, p02, p03, p04, p05, p06, p07;
  @SuppressWarnings("unused")
  private long p08, p09, p10, p11, p12, p13, p14, p15;
}
