/**
 * The service provider interface for event stores and units of work, as small role interfaces:
 * {@link org.eventcore.spi.StreamReader} (read several streams with their versions),
 * {@link org.eventcore.spi.ConditionalAppender} (one atomic append over any number of streams,
 * checked against the version of every stream read), {@link org.eventcore.spi.GlobalLogReader}
 * (follow all events in position order), {@link org.eventcore.spi.CommandLog} (find a command
 * execution by id) and {@link org.eventcore.spi.AttemptBoundary} (one transaction per attempt).
 *
 * <p>Each interface's Javadoc states the contract an adapter must keep (DESIGN.md I1-I4 and I8);
 * the abstract suites in {@code eventcore-testkit} check it. A new ability is a new interface, not
 * a wider one. These types are not sealed: adapters implement them.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.spi;
