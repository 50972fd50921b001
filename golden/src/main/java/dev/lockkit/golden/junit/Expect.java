package dev.lockkit.golden.junit;

/** How an {@link Outcome} is graded (jcstress's {@code Expect}). */
public enum Expect {
  /** A correct result. */
  ACCEPTABLE,
  /** Correct but worth seeing (a rare interleaving): listed as interesting. */
  INTERESTING,
  /** Must never happen: the test fails with the schedule that reaches it. */
  FORBIDDEN
}
