package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.spi.AppendResult;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariant I4 when transactions commit in another order than they began: the transaction that
 * took its global positions first commits last, while a reader polls the log in between. A reader
 * that simply followed positions would pass the later transaction's events and never come back
 * for the earlier ones.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutOfOrderCommitIT {

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_reader_polling_while_the_first_transaction_commits_last_skips_nothing(String unit) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        StoreFixture streams = StoreFixture.withPrefix("out-of-order-" + unit);
        StreamId first = streams.stream("first");
        StreamId second = streams.stream("second");
        GlobalPosition start = store.head();

        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<AppendResult> slow = CompletableFuture.supplyAsync(() -> jpa.execute(attempt -> {
            AppendResult r = store.append(request()
                    .expect(first, 0)
                    .write(first, event(1))
                    .write(first, event(2))
                    .build());
            firstAppended.countDown();
            await(releaseFirst);
            return r;
        }));
        assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();

        AppendResult fast = jpa.execute(attempt ->
                store.append(request().expect(second, 0).write(second, event(3)).build()));

        List<StoredEvent<Object>> seen = new ArrayList<>();
        GlobalPosition after = start;
        for (int poll = 0; poll < 5; poll++) {
            List<StoredEvent<Object>> page = store.readLog(after, 100);
            seen.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).position();
            }
        }
        assertThat(seen)
                .as("the committed later transaction is held back while the earlier one is open")
                .isEmpty();

        releaseFirst.countDown();
        AppendResult late = slow.get(30, TimeUnit.SECONDS);
        assertThat(late.events().get(0).position().offset())
                .as("the transaction that commits last took its positions first")
                .isLessThan(fast.events().get(0).position().offset());

        for (int poll = 0; poll < 3; poll++) {
            List<StoredEvent<Object>> page = store.readLog(after, 100);
            seen.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).position();
            }
        }
        List<EventId> expected = new ArrayList<>();
        late.events().forEach(e -> expected.add(e.id()));
        fast.events().forEach(e -> expected.add(e.id()));
        assertThat(seen).extracting(StoredEvent::id).containsExactlyElementsOf(expected);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
