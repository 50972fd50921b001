/**
 * Reading Refaster-style template files: each (nested) class with {@code @BeforeTemplate} /
 * {@code @AfterTemplate} methods is a {@link dev.lockkit.refactor.migrate.template.Rule}; every
 * name in a template body is resolved once into a {@link
 * dev.lockkit.refactor.migrate.template.Ref}; anything outside the supported subset is refused with
 * the file, line and feature named.
 */
package dev.lockkit.refactor.migrate.template;
