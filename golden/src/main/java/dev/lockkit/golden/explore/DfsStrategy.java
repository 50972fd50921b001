package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.DecisionContext;
import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.ReplayDivergence;
import dev.lockkit.golden.sched.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateless depth-first search over schedules with a preemption bound (CHESS, Musuvathi and Qadeer,
 * PLDI 2007).
 *
 * <p>Implementation overview. The strategy keeps the decision stack of the last schedule: for each
 * scheduling point, the enabled set, the task at the point, the choice made, the choices already
 * tried there and the preemptions spent before it. A schedule re-executes the stack as a prefix
 * (checking the program offers the same enabled sets: a mismatch means it is not deterministic in
 * the schedule and is reported, never silently explored), then extends it with the non-preemptive
 * default at every new point. {@link #advance()} backtracks to the deepest point with an untried
 * choice whose preemption cost keeps the schedule within the bound. A choice is a preemption when
 * it switches away from a task that could have continued; switches forced by blocking or exit are
 * free. Every schedule with at most {@code bound} preemptions is thus visited exactly once. Choices
 * refused because of the bound are counted, so a report can say whether the bound limited the
 * search or the search covered every interleaving.
 *
 * <p>Focus. With a {@link PointFocus}, a preemption is allowed only at a point where the preempted
 * task is inside a named method; elsewhere the only choice is to let it continue (switches forced
 * by blocking or exit stay free). Whether a node is named is decided once, when the node is first
 * reached, on the thread of the task at the point, and kept with the node, so replaying the prefix
 * costs no stack walks. Choices refused by the focus are counted apart from the bound's.
 */
final class DfsStrategy implements Strategy {

  private static final class Node {
    final long enabled;
    final int current;
    final boolean currentEnabled;
    final int preemptionsBefore;
    final boolean preemptible;
    int chosen;
    long tried;

    Node(
        long enabled,
        int current,
        boolean currentEnabled,
        int preemptionsBefore,
        boolean preemptible,
        int chosen) {
      this.enabled = enabled;
      this.current = current;
      this.currentEnabled = currentEnabled;
      this.preemptionsBefore = preemptionsBefore;
      this.preemptible = preemptible;
      this.chosen = chosen;
      this.tried = 1L << chosen;
    }

    int cost(int choice) {
      return currentEnabled && choice != current ? 1 : 0;
    }
  }

  private final int bound;
  private final PointFocus focus; // null: preemptions anywhere
  private long focusCuts;
  private final List<Node> stack = new ArrayList<>();
  private int depth;
  private int preemptions;
  private long boundCuts;

  DfsStrategy(int bound) {
    this(bound, null);
  }

  /** A search whose preemptions happen only at {@code focus}'s named points (null: anywhere). */
  DfsStrategy(int bound, PointFocus focus) {
    this.bound = bound;
    this.focus = focus;
  }

  @Override
  public void beginSchedule() {
    depth = 0;
    preemptions = 0;
  }

  @Override
  public int choose(DecisionContext c) {
    Node node;
    if (depth < stack.size()) {
      node = stack.get(depth);
      if (node.enabled != c.enabledMask() || node.current != c.current()) {
        throw new ReplayDivergence(
            Failure.Kind.NONDETERMINISM,
            "decision "
                + depth
                + " offered tasks "
                + tasks(c.enabledMask())
                + " where an earlier run of the same prefix offered "
                + tasks(node.enabled));
      }
    } else {
      // A stack walk only where a preemption is possible at all: another task is enabled.
      boolean preemptible =
          focus == null
              || !c.currentEnabled()
              || c.enabledMask() == 1L << c.current()
              || focus.callerAtNamedPoint();
      node =
          new Node(
              c.enabledMask(),
              c.current(),
              c.currentEnabled(),
              preemptions,
              preemptible,
              c.defaultChoice());
      stack.add(node);
    }
    depth++;
    preemptions += node.cost(node.chosen);
    return node.chosen;
  }

  /** Moves to the next schedule within the bound; false when the search is exhausted. */
  boolean advance() {
    // A schedule that ended early (a failure) leaves deeper nodes of an earlier run unused.
    while (stack.size() > depth) {
      stack.remove(stack.size() - 1);
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      Node n = stack.get(i);
      long untried = n.enabled & ~n.tried;
      while (untried != 0) {
        int alt = Long.numberOfTrailingZeros(untried);
        untried &= untried - 1;
        n.tried |= 1L << alt;
        if (n.cost(alt) > 0 && !n.preemptible) {
          focusCuts++;
          continue;
        }
        if (n.preemptionsBefore + n.cost(alt) <= bound) {
          n.chosen = alt;
          while (stack.size() > i + 1) {
            stack.remove(stack.size() - 1);
          }
          return true;
        }
        boundCuts++;
      }
    }
    stack.clear();
    return false;
  }

  /** Choices refused so far because they would exceed the preemption bound. */
  long boundCuts() {
    return boundCuts;
  }

  /** Preemptions refused so far because the task was not at a named point (0 when unfocused). */
  long focusCuts() {
    return focusCuts;
  }

  private static String tasks(long mask) {
    StringBuilder sb = new StringBuilder("{");
    for (long m = mask; m != 0; m &= m - 1) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('T').append(Long.numberOfTrailingZeros(m));
    }
    return sb.append('}').toString();
  }
}
