package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.payloads;
import static org.eventcore.testkit.contract.StoreFixture.read;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.EventMetadata;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.Test;

/**
 * Contract: appending events and reading streams back (invariant I2). Extend it with a method that
 * returns an empty store:
 *
 * <pre>{@code
 * class JpaAppendAndReadTest extends AppendAndReadContract<JpaEventStore> {
 *     protected JpaEventStore newStore() { return ...; }
 * }
 * }</pre>
 *
 * @param <S> the store type
 */
public abstract class AppendAndReadContract<S extends EventStore> extends StoreContract<S> {

    @Test
    void a_stream_never_written_reads_as_empty_at_version_none() {
        StreamId stream = streams.stream("never");
        StreamRead read = read(store, stream);
        assertThat(read.streamId()).isEqualTo(stream);
        assertThat(read.version()).isEqualTo(StreamVersion.NONE);
        assertThat(read.events()).isEmpty();
    }

    @Test
    void appended_events_read_back_in_order_with_versions_one_to_n() {
        StreamId stream = streams.stream("a");
        request()
                .expect(stream, 0)
                .write(stream, event(1))
                .write(stream, event(2))
                .appendTo(store);
        request().expect(stream, 2).write(stream, event(3)).appendTo(store);

        StreamRead read = read(store, stream);
        assertThat(read.version()).isEqualTo(StreamVersion.of(3));
        assertThat(read.events()).extracting(e -> e.version().value()).containsExactly(1L, 2L, 3L);
        assertThat(read.events()).extracting(StoredEvent::payload).containsExactly(event(1), event(2), event(3));
        assertThat(read.events()).extracting(StoredEvent::streamId).containsOnly(stream);
    }

    @Test
    void the_append_result_reports_stored_events_versions_and_the_last_position() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        AppendResult result = request()
                .expect(a, 0)
                .expect(b, 0)
                .write(a, event(1))
                .write(b, event(2))
                .write(a, event(3))
                .appendTo(store);

