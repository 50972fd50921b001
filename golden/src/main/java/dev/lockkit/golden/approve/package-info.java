/**
 * Approved golden files, through ApprovalTests: one {@code <scenario>.<variant>.approved.txt} per
 * scenario and variant, atomic writes, an explicit update policy (never automatic on CI), and
 * detection of obsolete approved files.
 */
package dev.lockkit.golden.approve;
