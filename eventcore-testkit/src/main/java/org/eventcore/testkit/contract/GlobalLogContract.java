package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.read;
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
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.LogLag;
import org.junit.jupiter.api.Test;

/**
 * Contract: the global log (invariant I4). Positions grow; a reader following the log from any
 * position, while others append concurrently, sees every committed event exactly once and in
 * position order.
 *
 * @param <S> the store type
 */
public abstract class GlobalLogContract<S extends EventStore & GlobalLogReader> extends StoreContract<S> {

    /** Concurrent writer threads in the completeness test. */
    protected int writers() {
        return 4;
    }

    /** Appends per writer in the completeness test. */
    protected int appendsPerWriter() {
        return 250;
    }

    /** Reads everything after {@code from} in batches of {@code batch}. */
    private List<StoredEvent<Object>> readAllAfter(GlobalPosition from, int batch) {
        List<StoredEvent<Object>> all = new ArrayList<>();
        GlobalPosition after = from;
        while (true) {
            List<StoredEvent<Object>> page = store.readLog(after, batch);
            if (page.isEmpty()) {
                return all;
            }
            assertThat(page.size()).isLessThanOrEqualTo(batch);
            all.addAll(page);
            after = page.get(page.size() - 1).position();
        }
    }

    @Test
    void the_log_returns_appended_events_in_position_order_in_batches() {
        GlobalPosition before = store.head();
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        AppendResult first =
                request().expect(a, 0).write(a, event(1)).write(a, event(2)).appendTo(store);
        AppendResult second = request().expect(b, 0).write(b, event(3)).appendTo(store);
        AppendResult third = request().expect(a, 2).write(a, event(4)).appendTo(store);

        List<StoredEvent<Object>> log = readAllAfter(before, 2);
        List<EventId> expected = new ArrayList<>();
        for (AppendResult r : List.of(first, second, third)) {
            r.events().forEach(e -> expected.add(e.id()));
        }
        assertThat(log).extracting(StoredEvent::id).containsExactlyElementsOf(expected);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).position()).isGreaterThan(log.get(i - 1).position());
        }
        assertThat(store.head()).isEqualTo(third.lastPosition());
    }

    @Test
    void stored_events_in_the_log_match_the_events_read_from_their_streams() {
        GlobalPosition before = store.head();
        StreamId a = streams.stream("a");
        request().expect(a, 0).write(a, event(1)).write(a, event(2)).appendTo(store);
        assertThat(readAllAfter(before, 10))
                .containsExactlyElementsOf(read(store, a).events());
    }

    @Test
    void reading_after_the_head_returns_nothing() {
        StreamId a = streams.stream("a");
        request().expect(a, 0).write(a, event(1)).appendTo(store);
        assertThat(store.readLog(store.head(), 10)).isEmpty();
    }

    @Test
    void the_lag_after_a_position_counts_what_a_reader_would_read_up_to_the_bound_with_the_earliest_time() {
        GlobalPosition before = store.head();
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        assertThat(store.lag(before, 10)).isEqualTo(LogLag.none());
        request().expect(a, 0).write(a, event(1)).write(a, event(2)).appendTo(store);
        request().expect(b, 0).write(b, event(3)).appendTo(store);
        List<StoredEvent<Object>> written = readAllAfter(before, 10);
        assertThat(written).hasSize(3);
        java.time.Instant earliest = written.stream()
                .map(e -> e.metadata().time())
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow();

        LogLag all = store.lag(before, 10);
        assertThat(all.events()).isEqualTo(3);
        assertThat(all.bounded()).isFalse();
        assertThat(all.earliest()).contains(earliest);

        LogLag bounded = store.lag(before, 2);
        assertThat(bounded.events()).isEqualTo(2);
        assertThat(bounded.bounded()).isTrue();

        LogLag last = store.lag(written.get(1).position(), 10);
        assertThat(last.events()).isEqualTo(1);
        assertThat(last.earliest()).contains(written.get(2).metadata().time());

        assertThat(store.lag(store.head(), 10)).isEqualTo(LogLag.none());
        assertThatThrownBy(() -> store.lag(before, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reader_following_the_log_during_concurrent_appends_sees_every_event_exactly_once_in_order()
            throws Exception {
        GlobalPosition start = store.head();
        int writerCount = writers();
        int perWriter = appendsPerWriter();
        List<StreamId> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(streams.stream("s" + i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<List<StoredEvent<Object>>> follower = CompletableFuture.supplyAsync(() -> {
            List<StoredEvent<Object>> seen = new ArrayList<>();
            GlobalPosition after = start;
            while (true) {
                boolean lastRound = !writing.get();
                List<StoredEvent<Object>> page = store.readLog(after, 37);
                seen.addAll(page);
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).position();
                } else if (lastRound) {
                    return seen;
                }
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(writerCount);
        List<EventId> committed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writerCount; w++) {
                long seed = w;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < perWriter; i++) {
                        StreamId x = ids.get(random.nextInt(ids.size()));
                        StreamId y = ids.get(random.nextInt(ids.size()));
                        while (true) {
                            long vx = read(store, x).version().value();
                            long vy = read(store, y).version().value();
                            try {
                                var builder = request().expect(x, vx).write(x, event(i));
                                if (!y.equals(x)) {
                                    builder.expect(y, vy).write(y, event(i));
                                }
                                builder.appendTo(store).events().forEach(e -> committed.add(e.id()));
                                break;
                            } catch (StreamConflictException e) {
                                // another writer got there first: read again
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        List<StoredEvent<Object>> seen = follower.get(60, TimeUnit.SECONDS);

        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).position())
                    .as("positions strictly increase along the log")
                    .isGreaterThan(seen.get(i - 1).position());
        }
        List<EventId> seenIds = seen.stream().map(StoredEvent::id).toList();
        Set<EventId> unique = new HashSet<>(seenIds);
        assertThat(unique).as("no event seen twice").hasSize(seenIds.size());
        assertThat(unique).as("every committed event seen, nothing else").isEqualTo(new HashSet<>(committed));
    }
}