        assertThat(result.events()).extracting(StoredEvent::payload).containsExactly(event(1), event(2), event(3));
        assertThat(result.events())
                .extracting(e -> e.streamId().value() + "@" + e.version())
                .containsExactly(a + "@1", b + "@1", a + "@2");
        assertThat(result.streamVersions())
                .containsEntry(a, StreamVersion.of(2))
                .containsEntry(b, StreamVersion.of(1));
        assertThat(result.events().get(0).position())
                .isLessThan(result.events().get(1).position());
        assertThat(result.events().get(1).position())
                .isLessThan(result.events().get(2).position());
        assertThat(result.lastPosition()).isEqualTo(result.events().get(2).position());
    }

    @Test
    void event_ids_and_metadata_are_kept_exactly() {
        StreamId stream = streams.stream("meta");
        CommandId commandId = CommandId.of("contract-command-" + System.nanoTime());
        StoreFixture.RequestBuilder builder =
                request(commandId).expect(stream, 0).write(stream, event(1));
        var request = builder.build();
        EventMetadata sent =
                request.events().get(0).metadata().withUser("alice").with("tenant", "t-1");
        var withMetadata = new org.eventcore.spi.AppendRequest(
                commandId,
                request.expectedVersions(),
                List.of(new org.eventcore.spi.PendingEvent(
                        request.events().get(0).id(), stream, event(1), sent)));
        store.append(withMetadata);

        StoredEvent<Object> stored = read(store, stream).events().get(0);
        assertThat(stored.id()).isEqualTo(request.events().get(0).id());
        assertThat(stored.metadata().causationId()).isEqualTo(commandId);
        assertThat(stored.metadata().correlationId()).isEqualTo(sent.correlationId());
        assertThat(stored.metadata().user()).contains("alice");
        assertThat(stored.metadata().custom()).containsExactly(Map.entry("tenant", "t-1"));
        // a store keeps at least microseconds, and truncates what it does not keep: never rounded up
        assertThat(stored.metadata().time().truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(sent.time().truncatedTo(ChronoUnit.MICROS));
        assertThat(stored.metadata().time()).isBeforeOrEqualTo(sent.time());
    }

    @Test
    void stream_ids_with_quotes_semicolons_backslashes_and_non_ascii_read_back_exactly() {
        List<String> names = List.of("quote'\"", "semi;colon; DROP TABLE events;--", "back\\slash", "Ünïcødé-账户-🙂");
        for (String name : names) {
            StreamId stream = streams.stream(name);
            request()
                    .expect(stream, 0)
                    .write(stream, new ContractEvent(name, 1))
                    .appendTo(store);
            StreamRead read = read(store, stream);
            assertThat(read.streamId().value()).isEqualTo(stream.value());
            assertThat(read.events()).extracting(e -> e.streamId().value()).containsExactly(stream.value());
            assertThat(read.events()).extracting(StoredEvent::payload).containsExactly(new ContractEvent(name, 1));
        }
    }

    @Test
    void several_streams_are_read_in_one_call_each_with_its_own_version() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        StreamId missing = streams.stream("missing");
        request().expect(a, 0).write(a, event(1)).write(a, event(2)).appendTo(store);
        request().expect(b, 0).write(b, event(3)).appendTo(store);

        Set<StreamId> wanted = new LinkedHashSet<>(List.of(a, b, missing));
        Map<StreamId, StreamRead> reads = store.read(wanted);
        assertThat(reads).containsOnlyKeys(a, b, missing);
        assertThat(reads.get(a).version()).isEqualTo(StreamVersion.of(2));
        assertThat(reads.get(b).version()).isEqualTo(StreamVersion.of(1));
        assertThat(reads.get(missing).version()).isEqualTo(StreamVersion.NONE);
        assertThat(reads.get(missing).events()).isEmpty();
    }

    @Test
    void appends_to_one_stream_do_not_show_in_another() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        request().expect(a, 0).write(a, event(1)).appendTo(store);
        assertThat(payloads(store, b)).isEmpty();
        assertThat(payloads(store, a)).containsExactly(event(1));
    }

    @Test
    void read_after_gives_each_stream_only_its_events_after_the_version_asked_for() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        StreamId c = streams.stream("c");
        StreamId missing = streams.stream("missing");
        request()
                .expect(a, 0)
                .write(a, event(1))
                .write(a, event(2))
                .write(a, event(3))
                .appendTo(store);
        request()
                .expect(b, 0)
                .expect(a, 3)
                .write(b, event(4))
                .write(a, event(5))
                .appendTo(store);
        request().expect(c, 0).write(c, event(6)).appendTo(store);

        Map<StreamId, StreamVersion> after = new java.util.LinkedHashMap<>();
        after.put(c, StreamVersion.of(1));
        after.put(a, StreamVersion.of(2));
        after.put(missing, StreamVersion.NONE);
        after.put(b, StreamVersion.NONE);
        for (Map<StreamId, StreamRead> reads : List.of(store.readAfter(after), store.readLockedAfter(after))) {
            assertThat(reads.keySet())
                    .as("one entry per stream, in the order asked")
                    .containsExactly(c, a, missing, b);
            assertThat(reads.get(a).version()).isEqualTo(StreamVersion.of(4));
            assertThat(reads.get(a).events()).extracting(StoredEvent::payload).containsExactly(event(3), event(5));
            assertThat(reads.get(a).events())
                    .extracting(e -> e.version().value())
                    .containsExactly(3L, 4L);
            assertThat(reads.get(b).version()).isEqualTo(StreamVersion.of(1));
            assertThat(reads.get(b).events()).extracting(StoredEvent::payload).containsExactly(event(4));
            assertThat(reads.get(c).version())
                    .as("a stream at the version asked for")
                    .isEqualTo(StreamVersion.of(1));
            assertThat(reads.get(c).events()).isEmpty();
            assertThat(reads.get(missing).version()).isEqualTo(StreamVersion.NONE);
            assertThat(reads.get(missing).events()).isEmpty();
        }
    }

    @Test
    void read_after_gives_the_same_events_as_the_whole_read_from_that_version_on() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        for (int i = 0; i < 6; i++) {
            request()
                    .expect(a, i)
                    .expect(b, i)
                    .write(a, event(2 * i))
                    .write(b, event(2 * i + 1))
                    .appendTo(store);
        }
        Map<StreamId, StreamRead> whole = store.read(new LinkedHashSet<>(List.of(a, b)));
        for (int from = 0; from <= 6; from++) {
            Map<StreamId, StreamRead> cut =
                    store.readAfter(Map.of(a, StreamVersion.of(from), b, StreamVersion.of(6 - from)));
            assertThat(cut.get(a).events()).isEqualTo(whole.get(a).events().subList(from, 6));
            assertThat(cut.get(b).events()).isEqualTo(whole.get(b).events().subList(6 - from, 6));
            assertThat(cut.get(a).version()).isEqualTo(StreamVersion.of(6));
            assertThat(cut.get(b).version()).isEqualTo(StreamVersion.of(6));
        }
    }
}
