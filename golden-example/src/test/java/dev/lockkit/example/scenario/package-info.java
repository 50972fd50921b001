/**
 * golden's {@code .scn} scenarios on code that is not lockcore: {@link
 * dev.lockkit.example.scenario.PageHitsTarget} declares its own operations ({@code hit PAGE},
 * {@code get PAGE}), and the scenarios in the module's {@code scenarios} directory use them.
 */
package dev.lockkit.example.scenario;
