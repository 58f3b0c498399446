package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaProjectionLeases;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.spi.AppendResult;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Durable projections on PostgreSQL meeting events they cannot take: an event their handler throws
 * on (a poison event), handled by the error policy visibly; and a stored row that cannot be read at
 * all (corrupted by hand), which stops the projection under every policy — an event that cannot be
 * read is never skipped.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PoisonEventIT {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<ProjectionRunner> runners = new ArrayList<>();

    @AfterEach
    void stop() {
        runners.forEach(r -> r.stop(Duration.ofSeconds(10)));
        pool.shutdownNow();
    }

    /** A fresh database with a read model table; five events 1..5 in one stream. */
    private record Fixture(Ledger ledger, String url, StreamId stream, AppendResult appended) {}

    private Fixture fixture() throws Exception {
        String url = TestDatabases.createDatabase();
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("create table poison_seen (number bigint primary key)");
            s.execute("grant select, insert on poison_seen to eventcore_app");
        }
        Ledger ledger = Ledger.connect(url, 4);
        StreamId stream = StreamId.of("poison-" + UUID.randomUUID());
        StoreFixture.RequestBuilder five = StoreFixture.request().expect(stream, 0);
        for (int i = 1; i <= 5; i++) {
            five.write(stream, new ContractEvent(i == 3 ? "poison" : "fine", i));
        }
        AppendResult appended = ledger.jpa.execute(a -> five.appendTo(ledger.store));
        return new Fixture(ledger, url, stream, appended);
    }

    private ProjectionRunner runner(Fixture f, ErrorPolicy policy) {
        ProjectionDefinition definition = ProjectionDefinition.of("poison-" + policy, (StoredEvent<Object> e) -> {
                    ContractEvent event = (ContractEvent) e.payload();
                    f.ledger()
                            .jpa
                            .withEntityManager(
                                    em -> em.createNativeQuery("insert into poison_seen (number) values (?1)")
                                            .setParameter(1, event.number())
                                            .executeUpdate());
                    if (event.text().equals("poison")) {
                        throw new IllegalStateException("cannot project event " + event.number());
                    }
                })
                .withErrorPolicy(policy)
                .withBatchSize(10)
                .withPollInterval(Duration.ofMillis(20))
                .withRetryDelays(Duration.ofMillis(10), Duration.ofMillis(50));
        ProjectionRunner runner = ProjectionRunner.builder(definition)
                .log(f.ledger().store)
                .checkpoints(JpaCheckpointStore.create(f.ledger().jpa))
                .leases(JpaProjectionLeases.create(f.ledger().jpa, Clock.systemUTC()))
                .boundary(f.ledger().jpa)
                .executor(pool)
                .owner("poison-node")
                .build();
        runners.add(runner);
        return runner;
    }

    private static List<Long> seen(String url) throws Exception {
        List<Long> numbers = new ArrayList<>();
        try (Connection c = TestDatabases.adminConnection(url);
                Statement s = c.createStatement();
                var r = s.executeQuery("select number from poison_seen order by number")) {
            while (r.next()) {
                numbers.add(r.getLong(1));
            }
        }
        return numbers;
    }

    private static ProjectionStatus await(ProjectionRunner runner, java.util.function.Predicate<ProjectionStatus> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ProjectionStatus status = runner.status();
        while (!done.test(status)) {
            assertThat(System.nanoTime()).as("waiting, now %s", status).isLessThan(deadline);
            Thread.sleep(20);
            status = runner.status();
        }
        return status;
    }

    @Test
    void under_skip_and_record_a_poison_event_is_skipped_recorded_and_its_read_model_change_rolled_back()
            throws Exception {
        Fixture f = fixture();
        try (Ledger ledger = f.ledger()) {
            ProjectionRunner runner = runner(f, ErrorPolicy.SKIP_AND_RECORD);
            runner.start();
            assertThat(runner.awaitPosition(f.appended().lastPosition(), Duration.ofSeconds(30)))
                    .isTrue();

            StoredEvent<Object> poison = f.appended().events().get(2);
            ProjectionStatus status = runner.status();
            assertThat(status.skipped()).singleElement().satisfies(skipped -> {
                assertThat(skipped.eventId()).isEqualTo(poison.id());
                assertThat(skipped.position()).isEqualTo(poison.position());
                assertThat(skipped.payloadType()).isEqualTo(ContractEvent.class.getName());
                assertThat(skipped.error()).contains("cannot project event 3");
            });
            assertThat(seen(f.url()))
                    .as("the poison event's insert rolled back")
                    .containsExactly(1L, 2L, 4L, 5L);
        }
    }

    @Test
    void under_stop_a_poison_event_stops_the_projection_before_it_with_the_event_named() throws Exception {
        Fixture f = fixture();
        try (Ledger ledger = f.ledger()) {
            ProjectionRunner runner = runner(f, ErrorPolicy.STOP);
            runner.start();
            ProjectionStatus status = await(runner, s -> s.state() == ProjectionState.FAILED);

            StoredEvent<Object> poison = f.appended().events().get(2);
            assertThat(status.lastError())
                    .hasValueSatisfying(
                            e -> assertThat(e).contains(poison.id().toString()).contains("cannot project event 3"));
            GlobalPosition checkpoint = ledger.jpa
                    .execute(a -> JpaCheckpointStore.create(ledger.jpa).load(runner.name()))
                    .orElse(GlobalPosition.start());
            assertThat(checkpoint).isLessThan(poison.position());
            assertThat(seen(f.url())).as("nothing of the failed batch is kept").doesNotContain(3L, 4L, 5L);
        }
    }

    @Test
    void a_stored_row_that_cannot_be_read_stops_the_projection_under_every_policy_and_is_never_skipped()
            throws Exception {
        for (ErrorPolicy policy : ErrorPolicy.values()) {
            Fixture f = fixture();
            try (Ledger ledger = f.ledger()) {
                String corruptId;
                try (Connection admin = TestDatabases.adminConnection(f.url())) {
                    corruptId = TestDatabases.insertForgedRow(
                            admin,
                            "corrupt-stream",
                            "eventcore.testkit.ContractEvent",
                            "{\"text\": \"cut off".getBytes(StandardCharsets.UTF_8),
                            "{}");
                }
                AppendResult after = ledger.jpa.execute(a -> StoreFixture.request()
                        .expect(f.stream(), 5)
                        .write(f.stream(), new ContractEvent("after the corrupt row", 6))
                        .appendTo(ledger.store));
                ProjectionRunner runner = runner(f, policy);
                runner.start();
                ProjectionStatus status = await(
                        runner,
                        s -> s.state() == ProjectionState.FAILED
                                || (policy == ErrorPolicy.RETRY && s.lastError().isPresent() && s.retries() >= 3));

                assertThat(status.lastError())
                        .as("%s", policy)
                        .hasValueSatisfying(
                                e -> assertThat(e).contains(corruptId).contains("cannot be read"));
                assertThat(status.skipped()).as("%s: nothing skipped", policy).isEmpty();
                assertThat(runner.awaitPosition(after.lastPosition(), Duration.ofMillis(300)))
                        .as("%s: the projection does not pass the row it cannot read", policy)
                        .isFalse();
                assertThat(seen(f.url())).as("%s", policy).doesNotContain(6L);
            }
        }
    }
}
