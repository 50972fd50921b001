/** The inventory before a refactoring (see {@code after} and {@code narrowed}). */
package dev.lockkit.example.before;
