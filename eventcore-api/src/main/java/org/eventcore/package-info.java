/**
 * The EventCore programming model: streams, commands and the events they write.
 *
 * <p>A {@link org.eventcore.Command} declares the streams it needs with {@link org.eventcore.Stream}
 * members, folds their events into a state with {@code apply}, and decides in {@code handle}, where
 * {@code require(...)} rejects with a business rule and a {@link org.eventcore.Decision} collects the
 * new events, each tied to one of the command's streams through a typed
 * {@link org.eventcore.StreamHandle}. The values here ({@link org.eventcore.StreamId},
 * {@link org.eventcore.EventId}, {@link org.eventcore.StreamVersion},
 * {@link org.eventcore.GlobalPosition}, {@link org.eventcore.EventMetadata},
 * {@link org.eventcore.CommandId}) validate on construction. All errors extend
 * {@link org.eventcore.EventCoreException}, except invalid values, which throw
 * {@link java.lang.IllegalArgumentException} subtypes.
 *
 * <p>Nullness: no method in this package accepts or returns {@code null}; absent values are
 * {@link java.util.Optional}. This package uses no container API.
 */
package org.eventcore;
