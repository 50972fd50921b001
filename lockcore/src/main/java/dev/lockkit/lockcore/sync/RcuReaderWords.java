package dev.lockkit.lockcore.sync;

/**
 * The words of an {@link RcuReader} its owner writes on every section, with {@link LinePad}'s 128
 * bytes before them and {@link RcuReader}'s after: each task's record is its "per-CPU" data, and
 * two records next to each other (a young collection copies them side by side) would make faults on
 * different VMAs trade one cache line.
 */
abstract class RcuReaderWords extends LinePad {
  // The per-reader sequence. Written only by the owner (opaque on entry, then a full fence;
  // release on exit); read by updaters with volatile loads, which pair with both. A cell
  // operation each (the hooks, op names and modes of SharedLong), but the word sits in the
  // record: leaving a section right after the entry fence is then a store into the record in
  // hand, not a load of a cell first (a dependent load that waits for the fence). The owner
  // computes
  // the next value from a plain load of its own word (it is the only writer, so program order
  // gives it its last store; no scheduling point, as no other task's write can be seen there):
  // an owner-only copy of the sequence was one more word to load and store on every entry and exit.
  @SuppressWarnings("unused") // accessed through RcuReader.CTR only
  long ctr;

  // Owner-only, as the kernel's current->rcu_read_lock_nesting: only the outermost section
  // announces itself in ctr.
  int nesting;
}
