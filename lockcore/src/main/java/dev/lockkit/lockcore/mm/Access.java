package dev.lockkit.lockcore.mm;

/** The kind of access that faulted (the x86 error code's W and I bits). */
public enum Access {
  /** A load. */
  READ,
  /** A store. */
  WRITE,
  /** An instruction fetch. */
  EXEC
}
