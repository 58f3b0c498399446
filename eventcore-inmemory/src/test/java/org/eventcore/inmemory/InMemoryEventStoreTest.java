package org.eventcore.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryEventStoreTest {

    record Note(String text) {}

    final InMemoryEventStore store = InMemoryEventStore.create();
    final StreamId a = StreamId.of("stream-a");
    final StreamId b = StreamId.of("stream-b");
    final StreamId c = StreamId.of("stream-c");

    /** Builds a request: {@code expected} maps streams to versions, then (stream, text) pairs to write. */
    static AppendRequest request(CommandId command, Map<StreamId, StreamVersion> expected, Object... streamsAndTexts) {
        EventMetadata metadata = EventMetadata.of("corr", command, Instant.EPOCH);
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < streamsAndTexts.length; i += 2) {
            events.add(new PendingEvent(
                    EventId.generate(),
                    (StreamId) streamsAndTexts[i],
                    new Note((String) streamsAndTexts[i + 1]),
                    metadata));
        }
        return new AppendRequest(command, expected, events);
    }

    static Map<StreamId, StreamVersion> expect(Object... streamsAndVersions) {
        Map<StreamId, StreamVersion> map = new LinkedHashMap<>();
        for (int i = 0; i < streamsAndVersions.length; i += 2) {
            map.put((StreamId) streamsAndVersions[i], StreamVersion.of((Integer) streamsAndVersions[i + 1]));
        }
        return map;
    }

    AppendResult write(StreamId stream, int expected, String... texts) {
        Object[] pairs = new Object[texts.length * 2];
        for (int i = 0; i < texts.length; i++) {
            pairs[2 * i] = stream;
            pairs[2 * i + 1] = texts[i];
        }
        return store.append(request(CommandId.generate(), expect(stream, expected), pairs));
    }

    StreamRead read(StreamId stream) {
        return store.read(Set.of(stream)).get(stream);
    }

    static List<Object> payloads(List<StoredEvent<Object>> events) {
        return events.stream().map(StoredEvent::payload).toList();
    }

    @Test
    void an_append_then_a_read_returns_versions_1_to_n_with_increasing_positions_and_the_given_ids() {
        AppendRequest request = request(CommandId.of("c-1"), expect(a, 0), a, "one", a, "two", a, "three");

        AppendResult result = store.append(request);
        StreamRead read = read(a);

        assertThat(read.version()).isEqualTo(StreamVersion.of(3));
        assertThat(read.events()).extracting(e -> e.version().value()).containsExactly(1L, 2L, 3L);
        assertThat(read.events()).extracting(e -> e.position().offset()).containsExactly(1L, 2L, 3L);
        assertThat(read.events())
                .extracting(StoredEvent::id)
                .containsExactlyElementsOf(
                        request.events().stream().map(PendingEvent::id).toList());
        assertThat(payloads(read.events())).containsExactly(new Note("one"), new Note("two"), new Note("three"));
        assertThat(read.events())
                .allSatisfy(e -> assertThat(e.metadata())
                        .isEqualTo(request.events().get(0).metadata()));
        assertThat(result.events()).isEqualTo(read.events());
        assertThat(result.streamVersions()).isEqualTo(Map.of(a, StreamVersion.of(3)));
        assertThat(result.lastPosition()).isEqualTo(GlobalPosition.of(3));
    }

    @Test
    void a_later_append_continues_the_versions_and_the_global_positions() {
        write(a, 0, "one");
        write(b, 0, "first of b");

        AppendResult result = write(a, 1, "two", "three");

        assertThat(result.events()).extracting(e -> e.version().value()).containsExactly(2L, 3L);
        assertThat(result.events()).extracting(e -> e.position().offset()).containsExactly(3L, 4L);
        assertThat(read(b).version()).isEqualTo(StreamVersion.of(1));
    }

    @Test
    void one_append_over_several_streams_numbers_each_stream_on_its_own_and_positions_follow_request_order() {
        AppendResult result =
                store.append(request(CommandId.generate(), expect(a, 0, b, 0), a, "a1", b, "b1", a, "a2"));

        assertThat(result.events())
                .extracting(e -> e.streamId().value() + " v" + e.version() + " @" + e.position())
                .containsExactly("stream-a v1 @1", "stream-b v1 @2", "stream-a v2 @3");
        assertThat(result.streamVersions()).isEqualTo(Map.of(a, StreamVersion.of(2), b, StreamVersion.of(1)));
        assertThat(payloads(read(a).events())).containsExactly(new Note("a1"), new Note("a2"));
    }

    @Test
    void a_conflict_names_every_stale_stream_with_expected_and_actual_and_writes_nothing() {
        write(a, 0, "a1");
        write(b, 0, "b1", "b2");
        GlobalPosition head = store.head();
        CommandId command = CommandId.of("stale");

        assertThatThrownBy(() -> store.append(request(command, expect(b, 1, c, 0, a, 0), a, "x", b, "y", c, "z")))
                .isInstanceOfSatisfying(StreamConflictException.class, e -> {
                    assertThat(e.conflicts())
                            .containsExactly(
                                    new StreamConflict(a, StreamVersion.NONE, StreamVersion.of(1)),
                                    new StreamConflict(b, StreamVersion.of(1), StreamVersion.of(2)));
                    assertThat(e.getMessage())
                            .contains("stream-a (expected version 0, actual 1)")
                            .contains("stream-b (expected version 1, actual 2)")
                            .doesNotContain("stream-c");
                });

        assertThat(store.head()).isEqualTo(head);
        assertThat(read(a).version()).isEqualTo(StreamVersion.of(1));
        assertThat(read(b).version()).isEqualTo(StreamVersion.of(2));
        assertThat(read(c).version()).isEqualTo(StreamVersion.NONE);
        assertThat(store.eventsOf(command)).isEmpty();
    }

    @Test
    void a_read_only_participant_at_a_stale_version_is_a_conflict() {
        write(b, 0, "b1");
        write(b, 1, "b2");

        assertThatThrownBy(() -> store.append(request(CommandId.generate(), expect(a, 0, b, 1), a, "x")))
                .isInstanceOfSatisfying(
                        StreamConflictException.class,
                        e -> assertThat(e.conflicts())
                                .containsExactly(new StreamConflict(b, StreamVersion.of(1), StreamVersion.of(2))));
        assertThat(read(a).version()).isEqualTo(StreamVersion.NONE);
    }

    @Test
    void a_read_only_participant_expected_not_to_exist_that_was_created_meanwhile_is_a_conflict() {
        write(b, 0, "created meanwhile");

        assertThatThrownBy(() -> store.append(request(CommandId.generate(), expect(a, 0, b, 0), a, "x")))
                .isInstanceOfSatisfying(
                        StreamConflictException.class,
                        e -> assertThat(e.conflicts())
                                .containsExactly(new StreamConflict(b, StreamVersion.NONE, StreamVersion.of(1))));
        assertThat(read(a).events()).isEmpty();
        assertThat(store.head()).isEqualTo(GlobalPosition.of(1));
    }

    @Test
    void a_read_only_participant_at_its_current_version_does_not_block_the_append() {
        write(b, 0, "b1");

        AppendResult result = store.append(request(CommandId.generate(), expect(a, 0, b, 1), a, "x"));

        assertThat(result.streamVersions()).isEqualTo(Map.of(a, StreamVersion.of(1)));
        assertThat(read(b).version()).isEqualTo(StreamVersion.of(1));
    }

    @Test
    void a_duplicate_command_id_is_refused_and_nothing_is_written() {
        CommandId command = CommandId.of("once");
        store.append(request(command, expect(a, 0), a, "first"));

        assertThatThrownBy(() -> store.append(request(command, expect(b, 0), b, "second")))
                .isInstanceOfSatisfying(DuplicateCommandException.class, e -> {
                    assertThat(e.commandId()).isEqualTo(command);
                    assertThat(e).hasMessage("EC1400 Command once was already applied; its events are stored");
                });

        assertThat(read(b).events()).isEmpty();
        assertThat(store.head()).isEqualTo(GlobalPosition.of(1));
        assertThat(payloads(store.eventsOf(command).orElseThrow())).containsExactly(new Note("first"));
    }

    @Test
    void events_of_returns_the_events_of_one_command_in_append_order() {
        write(c, 0, "unrelated");
        CommandId command = CommandId.of("multi");
        store.append(request(command, expect(a, 0, b, 0), b, "b1", a, "a1", b, "b2"));

        List<StoredEvent<Object>> events = store.eventsOf(command).orElseThrow();

        assertThat(payloads(events)).containsExactly(new Note("b1"), new Note("a1"), new Note("b2"));
        assertThat(events).extracting(e -> e.position().offset()).containsExactly(2L, 3L, 4L);
        assertThat(store.eventsOf(CommandId.of("never-ran"))).isEmpty();
    }

    @Test
    void read_log_pages_through_every_event_in_position_order() {
        write(a, 0, "1", "2");
        write(b, 0, "3");
        write(a, 2, "4", "5", "6");
        write(c, 0, "7");

        List<StoredEvent<Object>> all = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        GlobalPosition after = GlobalPosition.start();
        for (List<StoredEvent<Object>> page = store.readLog(after, 3);
                !page.isEmpty();
                page = store.readLog(after, 3)) {
            pageSizes.add(page.size());
            all.addAll(page);
            after = page.get(page.size() - 1).position();
        }

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(payloads(all))
                .containsExactly(
                        new Note("1"),
                        new Note("2"),
                        new Note("3"),
                        new Note("4"),
                        new Note("5"),
                        new Note("6"),
                        new Note("7"));
        assertThat(all).extracting(e -> e.position().offset()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(store.readLog(GlobalPosition.of(5), 10))
                .extracting(e -> e.position().offset())
                .containsExactly(6L, 7L);
        assertThat(store.readLog(GlobalPosition.of(99), 10)).isEmpty();
    }

    @Test
    void head_is_start_for_an_empty_store_and_then_the_last_position() {
        assertThat(store.head()).isEqualTo(GlobalPosition.start());
        assertThat(store.readLog(GlobalPosition.start(), 10)).isEmpty();

        AppendResult last = write(a, 0, "1", "2");

        assertThat(store.head()).isEqualTo(GlobalPosition.of(2)).isEqualTo(last.lastPosition());
    }

    @Test
    void read_log_refuses_a_limit_below_one_and_a_position_of_another_store() {
        assertThatThrownBy(() -> store.readLog(GlobalPosition.start(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1011 limit must be at least 1, was 0");
        assertThatThrownBy(() -> store.readLog(GlobalPosition.of(1, 5), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1012 1.5 is not a position of an in-memory store");
    }

    @Test
    void a_read_has_one_entry_per_requested_stream_including_streams_without_events() {
        write(b, 0, "b1");
        Set<StreamId> requested = new LinkedHashSet<>(List.of(c, b, a));

        Map<StreamId, StreamRead> reads = store.read(requested);

        assertThat(reads.keySet()).containsExactly(c, b, a);
        assertThat(reads.get(a)).isEqualTo(StreamRead.empty(a));
        assertThat(reads.get(c)).isEqualTo(StreamRead.empty(c));
        assertThat(reads.get(b).version()).isEqualTo(StreamVersion.of(1));
        assertThat(read(StreamId.of("never-written"))).isEqualTo(StreamRead.empty(StreamId.of("never-written")));
    }

    @Test
    void a_read_is_a_snapshot_that_later_appends_do_not_change() {
        write(a, 0, "1");
        StreamRead before = read(a);

        write(a, 1, "2", "3", "4", "5", "6", "7", "8", "9", "10");

        assertThat(before.version()).isEqualTo(StreamVersion.of(1));
        assertThat(before.events()).hasSize(1);
        assertThat(read(a).events()).hasSize(10);
    }
}
