/**
 * Gating-aware rewriting: the presence condition of a site ({@code @IfConfig} and {@code isEnabled}
 * guards, as the analyzer reads them) and the SAT check that an after template only references
 * declarations present wherever the site is.
 */
package dev.lockkit.refactor.migrate.gate;
