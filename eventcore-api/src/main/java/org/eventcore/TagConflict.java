package org.eventcore;

import java.util.Objects;

/**
 * One tag query whose condition failed in a conditional append: an event that matches it was appended
 * after the command read the query's events.
 *
 * @param query the query, as the command declared it
 * @param eventId the id of a matching event the read did not see
 * @param eventType the stored type name of that event
 * @param position that event's place in the global log
 */
public record TagConflict(TagQuery query, EventId eventId, String eventType, GlobalPosition position) {

    public TagConflict {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String toString() {
        return "query " + query + " (newer event " + eventId + " of type " + eventType + " at " + position + ")";
    }
}
