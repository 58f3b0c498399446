package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.eventcore.GlobalPosition;

/** The read model of a runner that ran while events were appended is the fold of the whole log. */
class ExactlyOnceProperties {

    @Property(tries = 25)
    void a_runner_following_concurrent_appends_applies_every_event_exactly_once(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -50, max = 50) Integer> amounts,
            @ForAll @IntRange(min = 1, max = 9) int batchSize,
            @ForAll @IntRange(min = 1, max = 3) int writers)
            throws Exception {
        try (Fixture f = new Fixture()) {
            ProjectionRunner runner = f.runner(f.definition("totals").withBatchSize(batchSize));
            runner.start();
            CompletableFuture<?>[] writing = new CompletableFuture<?>[writers];
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writing[w] = CompletableFuture.runAsync(
                        () -> {
                            for (int i = writer; i < amounts.size(); i += writers) {
                                f.ledger.add("k" + (i % 4), amounts.get(i));
                                if (i % 5 == 0) {
                                    runner.poke();
                                }
                            }
                        },
                        f.pool);
            }
            CompletableFuture.allOf(writing).get(30, TimeUnit.SECONDS);
            GlobalPosition head = f.ledger.store.head();
            assertThat(head).isEqualTo(GlobalPosition.of(amounts.size()));

            assertThat(runner.awaitPosition(head, Duration.ofSeconds(20))).isTrue();
            f.assertReadModelIsTheFoldOfTheLog();
            assertThat(runner.status().eventsHandled()).isEqualTo(amounts.size());
        }
    }
}
