package dev.lockkit.lockcore.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Java form of an {@code #ifdef} around a definition: the annotated element exists only in
 * build variants where {@link #value()} holds. The analyzer recognises the annotation by its simple
 * name and deletes the element from variants where the expression is false, so code must reach an
 * annotated element only from code whose own condition implies this one.
 *
 * <p>The expression grammar is the Kconfig one: option names from {@link Option}, {@code !}, {@code
 * &&}, {@code ||} and parentheses, e.g. {@code "MMU && !STACK_GROWSUP"}. {@link ConfigExpr} parses
 * and evaluates it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface IfConfig {
  /** The presence condition, e.g. {@code "PER_VMA_LOCK"}. */
  String value();
}
