package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.sync.Platform;
import dev.lockkit.lockcore.sync.Platforms;
import dev.lockkit.lockcore.sync.Poisonable;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.sync.Reports;
import dev.lockkit.lockcore.sync.RwSemaphore;
import dev.lockkit.lockcore.sync.SyncContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The VMA tree of an mm: the maple tree stand-in, ordered by address.
 *
 * <p>Implementation overview. The tree is one immutable {@link Node} holding the ranges and VMAs in
 * address order, published through the tree's root word. Readers load the root with acquire ({@code
 * rcu_dereference()}) and binary-search it, either inside an RCU read-side section (lock-free
 * lookup, as {@code lock_vma_under_rcu()} does) or holding {@code mmap_lock}. Modifications copy
 * the node, publish the copy with release ({@code rcu_assign_pointer()}) and free the replaced node
 * through {@code call_rcu()}, which poisons it after the grace period: a reader that keeps using a
 * node outside RCU and without the lock touches a poisoned node and the access is a detected fault
 * (the StackRot class of bug).
 *
 * <p>Every modification asserts that the current task holds {@code mmap_lock} for writing ({@code
 * mt_set_external_lock()} plus lockdep in the kernel). The node records ranges as they were when
 * stored, like the maple tree's pivots: a writer that changes {@code vm_start}/{@code vm_end} calls
 * {@link #update} to store the new range.
 */
public final class VmaTree {
  private final SyncContext ctx;
  private final String mmId;
  private final RwSemaphore externalLock;
  private static final VarHandle ROOT;

  static {
    try {
      ROOT = MethodHandles.lookup().findVarHandle(VmaTree.class, "root", Node.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // ma_root: a cell operation on every access (hook, op name and access mode as SharedRef's), but
  // the word sits in the tree object itself, so a lockless walk reaches the node in one load from
  // the tree instead of two (the walk runs between the RCU entry fence and the vm_refcnt CAS, so
  // each dependent load on the way is on the per-VMA lock's critical path).
  @SuppressWarnings("unused") // accessed through ROOT only
  private Node root;

  // Captured at construction, as a cell does (see Platform).
  private final Platform platform;

  /** {@code MAPLE_RANGE64_SLOTS}: the entries of one maple-tree leaf node. */
  static final int MAPLE_RANGE64_SLOTS = 16;

  /** A tree node; poisoned once freed. */
  static final class Node extends Poisonable {
    final long[] starts;
    final long[] ends;
    final VmAreaStruct[] vmas;
    final String owner;

    Node(Reports reports, String owner, long[] starts, long[] ends, VmAreaStruct[] vmas) {
      super(reports);
      this.owner = owner;
      this.starts = starts;
      this.ends = ends;
      this.vmas = vmas;
    }

    /** Index of the first entry with end > addr, or length. */
    int firstEndingAfter(long addr) {
      checkAlive("maple node walk");
      if (ends.length <= MAPLE_RANGE64_SLOTS) {
        // mtree_range_walk() scans a node's pivots in order; for a node of maple-node size that
        // is also cheaper here than the binary search (predictable branches, no index arithmetic).
        int i = 0;
        while (i < ends.length && Long.compareUnsigned(ends[i], addr) <= 0) {
          i++;
        }
        return i;
      }
      int lo = 0;
      int hi = ends.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (Long.compareUnsigned(ends[mid], addr) > 0) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    @Override
    protected String describe() {
      return "maple node of " + owner;
    }
  }

  /** An empty tree of mm {@code mmId}, modified only under {@code externalLock} held for write. */
  public VmaTree(SyncContext ctx, String mmId, RwSemaphore externalLock) {
    this.ctx = ctx;
    this.mmId = mmId;
    this.externalLock = externalLock;
    this.platform = Platforms.current();
    ROOT.setRelease(
        this, new Node(ctx.reports(), mmId, new long[0], new long[0], new VmAreaStruct[0]));
  }

  private void hook(String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, this, op);
  }

  /** The root with a volatile load, for modifications (under the mmap write lock). */
  private Node rootVolatile() {
    hook("ref.get");
    return (Node) ROOT.getVolatile(this);
  }

  private Rcu rcu() {
    return ctx.rcu();
  }

  private Node readRoot() {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      // RCU_LOCKDEP_WARN(!rcu_read_lock_held() && !lock_is_held(mt external lock))
      if (!rcu().readLockHeld() && !externalLock.isLocked()) {
        ctx.reports()
            .warnOnce(
                "mt-suspicious-rcu",
                "suspicious RCU usage: maple tree of " + mmId + " read without RCU or mmap_lock");
      }
    }
    hook("ref.getAcquire");
    return (Node) ROOT.getAcquire(this);
  }

  /**
   * {@code mas_walk()} at {@code addr}: the VMA whose stored range contains {@code addr}, or null.
   * Caller is in an RCU read-side section or holds {@code mmap_lock}.
   */
  public VmAreaStruct walk(long addr) {
    Node n = readRoot();
    int i = n.firstEndingAfter(addr);
    if (i < n.vmas.length && Long.compareUnsigned(n.starts[i], addr) <= 0) {
      return n.vmas[i];
    }
    return null;
  }

  /** {@code find_vma()}: the first VMA ending above {@code addr}, or null. */
  public VmAreaStruct findVma(long addr) {
    Node n = readRoot();
    int i = n.firstEndingAfter(addr);
    return i < n.vmas.length ? n.vmas[i] : null;
  }

  /**
   * {@code find_vma_prev()}: {@link #findVma} and the VMA before it.
   *
   * @param vma the VMA found, or null
   * @param prev the VMA stored before it (or the last VMA when none was found), or null
   */
  public record VmaAndPrev(VmAreaStruct vma, VmAreaStruct prev) {}

  /** {@code find_vma_prev()}. */
  public VmaAndPrev findVmaPrev(long addr) {
    Node n = readRoot();
    int i = n.firstEndingAfter(addr);
    return new VmaAndPrev(i < n.vmas.length ? n.vmas[i] : null, i > 0 ? n.vmas[i - 1] : null);
  }

  /** {@code vma_lookup()}: the VMA containing {@code addr}, or null. */
  public VmAreaStruct vmaLookup(long addr) {
    return walk(addr);
  }

  /** {@code vma_prev()} of {@code vma}: the VMA stored before it, or null. */
  public VmAreaStruct prev(VmAreaStruct vma) {
    Node n = readRoot();
    int i = indexOf(n, vma);
    return i > 0 ? n.vmas[i - 1] : null;
  }

  /** {@code vma_next()} of {@code vma}: the VMA stored after it, or null. */
  public VmAreaStruct next(VmAreaStruct vma) {
    Node n = readRoot();
    int i = indexOf(n, vma);
    return i >= 0 && i + 1 < n.vmas.length ? n.vmas[i + 1] : null;
  }

  /** The VMAs whose stored ranges intersect [start, end), in address order. */
  public List<VmAreaStruct> intersecting(long start, long end) {
    Node n = readRoot();
    List<VmAreaStruct> out = new ArrayList<>();
    for (int i = n.firstEndingAfter(start); i < n.vmas.length; i++) {
      if (Long.compareUnsigned(n.starts[i], end) >= 0) {
        break;
      }
      out.add(n.vmas[i]);
    }
    return out;
  }

  /** Every VMA in address order ({@code for_each_vma}). */
  public List<VmAreaStruct> all() {
    return List.of(readRoot().vmas);
  }

  /** The current root node (package-private, for tests of node lifetime). */
  Node rootForTest() {
    return readRoot();
  }

  /** The number of stored VMAs. */
  public int size() {
    return readRoot().vmas.length;
  }

  private static int indexOf(Node n, VmAreaStruct vma) {
    for (int i = 0; i < n.vmas.length; i++) {
      if (n.vmas[i] == vma) {
        return i;
      }
    }
    return -1;
  }

  // ---- modification: mmap write lock held ----

  private void publish(Node old, List<VmAreaStruct> vmas, List<long[]> ranges) {
    int k = vmas.size();
    long[] s = new long[k];
    long[] e = new long[k];
    for (int i = 0; i < k; i++) {
      s[i] = ranges.get(i)[0];
      e[i] = ranges.get(i)[1];
    }
    Node fresh = new Node(ctx.reports(), mmId, s, e, vmas.toArray(new VmAreaStruct[0]));
    hook("ref.setRelease");
    ROOT.setRelease(this, fresh);
    rcu().callRcu(old::poison);
  }

  /**
   * {@code vma_iter_store_new()} / {@code mas_store}: stores {@code vma} at its current range.
   *
   * @throws dev.lockkit.lockcore.sync.KernelBug if the mmap write lock is not held, the range is
   *     empty, or it overlaps a stored VMA; the tree is unchanged
   */
  public void insert(VmAreaStruct vma) {
    externalLock.assertHeldWrite();
    long start = vma.vmStart();
    long end = vma.vmEnd();
    Node old = rootVolatile();
    if (Long.compareUnsigned(start, end) >= 0) {
      throw ctx.reports().bug("maple tree: empty range stored for " + vma);
    }
    int i = old.firstEndingAfter(start);
    if (i < old.vmas.length && Long.compareUnsigned(old.starts[i], end) < 0) {
      throw ctx.reports().bug("maple tree: " + vma + " overlaps " + old.vmas[i]);
    }
    List<VmAreaStruct> vmas = new ArrayList<>(Arrays.asList(old.vmas));
    List<long[]> ranges = ranges(old);
    vmas.add(i, vma);
    ranges.add(i, new long[] {start, end});
    publish(old, vmas, ranges);
  }

  /**
   * {@code vma_iter_clear()}: removes {@code vma}.
   *
   * @throws dev.lockkit.lockcore.sync.KernelBug if the lock is not held or the VMA is not stored
   */
  public void remove(VmAreaStruct vma) {
    externalLock.assertHeldWrite();
    Node old = rootVolatile();
    int i = indexOf(old, vma);
    if (i < 0) {
      throw ctx.reports().bug("maple tree: removing " + vma + " which is not in " + mmId);
    }
    List<VmAreaStruct> vmas = new ArrayList<>(Arrays.asList(old.vmas));
    List<long[]> ranges = ranges(old);
    vmas.remove(i);
    ranges.remove(i);
    publish(old, vmas, ranges);
  }

  /**
   * {@code vma_iter_store_overwrite()} after {@code vm_start}/{@code vm_end} changed: stores the
   * VMA's current range.
   *
   * @throws dev.lockkit.lockcore.sync.KernelBug if the lock is not held, the VMA is not stored, or
   *     the new range overlaps a neighbour
   */
  public void update(VmAreaStruct vma) {
    externalLock.assertHeldWrite();
    store(vma);
  }

  /**
   * {@link #update} without the write-lock assertion, as the pre-6.5 {@code expand_downwards()}
   * stored a grown stack under the mmap <em>read</em> lock. Reachable only through {@code
   * HistoricalBug.STACKROT}; it is what lets that bug's tree-node use-after-free happen.
   */
  public void updateUnderReadLockStackRot(VmAreaStruct vma) {
    store(vma);
  }

  private void store(VmAreaStruct vma) {
    Node old = rootVolatile();
    int i = indexOf(old, vma);
    if (i < 0) {
      throw ctx.reports().bug("maple tree: updating " + vma + " which is not in " + mmId);
    }
    long start = vma.vmStart();
    long end = vma.vmEnd();
    boolean overlapsPrev = i > 0 && Long.compareUnsigned(old.ends[i - 1], start) > 0;
    boolean overlapsNext =
        i + 1 < old.vmas.length && Long.compareUnsigned(old.starts[i + 1], end) < 0;
    if (overlapsPrev || overlapsNext || Long.compareUnsigned(start, end) >= 0) {
      throw ctx.reports().bug("maple tree: new range of " + vma + " overlaps a neighbour");
    }
    List<VmAreaStruct> vmas = new ArrayList<>(Arrays.asList(old.vmas));
    List<long[]> ranges = ranges(old);
    ranges.set(i, new long[] {start, end});
    publish(old, vmas, ranges);
  }

  private static List<long[]> ranges(Node n) {
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n.vmas.length; i++) {
      out.add(new long[] {n.starts[i], n.ends[i]});
    }
    return out;
  }
}
