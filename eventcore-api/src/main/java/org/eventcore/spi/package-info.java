/**
 * The service provider interface for event stores and units of work, as small role interfaces:
 * {@link org.eventcore.spi.StreamReader} (read several streams with their versions),
 * {@link org.eventcore.spi.ConditionalAppender} (one atomic append over any number of streams,
 * checked against the version of every stream read), {@link org.eventcore.spi.GlobalLogReader}
 * (follow all events in position order), {@link org.eventcore.spi.CommandLog} (find a command
 * execution by id) and {@link org.eventcore.spi.AttemptBoundary} (one transaction per attempt), with
 * what their implementations share: {@link org.eventcore.spi.Failures} (whether a failure is
 * transient, a data error or the work's own) and {@link org.eventcore.spi.ImmutableEventList}.
 *
 * <p>Each interface's Javadoc states the contract an adapter must keep (invariants I1-I4 and I8 of the manual's Design page);
 * the abstract suites in {@code eventcore-testkit} check it. A new ability is a new interface, not
 * a wider one. These types are not sealed: adapters implement them.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.spi;
