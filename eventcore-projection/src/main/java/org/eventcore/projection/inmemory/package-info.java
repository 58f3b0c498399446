/**
 * Checkpoints, leases and the record of skipped events in memory, for durable projections in one
 * JVM (tests, demos, a single-node tool): {@link org.eventcore.projection.inmemory.InMemoryCheckpointStore}
 * and {@link org.eventcore.projection.inmemory.InMemoryProjectionLeases}, whose fenced saves go to the
 * checkpoint store given at creation. Nothing survives the JVM; across nodes use the JPA store's.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.projection.inmemory;
