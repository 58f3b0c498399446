package org.eventcore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamReadTest {

    final StreamId stream = StreamId.of("s");

    StoredEvent<Object> event(long version) {
        return new StoredEvent<>(
                EventId.generate(),
                stream,
                StreamVersion.of(version),
                GlobalPosition.of(version),
                "payload " + version,
                EventMetadata.of("c", CommandId.generate(), Instant.EPOCH));
    }

    @Test
    void a_list_the_caller_can_still_change_is_copied() {
        List<StoredEvent<Object>> events = new ArrayList<>(List.of(event(1)));
        StreamRead read = new StreamRead(stream, StreamVersion.of(1), events);

        events.add(event(2));

        assertThat(read.events()).hasSize(1);
        assertThatThrownBy(() -> read.events().add(event(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_immutable_event_list_of_the_store_is_shared_without_a_copy() {
        StoredEvent<Object>[] events = new StoredEvent[] {event(1), event(2)};
        ImmutableEventList snapshot = new ImmutableEventList() {
            @Override
            public StoredEvent<Object> get(int index) {
                return events[index];
            }

            @Override
            public int size() {
                return events.length;
            }
        };

        StreamRead read = new StreamRead(stream, StreamVersion.of(2), snapshot);

        assertThat(read.events()).isSameAs(snapshot).hasSize(2);
        assertThatThrownBy(() -> read.events().add(event(3))).isInstanceOf(UnsupportedOperationException.class);
    }
}
