package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two kinds of appends over the same two streams, naming them in opposite order, from many threads
 * at once: the stream locks are always taken in one global order, so the database never has to
 * break a deadlock, and every append either commits or meets a plain conflict.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OppositeOrderAppendsIT {

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void appends_in_opposite_stream_order_under_load_never_deadlock(String unit) throws Exception {
        JpaEventStore store = TestDatabases.postgresStore(unit);
        StoreFixture streams = StoreFixture.withPrefix("opposite-" + unit);
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        int threads = 8;
        int appendsPerThread = 40;
        AtomicInteger conflicts = new AtomicInteger();
        List<String> otherFailures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean forward = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < appendsPerThread; i++) {
                        while (true) {
                            Map<StreamId, StreamRead> r = store.read(Set.of(a, b));
                            long va = r.get(a).version().value();
                            long vb = r.get(b).version().value();
                            StoreFixture.RequestBuilder builder = forward
                                    ? request()
                                            .expect(a, va)
                                            .expect(b, vb)
                                            .write(a, event(i))
                                            .write(b, event(i))
                                    : request()
                                            .expect(b, vb)
                                            .expect(a, va)
                                            .write(b, event(i))
                                            .write(a, event(i));
                            try {
                                builder.appendTo(store);
                                break;
                            } catch (StreamConflictException e) {
                                conflicts.incrementAndGet();
                            } catch (RuntimeException e) {
                                synchronized (otherFailures) {
                                    otherFailures.add(e.toString());
                                }
                                return null;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(otherFailures).as("no deadlock or other failure").isEmpty();
        Map<StreamId, StreamRead> end = store.read(Set.of(a, b));
        long total = (long) threads * appendsPerThread;
        for (StreamId s : List.of(a, b)) {
            assertThat(end.get(s).version().value()).isEqualTo(total);
            assertThat(end.get(s).events())
                    .extracting(e -> e.version().value())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total)
                            .boxed()
                            .toList());
        }
        assertThat(end.get(a).events())
                .extracting(StoredEvent::metadata)
                .extracting(m -> m.causationId())
                .containsExactlyElementsOf(end.get(b).events().stream()
                        .map(e -> e.metadata().causationId())
                        .toList());
        System.out.printf(
                "%s: %d appends in opposite orders, %d conflicts retried, no deadlock%n", unit, total, conflicts.get());
    }
}
