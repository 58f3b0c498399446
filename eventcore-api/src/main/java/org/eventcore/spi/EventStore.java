package org.eventcore.spi;

/**
 * What the command executor needs of a store: read streams, append on condition, look up a command
 * execution. Stores that offer the global log also implement {@link GlobalLogReader}.
 *
 * <p>Adapter authors: check your store with the contract suites of {@code eventcore-testkit}.
 */
public interface EventStore extends StreamReader, ConditionalAppender, CommandLog {}
