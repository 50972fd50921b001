/**
 * The controlled platform: golden's scheduling SPI ({@link
 * dev.lockkit.golden.spi.SchedulingPoints}) implemented so that tasks run on real threads one at a
 * time and every instrumented operation is a scheduling point at which a {@link
 * dev.lockkit.golden.sched.Strategy} chooses who runs next. Also the schedule-string format that
 * replays any run, and the failure kinds the scheduler detects.
 */
package dev.lockkit.golden.sched;
