package dev.lockkit.lockcore.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link PlatformSwitchTest} in a JVM of its own, because the switch point behind {@link
 * Platforms#othersPossible()} is invalidated once per JVM: {@code main(mode)} warms the cells up on
 * the real JVM (so C2 compiles their hooks with the switch folded), then admits a recording
 * platform the way {@code mode} says ({@code install}, {@code bind} or {@code cell}: handed to a
 * cell's constructor), and prints one {@code key=value} line per fact the test checks.
 */
final class PlatformSwitchMain {

  private PlatformSwitchMain() {}

  /** A platform that records every scheduling point it is asked for. */
  static final class Recording implements Platform {
    final List<String> ops = new ArrayList<>();

    @Override
    public void beforeSharedAccess(Object location, String op) {
      ops.add(op);
    }

    @Override
    public void park(Object blocker) {}

    @Override
    public void unpark(Thread thread) {}

    @Override
    public void spinWait(Object location) {}
  }

  /** A poisonable object whose checked accessor the test calls. */
  static final class Thing extends Poisonable {
    Thing(Reports reports) {
      super(reports);
    }

    void access() {
      checkAlive("access");
    }

    @Override
    protected String describe() {
      return "thing";
    }
  }

  // One body shared by the warm-up and by the cells made after the switch: if C2 had kept a folded
  // `false` here, the recording cells' accesses would go unseen.
  static int touch(SharedInt i, SharedLong l, SharedRef<String> r, Refcount c, Thing t) {
    i.set(i.get() + 1);
    l.setRelease(l.getAcquire() + 2);
    r.compareAndSet(r.getOpaque(), "x");
    c.incNotZeroLimitedAcquire(1 << 20);
    c.decAndTest();
    t.access();
    return i.getPlain();
  }

  public static void main(String[] args) {
    String mode = args[0];
    Reports reports = new Reports();
    SharedInt ji = new SharedInt(0);
    SharedLong jl = new SharedLong(0);
    SharedRef<String> jr = new SharedRef<>("a");
    Refcount jc = new Refcount(reports, 1);
    Thing jt = new Thing(reports);
    System.out.println("before=" + Platforms.othersPossible());
    int last = 0;
    for (int k = 0; k < 200_000; k++) {
      last = touch(ji, jl, jr, jc, jt);
    }
    System.out.println("warm=" + last);

    Recording rec = new Recording();
    Platforms.Binding binding = null;
    Platform previous = null;
    // "after" is read before any cell is made under the new platform: install and bind must have
    // flipped the switch themselves (a cell constructor given a platform also does, see "cell").
    switch (mode) {
      case "install":
        previous = Platforms.install(rec);
        System.out.println("after=" + Platforms.othersPossible());
        break;
      case "bind":
        binding = Platforms.bind(rec);
        System.out.println("after=" + Platforms.othersPossible());
        break;
      case "cell":
        new SharedInt(0, rec);
        System.out.println("after=" + Platforms.othersPossible());
        break;
      default:
        throw new IllegalArgumentException(mode);
    }
    SharedInt ri = mode.equals("cell") ? new SharedInt(0, rec) : new SharedInt(0);
    // Cells made under the recording platform: every access reaches it.
    SharedLong rl = new SharedLong(0, rec);
    SharedRef<String> rr = new SharedRef<>("a", rec);
    Refcount rc;
    Thing rt;
    if (mode.equals("cell")) {
      rc = null;
      rt = null;
      rec.ops.clear();
      ri.set(ri.get() + 1);
      System.out.println("recorded=" + String.join(",", rec.ops));
    } else {
      rc = new Refcount(reports, 1);
      rt = new Thing(reports);
      rec.ops.clear();
      touch(ri, rl, rr, rc, rt);
      System.out.println("recorded=" + String.join(",", rec.ops));
    }
    // The real JVM's cells still work, and reach no platform.
    rec.ops.clear();
    for (int k = 0; k < 1_000; k++) {
      last = touch(ji, jl, jr, jc, jt);
    }
    System.out.println("jvm=" + last + "," + jl.get() + "," + jr.get() + "," + jc.read());
    System.out.println("jvmRecorded=" + rec.ops.size());
    System.out.println("reports=" + reports.all().size());
    jt.poison();
    try {
      jt.access();
      System.out.println("poison=missed");
    } catch (PoisonFault e) {
      System.out.println("poison=caught");
    }
    if (binding != null) {
      binding.close();
    }
    if (previous != null) {
      Platforms.install(previous);
    }
    System.out.println("restored=" + Platforms.othersPossible());
  }
}
