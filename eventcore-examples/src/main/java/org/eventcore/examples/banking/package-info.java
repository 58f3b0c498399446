/**
 * The banking example: open an account, deposit, withdraw, and transfer money between two accounts
 * in one atomic command over both streams. Each command is a record of well under 50 lines; the
 * {@code *Streams} classes are their stream declarations.
 */
package org.eventcore.examples.banking;
