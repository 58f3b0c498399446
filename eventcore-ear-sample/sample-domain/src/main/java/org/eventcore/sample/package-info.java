/**
 * The EventCore EAR sample, in vertical slices: {@code banking} (accounts, deposits, withdrawals,
 * transfers; balances and statements), {@code shop} (stock, orders reserving several products at
 * once, shipping with loyalty points, cancelling; inventory and loyalty), and {@code infrastructure}
 * (the event store, checkpoints and leases the application produces, and the schema).
 */
package org.eventcore.sample;
