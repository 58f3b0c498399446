/**
 * The service provider interface of durable projections, for stores that keep their progress: a
 * {@link org.eventcore.projection.spi.CheckpointStore} keeps each projection's position in the global
 * log, {@link org.eventcore.projection.spi.ProjectionLeases} let one node at a time commit progress
 * (a lease with a fencing epoch, and {@code saveFenced} that refuses a stale holder with
 * {@link org.eventcore.projection.spi.LeaseLostException}), and a
 * {@link org.eventcore.projection.spi.SkippedEventLog} keeps the events skipped under
 * {@code SKIP_AND_RECORD}, as {@link org.eventcore.projection.spi.SkippedEvent}s. The JPA store
 * implements all three; {@code org.eventcore.projection.inmemory} does for one JVM. Each
 * interface's Javadoc states the contract; the test kit's {@code CheckpointStoreContract} checks
 * checkpoint stores. These types are not sealed: adapters implement them.
 *
 * <p>Nullness: no method accepts or returns {@code null}; absent values are {@link java.util.Optional}.
 */
package org.eventcore.projection.spi;
