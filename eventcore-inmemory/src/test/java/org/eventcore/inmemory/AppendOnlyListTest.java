package org.eventcore.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.ImmutableEventList;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendOnlyListTest {

    static final StreamId STREAM = StreamId.of("s");

    static StoredEvent<Object> event(long n) {
        return new StoredEvent<>(
                EventId.generate(),
                STREAM,
                StreamVersion.of(n),
                GlobalPosition.of(n),
                n,
                EventMetadata.of("c", CommandId.generate(), Instant.EPOCH));
    }

    static List<StoredEvent<Object>> events(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(AppendOnlyListTest::event)
                .toList();
    }

    static List<Object> payloads(List<StoredEvent<Object>> events) {
        return events.stream().map(StoredEvent::payload).toList();
    }

    @Test
    void a_snapshot_keeps_its_size_while_the_list_grows_past_its_capacity() {
        AppendOnlyList list = new AppendOnlyList();
        list.addAll(events(1, 3));
        List<StoredEvent<Object>> snapshot = list.snapshot();

        list.addAll(events(4, 100));

        assertThat(payloads(snapshot)).containsExactly(1L, 2L, 3L);
        assertThat(list.size()).isEqualTo(100);
        assertThat(payloads(list.snapshot()))
                .hasSize(100)
                .startsWith(1L, 2L, 3L)
                .endsWith(99L, 100L);
        assertThat(payloads(list.range(97, 100))).containsExactly(98L, 99L, 100L);
        assertThat(list.range(5, 5)).isEmpty();
    }

    @Test
    void views_are_read_only_and_check_their_bounds() {
        AppendOnlyList list = new AppendOnlyList();
        list.addAll(events(1, 3));
        List<StoredEvent<Object>> view = list.range(1, 3);

        assertThat(payloads(view)).containsExactly(2L, 3L);
        assertThatThrownBy(() -> view.add(event(4))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list.snapshot(0)).isEmpty();
    }

    @Test
    void views_refuse_every_change_and_a_stream_read_shares_them_without_a_copy() {
        AppendOnlyList list = new AppendOnlyList();
        list.addAll(events(1, 3));
        List<StoredEvent<Object>> view = list.snapshot();

        assertThatThrownBy(() -> view.set(0, event(9))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.subList(0, 2).set(0, event(9))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
                    var it = view.iterator();
                    it.next();
                    it.remove();
                })
                .isInstanceOf(UnsupportedOperationException.class);
        list.addAll(events(4, 4));
        assertThat(payloads(view)).as("a view does not see later appends").containsExactly(1L, 2L, 3L);

        assertThat(view).isInstanceOf(ImmutableEventList.class);
        StreamRead read = new StreamRead(STREAM, StreamVersion.of(3), view);
        assertThat(read.events()).isSameAs(view);
    }
}
