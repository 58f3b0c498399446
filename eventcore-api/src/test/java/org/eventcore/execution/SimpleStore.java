package org.eventcore.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;

/**
 * The plainest store that keeps the store contract, one lock around everything, for the executor's
 * tests in this module (the in-memory store of eventcore-inmemory depends on this module, so its
 * tests cannot use it). Conflicts are reported in stream-id order, as every EventCore store does.
 */
final class SimpleStore implements EventStore {

    private final Map<StreamId, List<StoredEvent<Object>>> streams = new HashMap<>();
    private final Map<CommandId, List<StoredEvent<Object>>> commands = new HashMap<>();
    private long position;

    static SimpleStore create() {
        return new SimpleStore();
    }

    @Override
    public synchronized Map<StreamId, StreamRead> read(Set<StreamId> ids) {
        Map<StreamId, StreamRead> reads = new LinkedHashMap<>();
        for (StreamId id : ids) {
            List<StoredEvent<Object>> events = streams.getOrDefault(id, List.of());
            reads.put(id, new StreamRead(id, StreamVersion.of(events.size()), events));
        }
        return reads;
    }

    @Override
    public synchronized AppendResult append(AppendRequest request) {
        if (commands.containsKey(request.commandId())) {
            throw new DuplicateCommandException(request.commandId());
        }
        List<StreamConflict> conflicts = new ArrayList<>();
        new TreeMap<>(request.expectedVersions()).forEach((id, expected) -> {
            long actual = streams.getOrDefault(id, List.of()).size();
            if (actual != expected.value()) {
                conflicts.add(new StreamConflict(id, expected, StreamVersion.of(actual)));
            }
        });
        if (!conflicts.isEmpty()) {
            throw new StreamConflictException(conflicts);
        }
        List<StoredEvent<Object>> stored = new ArrayList<>();
        for (PendingEvent e : request.events()) {
            List<StoredEvent<Object>> stream = streams.computeIfAbsent(e.streamId(), k -> new ArrayList<>());
            StoredEvent<Object> event = new StoredEvent<>(
                    e.id(),
                    e.streamId(),
                    StreamVersion.of(stream.size() + 1L),
                    GlobalPosition.of(++position),
                    e.payload(),
                    e.metadata());
            stream.add(event);
            stored.add(event);
        }
        commands.put(request.commandId(), List.copyOf(stored));
        return AppendResult.of(stored);
    }

    @Override
    public synchronized Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    /** The position of the last stored event. */
    synchronized GlobalPosition head() {
        return GlobalPosition.of(position);
    }
}
