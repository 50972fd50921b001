package dev.lockkit.golden.lockcore;

import dev.lockkit.golden.spi.RunBinding;
import dev.lockkit.golden.spi.SchedulingPoints;
import dev.lockkit.lockcore.sync.Platform;
import dev.lockkit.lockcore.sync.Platforms;
import java.util.Objects;

/**
 * The bridge from golden's scheduling SPI to lockcore's: lockcore's {@link Platform} whose every
 * call is the same call on a run's {@link SchedulingPoints}. The two SPIs have the same four calls
 * with the same meaning (lockcore's came first; golden's is its harness-owned twin), so the bridge
 * only forwards.
 *
 * <p>{@link #BINDING} is how lockcore code reaches a golden run: on each thread the explorer binds
 * it to (the harness thread while it boots kernels and reads outcomes, each task thread while it
 * runs), lockcore's {@link Platforms#current()} is a bridge to that run's scheduler, so every cell
 * a kernel makes, at boot or later on a task, captures it. Thread-confined: two explorations on two
 * threads each get their own.
 */
public final class LockcorePlatform implements Platform {

  /** Binds a bridge to the run's scheduler as lockcore's platform of the calling thread. */
  public static final RunBinding BINDING =
      points -> {
        Platforms.Binding b = Platforms.bind(of(points));
        return b::close;
      };

  // The last bridge made: a run binds the same scheduler on every task of every schedule, so one
  // bridge serves them all (a different scheduler, another run's, only replaces it).
  private static volatile LockcorePlatform last;

  private final SchedulingPoints points;

  private LockcorePlatform(SchedulingPoints points) {
    this.points = Objects.requireNonNull(points, "points");
  }

  /** lockcore's platform over {@code points}. */
  public static LockcorePlatform of(SchedulingPoints points) {
    LockcorePlatform p = last;
    if (p == null || p.points != points) {
      p = new LockcorePlatform(points);
      last = p;
    }
    return p;
  }

  /** The golden scheduler this bridge forwards to. */
  public SchedulingPoints points() {
    return points;
  }

  @Override
  public void beforeSharedAccess(Object location, String op) {
    points.beforeSharedAccess(location, op);
  }

  @Override
  public void park(Object blocker) {
    points.park(blocker);
  }

  @Override
  public void unpark(Thread thread) {
    points.unpark(thread);
  }

  @Override
  public void spinWait(Object location) {
    points.spinWait(location);
  }
}
