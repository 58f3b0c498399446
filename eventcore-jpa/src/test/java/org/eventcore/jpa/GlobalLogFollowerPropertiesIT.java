package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.StoreFixture;

/**
 * Invariant I4 on PostgreSQL as a property: for any number of concurrent writers, streams and
 * batch sizes, a reader following the log while they write sees exactly the committed events, each
 * once, in strictly increasing position order.
 */
class GlobalLogFollowerPropertiesIT {

    @Property(tries = 6, seed = "20261128")
    void a_follower_sees_exactly_the_committed_events_once_in_order(
            @ForAll @IntRange(min = 2, max = 12) int writers,
            @ForAll @IntRange(min = 1, max = 20) int streamCount,
            @ForAll @IntRange(min = 1, max = 5) int eventsPerAppend,
            @ForAll("providers") String unit)
            throws Exception {
        JpaEventStore store = TestDatabases.postgresStore(unit);
        StoreFixture fixture = StoreFixture.withPrefix("follower");
        List<StreamId> streams = new ArrayList<>();
        for (int i = 0; i < streamCount; i++) {
            streams.add(fixture.stream("s" + i));
        }
        GlobalPosition start = store.head();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<List<StoredEvent<Object>>> follower = CompletableFuture.supplyAsync(() -> {
            List<StoredEvent<Object>> seen = new ArrayList<>();
            GlobalPosition after = start;
            while (true) {
                boolean last = !writing.get();
                List<StoredEvent<Object>> page = store.readLog(after, 25);
                seen.addAll(page);
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).position();
                } else if (last) {
                    return seen;
                }
            }
        });
        List<EventId> committed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                long seed = w;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < 15; i++) {
                        StreamId s = streams.get(random.nextInt(streams.size()));
                        while (true) {
                            long v = StoreFixture.read(store, s).version().value();
                            StoreFixture.RequestBuilder b = request().expect(s, v);
                            for (int e = 0; e < eventsPerAppend; e++) {
                                b.write(s, event(e));
                            }
                            try {
                                b.appendTo(store).events().forEach(e -> committed.add(e.id()));
                                break;
                            } catch (StreamConflictException conflict) {
                                // read again
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        List<StoredEvent<Object>> seen = follower.get(120, TimeUnit.SECONDS);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).position()).isGreaterThan(seen.get(i - 1).position());
        }
        List<EventId> ids = seen.stream().map(StoredEvent::id).toList();
        Set<EventId> unique = new HashSet<>(ids);
        assertThat(unique).hasSize(ids.size());
        assertThat(unique).isEqualTo(new HashSet<>(committed));
        assertThat(ids).hasSize(writers * 15 * eventsPerAppend);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> providers() {
        return net.jqwik.api.Arbitraries.of("eventcore-hibernate", "eventcore-eclipselink");
    }
}
