package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A task's RCU reader record (see {@code Rcu}). Opaque to callers: {@code Rcu.readLockToken()}
 * hands it out so that a section opened and closed in one function looks the task up once.
 *
 * <p>A class of its own, not nested in {@code Rcu}: {@code Task} caches its record in a field of
 * this type (no class check on the per-VMA read path), and a field typed by {@code Rcu} itself
 * would close a type cycle ({@code Rcu}, {@code Reports}, {@code Task}). This class refers to
 * neither.
 */
public final class RcuReader extends RcuReaderWords {
  private static final VarHandle CTR;

  static {
    try {
      CTR = MethodHandles.lookup().findVarHandle(RcuReaderWords.class, "ctr", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Trailing half of the padding around the owner's words (see RcuReaderWords).
  @SuppressWarnings("unused")
  private long q00, q01, q02, q03, q04, q05, q06, q07;
  @SuppressWarnings("unused")
  private long q08, q09, q10, q11, q12, q13, q14, q15;

  final String task;
  final Platform platform;

  RcuReader(String task, Platform platform) {
    this.task = task;
    this.platform = platform;
  }

  private void hook(String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, this, op);
  }

  /** An updater's read of the sequence (volatile). */
  long ctr() {
    hook("long.get");
    return (long) CTR.getVolatile(this);
  }

  /** Entering the outermost section: the next (odd) sequence, opaque; the caller fences. */
  void enter() {
    hook("long.setOpaque");
    CTR.setOpaque(this, (long) CTR.get(this) + 1);
  }

  /** Leaving the outermost section: the next (even) sequence, with release. */
  void leave() {
    hook("long.setRelease");
    CTR.setRelease(this, (long) CTR.get(this) + 1);
  }

  /** The sequence, as the cell it replaces printed itself (deadlock reports name spin words). */
  @Override
  public String toString() {
    return String.valueOf((long) CTR.getOpaque(this));
  }
}
