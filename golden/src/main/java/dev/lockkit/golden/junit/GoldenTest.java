package dev.lockkit.golden.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * A JUnit 5 test whose code under test golden instruments and explores: {@code @Test} plus {@link
 * Instrumented} (the test class's package). Inside, build the test with {@link Golden#of}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Instrumented
public @interface GoldenTest {}
