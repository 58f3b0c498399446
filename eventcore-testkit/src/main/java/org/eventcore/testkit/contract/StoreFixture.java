package org.eventcore.testkit.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Small helpers the contract suites share: unique stream ids per test, events, and append requests.
 * Public so that adapter authors can write further tests in the same style.
 */
public final class StoreFixture {

    private static final AtomicLong COUNTER = new AtomicLong();
    private final String prefix;

    private StoreFixture(String prefix) {
        this.prefix = prefix;
    }

    /** A fixture whose stream ids are unique in this JVM and start with {@code prefix}. */
    public static StoreFixture withPrefix(String prefix) {
        return new StoreFixture(prefix + "-" + System.nanoTime() + "-" + COUNTER.incrementAndGet());
    }

    /** A stream id unique to this fixture. */
    public StreamId stream(String name) {
        return StreamId.of(prefix + "-" + name);
    }

    /** A contract event numbered {@code number}. */
    public static ContractEvent event(long number) {
        return new ContractEvent("event " + number, number);
    }

    /** Metadata for a command. */
    public static EventMetadata metadata(CommandId commandId) {
        return EventMetadata.of("correlation-" + commandId, commandId, Instant.now());
    }

    /** Builds append requests. */
    public static RequestBuilder request() {
        return new RequestBuilder(CommandId.generate());
    }

    /** Builds an append request with a given command id. */
    public static RequestBuilder request(CommandId commandId) {
        return new RequestBuilder(commandId);
    }

    /** Reads one stream. */
    public static StreamRead read(EventStore store, StreamId stream) {
        return store.read(Set.of(stream)).get(stream);
    }

    /** The payloads of a stream's events. */
    public static List<Object> payloads(EventStore store, StreamId stream) {
        List<Object> payloads = new ArrayList<>();
        for (StoredEvent<Object> e : read(store, stream).events()) {
            payloads.add(e.payload());
        }
        return payloads;
    }

    /** A builder of one append request; not thread-safe. */
    public static final class RequestBuilder {
        private final CommandId commandId;
        private final Map<StreamId, StreamVersion> expected = new LinkedHashMap<>();
        private final List<PendingEvent> events = new ArrayList<>();
        private final List<org.eventcore.spi.AppendCondition> conditions = new ArrayList<>();

        private RequestBuilder(CommandId commandId) {
            this.commandId = commandId;
        }

        /** The command read {@code stream} at {@code version}. */
        public RequestBuilder expect(StreamId stream, long version) {
            expected.put(stream, StreamVersion.of(version));
            return this;
        }

        /** The command writes {@code payload} to {@code stream}, which must be expected too. */
        public RequestBuilder write(StreamId stream, Object payload) {
            events.add(new PendingEvent(EventId.generate(), stream, payload, metadata(commandId)));
            return this;
        }

        /** The command writes {@code payload} with {@code tags} to {@code stream}, which must be expected too. */
        public RequestBuilder write(StreamId stream, Object payload, org.eventcore.Tag... tags) {
            events.add(
                    new PendingEvent(EventId.generate(), stream, payload, metadata(commandId), java.util.Set.of(tags)));
            return this;
        }

        /** The append's condition: nothing matching {@code query} appended after the read at {@code after}. */
        public RequestBuilder condition(org.eventcore.TagQuery query, String after) {
            conditions.add(new org.eventcore.spi.AppendCondition(query, after));
            return this;
        }

        public AppendRequest build() {
            return new AppendRequest(commandId, expected, events, conditions);
        }

        /** Builds and appends. */
        public AppendResult appendTo(EventStore store) {
            return store.append(build());
        }
    }
}
