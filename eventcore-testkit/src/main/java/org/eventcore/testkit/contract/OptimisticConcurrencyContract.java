package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.payloads;
import static org.eventcore.testkit.contract.StoreFixture.read;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.EventStore;
import org.junit.jupiter.api.Test;

/**
 * Contract: conditional appends (invariant I3). Every stream read, written or only read, is checked;
 * a stale one makes the whole append fail, naming each stale stream with expected and actual
 * version; among concurrent appenders expecting the same version exactly one wins.
 *
 * @param <S> the store type
 */
public abstract class OptimisticConcurrencyContract<S extends EventStore> extends StoreContract<S> {

    @Test
    void a_stale_written_stream_is_a_conflict_with_expected_and_actual_versions() {
        StreamId a = streams.stream("a");
        request().expect(a, 0).write(a, event(1)).write(a, event(2)).appendTo(store);

        assertThatThrownBy(() -> request().expect(a, 1).write(a, event(3)).appendTo(store))
                .isInstanceOf(StreamConflictException.class)
                .satisfies(e -> assertThat(((StreamConflictException) e).conflicts())
                        .containsExactly(new StreamConflict(a, StreamVersion.of(1), StreamVersion.of(2))))
                .hasMessageContaining(a.value())
                .hasMessageContaining("expected version 1, actual 2");
        assertThat(payloads(store, a)).containsExactly(event(1), event(2));
    }

    @Test
    void expecting_none_for_an_existing_stream_is_a_conflict() {
        StreamId a = streams.stream("a");
        request().expect(a, 0).write(a, event(1)).appendTo(store);
        assertThatThrownBy(() -> request().expect(a, 0).write(a, event(2)).appendTo(store))
                .isInstanceOf(StreamConflictException.class);
        assertThat(read(store, a).version()).isEqualTo(StreamVersion.of(1));
    }

    @Test
    void expecting_a_version_ahead_of_the_stream_is_a_conflict() {
        StreamId a = streams.stream("a");
        assertThatThrownBy(() -> request().expect(a, 3).write(a, event(1)).appendTo(store))
                .isInstanceOf(StreamConflictException.class)
                .satisfies(e -> assertThat(((StreamConflictException) e).conflicts())
                        .containsExactly(new StreamConflict(a, StreamVersion.of(3), StreamVersion.NONE)));
        assertThat(read(store, a).events()).isEmpty();
    }

    @Test
    void a_stale_read_only_participant_is_a_conflict_and_nothing_is_written() {
        StreamId written = streams.stream("written");
        StreamId readOnly = streams.stream("read-only");
        request().expect(readOnly, 0).write(readOnly, event(1)).appendTo(store);
        request().expect(readOnly, 1).write(readOnly, event(2)).appendTo(store);

        assertThatThrownBy(() -> request()
                        .expect(written, 0)
                        .expect(readOnly, 1)
                        .write(written, event(3))
                        .appendTo(store))
                .isInstanceOf(StreamConflictException.class)
                .satisfies(e -> assertThat(((StreamConflictException) e).conflicts())
                        .containsExactly(new StreamConflict(readOnly, StreamVersion.of(1), StreamVersion.of(2))));
        assertThat(read(store, written).events()).isEmpty();
    }

    @Test
    void a_read_only_participant_that_did_not_exist_when_read_but_does_now_is_a_conflict() {
        StreamId written = streams.stream("written");
        StreamId readOnly = streams.stream("appeared");
        request().expect(readOnly, 0).write(readOnly, event(1)).appendTo(store);

        assertThatThrownBy(() -> request()
                        .expect(written, 0)
                        .expect(readOnly, 0)
                        .write(written, event(2))
                        .appendTo(store))
                .isInstanceOf(StreamConflictException.class)
                .satisfies(e -> assertThat(((StreamConflictException) e).conflicts())
                        .containsExactly(new StreamConflict(readOnly, StreamVersion.NONE, StreamVersion.of(1))));
        assertThat(read(store, written).events()).isEmpty();
    }

    @Test
    void every_stale_stream_is_named_not_only_the_first() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        StreamId c = streams.stream("c");
        request()
                .expect(a, 0)
                .expect(c, 0)
                .write(a, event(1))
                .write(c, event(2))
                .appendTo(store);

        assertThatThrownBy(() -> request()
                        .expect(a, 0)
                        .expect(b, 0)
                        .expect(c, 0)
                        .write(b, event(3))
                        .appendTo(store))
                .isInstanceOf(StreamConflictException.class)
                .satisfies(e -> assertThat(((StreamConflictException) e).conflicts())
                        .containsExactlyInAnyOrder(
                                new StreamConflict(a, StreamVersion.NONE, StreamVersion.of(1)),
                                new StreamConflict(c, StreamVersion.NONE, StreamVersion.of(1))));
    }

    @Test
    void a_conditional_append_from_many_threads_leaves_exactly_one_winner() throws Exception {
        int threads = 8;
        StreamId a = streams.stream("contended");
        StreamId b = streams.stream("contended-other");
        request().expect(a, 0).write(a, event(0)).appendTo(store);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                long n = i + 1;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        request()
                                .expect(a, 1)
                                .expect(b, 0)
                                .write(a, event(n))
                                .write(b, event(100 + n))
                                .appendTo(store);
                        return true;
                    } catch (StreamConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : outcomes) {
                winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(read(store, a).version()).isEqualTo(StreamVersion.of(2));
        assertThat(read(store, b).version()).isEqualTo(StreamVersion.of(1));
        ContractEvent first = (ContractEvent) read(store, a).events().get(1).payload();
        ContractEvent second = (ContractEvent) read(store, b).events().get(0).payload();
        assertThat(second.number())
                .as("both streams hold the same winner's events")
                .isEqualTo(100 + first.number());
    }
}
