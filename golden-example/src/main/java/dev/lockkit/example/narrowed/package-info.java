/** The inventory with a narrowed lock scope: the differential catches the behaviour change. */
package dev.lockkit.example.narrowed;
