package org.eventcore.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryEventStoreConcurrencyTest {

    static final int WRITERS = 3;
    static final int COMMITS_PER_WRITER = 300;

    final InMemoryEventStore store = InMemoryEventStore.create();
    final StreamId a = StreamId.of("pair-a");
    final StreamId b = StreamId.of("pair-b");

    /** Reads both streams and appends one event to each, retrying conflicts; returns the conflicts met. */
    int commitOnePair(int writer, int n) {
        int conflicts = 0;
        while (true) {
            Map<StreamId, StreamRead> reads = store.read(Set.of(a, b));
            CommandId command = CommandId.of("w" + writer + "-" + n);
            EventMetadata metadata = EventMetadata.of("corr", command, Instant.EPOCH);
            List<PendingEvent> events = List.of(
                    new PendingEvent(EventId.generate(), a, command.value(), metadata),
                    new PendingEvent(EventId.generate(), b, command.value(), metadata));
            try {
                store.append(new AppendRequest(
                        command,
                        Map.of(a, reads.get(a).version(), b, reads.get(b).version()),
                        events));
                return conflicts;
            } catch (StreamConflictException e) {
                conflicts++;
            }
        }
    }

    @Test
    void concurrent_conditional_appends_keep_versions_gapless_the_log_complete_and_reads_untorn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger conflicts = new AtomicInteger();
        ConcurrentLinkedQueue<String> tornReads = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < COMMITS_PER_WRITER; n++) {
                        conflicts.addAndGet(commitOnePair(writer, n));
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                while (writing.get()) {
                    Map<StreamId, StreamRead> r = store.read(Set.of(a, b));
                    if (!r.get(a).version().equals(r.get(b).version())
                            || r.get(a).events().size() != r.get(a).version().value()) {
                        tornReads.add(r.get(a).version() + " vs " + r.get(b).version());
                    }
                    reads++;
                }
                return reads;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(10, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        int commits = WRITERS * COMMITS_PER_WRITER;
        assertThat(tornReads).isEmpty();
        Map<StreamId, StreamRead> end = store.read(Set.of(a, b));
        for (StreamId stream : List.of(a, b)) {
            List<StoredEvent<Object>> events = end.get(stream).events();
            assertThat(end.get(stream).version()).isEqualTo(StreamVersion.of(commits));
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).version().value()).isEqualTo(i + 1L);
                if (i > 0) {
                    assertThat(events.get(i).position())
                            .isGreaterThan(events.get(i - 1).position());
                }
            }
        }
        List<StoredEvent<Object>> log = store.readLog(GlobalPosition.start(), 10 * commits);
        assertThat(log).hasSize(2 * commits);
        Set<EventId> ids = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i).position().offset()).isEqualTo(i + 1L);
            ids.add(log.get(i).id());
        }
        assertThat(ids).hasSize(2 * commits);
        // Both events of one command are adjacent in the log: one append takes its positions in one step.
        for (int i = 0; i < log.size(); i += 2) {
            assertThat(log.get(i).payload()).isEqualTo(log.get(i + 1).payload());
        }
        assertThat(store.head().offset()).isEqualTo(2L * commits);
    }
}
