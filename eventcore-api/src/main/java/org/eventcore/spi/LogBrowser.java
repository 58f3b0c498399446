package org.eventcore.spi;

import java.util.List;
import java.util.Optional;

/**
 * Lets people look at what a store holds: the global log newest first with filters, one event, the events
 * of one command. Implemented by stores that keep a global log ({@code JpaEventStore},
 * {@code InMemoryEventStore}); used by the EventCore console.
 *
 * <p>Nothing here parses a payload or the metadata: events come as stored ({@link LoggedEvent}), so that
 * an event that cannot be read is still shown, with the reason, by whoever parses it. Every call is bounded:
 * a page reads at most {@link LogQuery#MAX_EXAMINED} log entries and at most {@link LogQuery#MAX_LIMIT}
 * events, whatever the log holds, so no call scans the log.
 *
 * <p>The JPA store answers inside the caller's transaction when there is one (a read, no lock).
 */
public interface LogBrowser {

    /** The page of events {@code query} asks for, newest first. */
    LogPage browse(LogQuery query);

    /** The event with id {@code eventId} (as stored: any text), if the log holds it. */
    Optional<LoggedEvent> event(String eventId);

    /**
     * The events the command with id {@code commandId} wrote, in log order; empty when it wrote none (or no
     * such command ran). A command writes all its events in one append, so this is all or nothing; at most
     * {@link LogQuery#MAX_COMMAND_EVENTS} are returned.
     */
    List<LoggedEvent> command(String commandId);

    /**
     * {@code event} as commands and projections read it: its payload deserialized and upcast to the
     * current revision, its metadata and ids parsed.
     *
     * @throws org.eventcore.EventSerializationException naming the event and what of it cannot be read (a
     *     payload, metadata or id written around the store, an unknown type)
     */
    org.eventcore.StoredEvent<Object> read(LoggedEvent event);

    /**
     * What the store's serializer writes for {@code payload} today (for a payload {@link #read} returned:
     * the current revision's form); empty when the store keeps objects without a serializer.
     */
    Optional<org.eventcore.serialization.SerializedEvent> written(Object payload);
}
