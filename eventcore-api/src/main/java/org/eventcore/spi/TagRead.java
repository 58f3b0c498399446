package org.eventcore.spi;

import java.util.List;
import java.util.Objects;
import org.eventcore.StoredEvent;

/**
 * The events that match some tag queries, read as one snapshot, and the position of that read.
 *
 * @param events every matching event the read saw, each once, in the global log's order
 * @param position where the read stood, to be passed back in {@link AppendCondition#after()}; its form
 *     belongs to the store
 */
public record TagRead(List<StoredEvent<Object>> events, String position) {

    public TagRead {
        events = List.copyOf(events);
        Objects.requireNonNull(position, "position");
    }
}
