package org.eventcore.execution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;

/** An event store that forwards to an in-memory store; tests override what they want to disturb. */
class ForwardingEventStore implements EventStore {

    final SimpleStore delegate;

    ForwardingEventStore(SimpleStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
        return delegate.read(streams);
    }

    @Override
    public AppendResult append(AppendRequest request) {
        return delegate.append(request);
    }

    @Override
    public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
        return delegate.eventsOf(commandId);
    }

    /** The events of {@code stream} in the underlying store. */
    List<StoredEvent<Object>> eventsIn(StreamId stream) {
        return delegate.read(Set.of(stream)).get(stream).events();
    }

    /** Appends {@code payloads} to {@code stream} behind the executor's back, as another writer would. */
    static AppendResult appendDirectly(SimpleStore store, StreamId stream, Object... payloads) {
        StreamVersion current = store.read(Set.of(stream)).get(stream).version();
        CommandId writer = CommandId.generate();
        EventMetadata metadata = EventMetadata.of("other-writer", writer, Instant.EPOCH);
        List<PendingEvent> events = java.util.Arrays.stream(payloads)
                .map(p -> new PendingEvent(EventId.generate(), stream, p, metadata))
                .toList();
        return store.append(new AppendRequest(writer, Map.of(stream, current), events));
    }
}
