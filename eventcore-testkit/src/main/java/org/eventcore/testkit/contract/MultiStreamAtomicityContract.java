package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.payloads;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.Test;

/**
 * Contract: one append over several streams is atomic (invariant I1). A failed append leaves every
 * stream untouched, and a reader of several streams never sees a part of an append.
 *
 * @param <S> the store type
 */
public abstract class MultiStreamAtomicityContract<S extends EventStore> extends StoreContract<S> {

    /** How many paired appends the torn-read test makes; stores may lower it to stay fast. */
    protected int pairedAppends() {
        return 300;
    }

    @Test
    void a_conflict_on_one_stream_leaves_every_stream_of_the_append_untouched() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        StreamId c = streams.stream("c");
        request().expect(c, 0).write(c, event(1)).appendTo(store);

        assertThatThrownBy(() -> request()
                        .expect(a, 0)
                        .expect(b, 0)
                        .expect(c, 0)
                        .write(a, event(2))
                        .write(b, event(3))
                        .write(c, event(4))
                        .appendTo(store))
                .isInstanceOf(StreamConflictException.class);

        assertThat(payloads(store, a)).isEmpty();
        assertThat(payloads(store, b)).isEmpty();
        assertThat(payloads(store, c)).containsExactly(event(1));
    }

    @Test
    void after_a_failed_append_the_same_versions_can_still_be_written() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        request().expect(b, 0).write(b, event(1)).appendTo(store);
        assertThatThrownBy(() ->
                        request().expect(a, 0).expect(b, 0).write(a, event(2)).appendTo(store))
                .isInstanceOf(StreamConflictException.class);

        request().expect(a, 0).expect(b, 1).write(a, event(3)).appendTo(store);
        assertThat(payloads(store, a)).containsExactly(event(3));
    }

    @Test
    void a_reader_of_several_streams_never_sees_a_part_of_an_append() throws Exception {
        StreamId a = streams.stream("pair-a");
        StreamId b = streams.stream("pair-b");
        int appends = pairedAppends();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        java.util.concurrent.CountDownLatch readerStarted = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            while (!done.get()) {
                Map<StreamId, StreamRead> r = store.read(Set.of(a, b));
                reads.incrementAndGet();
                readerStarted.countDown();
                if (!r.get(a).version().equals(r.get(b).version())) {
                    return "torn read: " + a + " at " + r.get(a).version() + ", " + b + " at "
                            + r.get(b).version();
                }
            }
            return "ok";
        });
        // the writer starts once the reader is reading, so that their work overlaps
        assertThat(readerStarted.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            for (int i = 0; i < appends; i++) {
                request()
                        .expect(a, i)
                        .expect(b, i)
                        .write(a, event(i))
                        .write(b, event(i))
                        .appendTo(store);
            }
        } finally {
            done.set(true);
        }
        assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(reads.get()).isPositive();
        assertThat(payloads(store, a)).hasSize(appends);
        assertThat(payloads(store, b)).hasSize(appends);
    }
}
