package dev.lockkit.golden.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A graded outcome of a golden test: {@code id} is a regular expression that must match the whole
 * outcome text (the arbiter's text, or {@code FAILURE ...} for a deadlock, an exception...). Once a
 * test declares outcomes, an outcome matching none of them is forbidden. Without declarations,
 * failures are forbidden and everything else is acceptable.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Outcomes.class)
public @interface Outcome {

  /** Regular expression over the whole outcome text. */
  String id();

  /** The grade. */
  Expect expect();

  /** Why: printed beside the outcome. */
  String desc() default "";
}
