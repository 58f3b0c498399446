/**
 * The code of the manual's Concepts page ({@code src/site/markdown/concepts.md}): the small bank that
 * runs through that page, with its account events, the {@link org.eventcore.examples.concepts.Accounts}
 * state, the commands {@code OpenAccount}, {@code Deposit}, {@code TransferMoney} and
 * {@code CloseAccount} (which discovers the payout account at run time), and their declarations
 * classes written by hand. The page shows these sources verbatim, and a test in
 * {@code org.eventcore.examples.docs} fails when the page and this package drift apart, so what the
 * manual shows is code that compiles and is tested.
 */
package org.eventcore.examples.concepts;
