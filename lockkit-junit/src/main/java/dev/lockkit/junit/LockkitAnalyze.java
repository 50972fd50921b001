package dev.lockkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares what a test class analyses; its test methods then take a {@link LockkitProject}
 * parameter (the analysis runs once, whatever the number of rules):
 *
 * <pre>{@code
 * @LockkitAnalyze(sources = "src/main/java", rules = "lockkit-rules.txt", kconfig = "Kconfig")
 * class ArchitectureTest {
 *   @TestFactory
 *   Stream<DynamicTest> noPackageCycles(LockkitProject project) {
 *     return LockkitRules.noPackageCycles().dynamicTests(project);
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LockkitExtension.class)
public @interface LockkitAnalyze {
  /** Source roots, relative to the module (Surefire's working directory). */
  String[] sources() default {"src/main/java"};

  /** Rules file (layers, forbidden dependencies, bans); empty for none. */
  String rules() default "";

  /** Kconfig for config gating; empty for none. */
  String kconfig() default "";
}
