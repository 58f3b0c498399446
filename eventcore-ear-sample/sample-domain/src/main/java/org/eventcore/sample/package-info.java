/**
 * The domain of the EventCore EAR sample, in the EAR's {@code lib/}: the commands, events and states
 * of {@code banking} (accounts, deposits, withdrawals, transfers) and {@code shop} (stock, orders
 * reserving several products at once, shipping with loyalty points, cancelling), and the read-model
 * entities with the persistence unit. The web module holds the rest of each slice: its REST
 * resource and its projections.
 */
package org.eventcore.sample;
