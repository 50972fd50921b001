/**
 * Reading an {@code @IfConfig("expr")} annotation of the analysed code or of an after template's
 * declarations: below both the gating check ({@code migrate.gate}) and the template reader ({@code
 * migrate.template}), so the two read the annotation the same way without depending on each other.
 */
package dev.lockkit.refactor.migrate.ifconfig;
