package dev.lockkit.golden.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method (or every test method of a class) with the code under test instrumented: the
 * test class is loaded again through golden's instrumenting class loader and the method runs on
 * that copy, so its actors, its shared state and the classes they call are scheduled by golden.
 * Combine with {@code @Test} or {@link VariantMatrixTest}; {@link GoldenTest} is {@code @Test} plus
 * this.
 *
 * <p>{@code @BeforeEach}/{@code @AfterEach} methods run on JUnit's own, uninstrumented instance:
 * build the shared state in {@code Golden.of(...)}'s supplier instead.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GoldenTestExtension.class)
public @interface Instrumented {

  /**
   * Packages whose classes are instrumented (with their sub-packages); empty: the test class's own
   * package.
   */
  String[] packages() default {};
}
