/**
 * Durable projections: a named projection follows the global log from its stored checkpoint, its
 * {@link org.eventcore.projection.ProjectionHandler} invoked directly by a
 * {@link org.eventcore.projection.ProjectionRunner} (never through an event bus), one batch per
 * unit of work so that a read model in the same database and the checkpoint commit together. A
 * {@link org.eventcore.projection.ProjectionDefinition} names the projection and sets its batch size,
 * poll interval and {@link org.eventcore.projection.ErrorPolicy}; the runner reports a
 * {@link org.eventcore.projection.ProjectionStatus} (state, checkpoint against head, errors, skipped
 * events, lease), can rebuild from zero or any position, and lets a caller wait until the projection
 * has passed a position (read your own writes). Fail-over between nodes goes through the
 * {@link org.eventcore.projection.spi.ProjectionLeases} SPI: one lease per projection with a fencing epoch, so
 * at most one node commits progress even across long pauses.
 *
 * <p>This package is plain Java with no container API; a CDI layer wires it to managed executors
 * and handler beans. Nullness: no method accepts or returns {@code null}; absent values are
 * {@link java.util.Optional}.
 */
package org.eventcore.projection;
