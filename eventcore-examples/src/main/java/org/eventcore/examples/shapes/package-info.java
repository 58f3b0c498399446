/**
 * The shapes of command the manual's Commands page shows beside the banking example, each compiled and
 * tested: a collection of streams ({@link org.eventcore.examples.shapes.PayOut}), a command written as
 * a class with a private stream field ({@link org.eventcore.examples.shapes.WithdrawWithFee}), and a
 * nested command ({@link org.eventcore.examples.shapes.Bank.Transfer}). They use the banking
 * example's events and state.
 */
package org.eventcore.examples.shapes;
