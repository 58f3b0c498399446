package org.eventcore.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.LogLag;
import org.eventcore.spi.PendingEvent;
import org.junit.jupiter.api.Test;

/** {@link GlobalLogReader#lag}'s default, which reads through {@code readLog}, answers as the in-memory store's own. */
class DefaultLogLagTest {

    private final InMemoryEventStore store = InMemoryEventStore.create();

    record Tick(int n) {}

    /** Appends {@code count} events, one command each, whose times run backwards: the earliest is the last. */
    private void appendEvents(int count) {
        for (int i = 0; i < count; i++) {
            CommandId command = CommandId.generate();
            StreamId stream = StreamId.of("tick-" + (i % 7));
            long version =
                    store.read(java.util.Set.of(stream)).get(stream).version().value();
            store.append(new AppendRequest(
                    command,
                    Map.of(stream, StreamVersion.of(version)),
                    List.of(new PendingEvent(
                            EventId.generate(),
                            stream,
                            new Tick(i),
                            EventMetadata.of("corr", command, Instant.EPOCH.plusSeconds(100_000 - i))))));
        }
    }

    /** A reader with only the two required methods: the lag comes from the SPI's default. */
    private final GlobalLogReader plain = new GlobalLogReader() {
        @Override
        public List<StoredEvent<Object>> readLog(GlobalPosition after, int limit) {
            return store.readLog(after, limit);
        }

        @Override
        public GlobalPosition head() {
            return store.head();
        }
    };

    @Test
    void the_default_counts_across_batches_up_to_the_bound_as_the_store_does() {
        assertThat(plain.lag(GlobalPosition.start(), 5)).isEqualTo(LogLag.none());
        appendEvents(2_500);
        for (int limit : new int[] {1, 999, 1_000, 1_001, 2_499, 2_500, 2_501, 10_000}) {
            for (long after : new long[] {0, 1, 1_234, 2_499}) {
                GlobalPosition at = GlobalPosition.of(after);
                assertThat(plain.lag(at, limit))
                        .as("after %d, limit %d", after, limit)
                        .isEqualTo(store.lag(at, limit));
            }
        }
        LogLag all = plain.lag(GlobalPosition.start(), 10_000);
        assertThat(all.events()).isEqualTo(2_500);
        assertThat(all.earliest()).contains(Instant.EPOCH.plusSeconds(100_000 - 2_499));
        assertThat(plain.lag(GlobalPosition.of(10), 5).earliest()).contains(Instant.EPOCH.plusSeconds(100_000 - 14));
        assertThat(all.bounded()).isFalse();
        assertThat(plain.lag(GlobalPosition.start(), 2_500).bounded()).isTrue();
        assertThat(plain.lag(store.head(), 3)).isEqualTo(LogLag.none());
        assertThatThrownBy(() -> plain.lag(GlobalPosition.start(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1015");
    }
}
