package org.eventcore.projection;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.PendingEvent;

/** Appends {@link Added} events to an in-memory store and folds its whole log. Thread-safe. */
final class Ledger {

    final InMemoryEventStore store = InMemoryEventStore.create();

    /** Appends one event to stream {@code key}; returns its position. */
    GlobalPosition add(String key, int amount) {
        StreamId stream = StreamId.of(key);
        while (true) {
            var read = store.read(Set.of(stream)).get(stream);
            CommandId command = CommandId.generate();
            try {
                return store.append(new AppendRequest(
                                command,
                                Map.of(stream, read.version()),
                                List.of(new PendingEvent(
                                        EventId.generate(),
                                        stream,
                                        new Added(key, amount),
                                        EventMetadata.of("test", command, Instant.EPOCH)))))
                        .lastPosition();
            } catch (StreamConflictException e) {
                // another writer; read again
            }
        }
    }

    /** The totals per key over the whole log. */
    Map<String, Integer> fold() {
        Map<String, Integer> totals = new HashMap<>();
        for (StoredEvent<Object> e : store.readLog(GlobalPosition.start(), Integer.MAX_VALUE)) {
            if (e.payload() instanceof Added a) {
                totals.merge(a.key(), a.amount(), Integer::sum);
            }
        }
        return totals;
    }

    /** The positions of every event in the log. */
    List<GlobalPosition> positions() {
        return store.readLog(GlobalPosition.start(), Integer.MAX_VALUE).stream()
                .map(StoredEvent::position)
                .toList();
    }
}
