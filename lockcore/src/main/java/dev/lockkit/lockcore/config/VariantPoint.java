package dev.lockkit.lockcore.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface that stands for one prototype with several {@code #ifdef}-selected definitions
 * in the kernel (for example the real {@code mmap_lock_speculate_try_begin()} and its {@code
 * !CONFIG_PER_VMA_LOCK} stub). Each implementation class carries an {@link IfConfig} naming the
 * configurations it is compiled in; exactly one is instantiated at boot from the runtime {@link
 * Config}. The analyzer checks that the implementations' conditions do not overlap and reports the
 * configurations in which none exists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VariantPoint {}
