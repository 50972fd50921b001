package dev.lockkit.golden.junit;

import dev.lockkit.golden.matrix.VariantSource;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated method once per variant of a matrix. The method may take a {@link
 * dev.lockkit.golden.matrix.Variant} parameter. Each invocation is its own test, displayed as
 * {@code [i/n] VARIANT_ID}.
 *
 * <pre>{@code
 * @VariantMatrixTest(source = Variants.class, config = "STATS && !TRACING")
 * void hitsAreCounted(Variant variant) { ... }
 * }</pre>
 *
 * <p>The source is required: golden knows no variants of its own ({@code KconfigFile} reads a
 * project's Kconfig; the lockcore adapter offers {@code
 * dev.lockkit.golden.lockcore.LockcoreVariants}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(VariantMatrixExtension.class)
public @interface VariantMatrixTest {

  /** Where the variants come from; needs a public no-argument constructor. */
  Class<? extends VariantSource> source();

  /** A configuration selector: only variants where it holds run ({@code all}: every variant). */
  String config() default "all";
}
