/** The inventory after a rename and an extracted constant: same behaviour, same golden text. */
package dev.lockkit.example.after;
