package dev.lockkit.lockcore.sync;

/**
 * Run by {@link KasanSwitchTest} in a JVM of its own, because {@link Kasan} is switched on once per
 * JVM: {@code main(mode)} warms a checked accessor up on the real JVM (so C2 compiles it with the
 * switch folded), then, in mode {@code enable}, turns the checks on through the API; in every mode
 * it touches a freed object on the real JVM and on a recording platform, and prints one {@code
 * key=value} line per fact the test checks.
 */
final class KasanMain {

  private KasanMain() {}

  /** A poisonable object whose checked accessor the warm-up compiles. */
  static final class Thing extends Poisonable {
    Thing(Reports reports) {
      super(reports);
    }

    int access() {
      checkAlive("access");
      return 1;
    }

    @Override
    protected String describe() {
      return "thing";
    }
  }

  // Whether touching t faults: "caught" or "unchecked".
  static String touch(Thing t) {
    try {
      t.access();
      return "unchecked";
    } catch (PoisonFault e) {
      return "caught";
    }
  }

  public static void main(String[] args) {
    String mode = args[0];
    Reports reports = new Reports();
    System.out.println("start=" + Kasan.enabled());
    Thing alive = new Thing(reports);
    int sum = 0;
    for (int k = 0; k < 200_000; k++) {
      sum += alive.access();
    }
    System.out.println("warm=" + sum);
    Thing freed = new Thing(reports);
    freed.poison();
    System.out.println("jvmBefore=" + touch(freed));
    if (mode.equals("enable")) {
      Kasan.enable();
    } else if (!mode.equals("off") && !mode.equals("property")) {
      throw new IllegalArgumentException(mode);
    }
    System.out.println("enabled=" + Kasan.enabled());
    System.out.println("jvmAfter=" + touch(freed));
    System.out.println("alive=" + touch(alive));
    // A controlled platform always checks, with the check's scheduling point, whatever the switch.
    PlatformSwitchMain.Recording rec = new PlatformSwitchMain.Recording();
    Thing controlled;
    try (Platforms.Binding b = Platforms.bind(rec)) {
      controlled = new Thing(reports);
    }
    controlled.poison();
    rec.ops.clear();
    System.out.println("controlled=" + touch(controlled));
    System.out.println("controlledOps=" + String.join(",", rec.ops));
  }
}
