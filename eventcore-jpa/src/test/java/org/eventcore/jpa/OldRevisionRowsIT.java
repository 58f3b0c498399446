package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventSerializationException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.jpa.evolution.EvolvingAccount;
import org.eventcore.jpa.evolution.EvolvingAccount.Deposited;
import org.eventcore.jpa.evolution.EvolvingAccount.Withdraw;
import org.eventcore.jpa.evolution.EvolvingAccount.Withdrawn;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.spi.SkippedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows an older release of the application wrote, inserted by plain SQL in their old revisions (one
 * under the type's old name), read on every read path of the JPA store with both providers: a
 * command's state, the global log, a command's stored events (idempotency), and a durable projection
 * with its skipped-event records and a rebuild. Each path sees the events in their current form.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OldRevisionRowsIT {

    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** What the rows hold once upcast: revision 1, revision 2, and revision 3 as written. */
    record Old(StreamId stream, CommandId command, List<String> correlations) {
        List<Object> expected() {
            return List.of(
                    new Deposited(150, "EUR", "from " + correlations.get(0)),
                    new Deposited(50, "CHF", "from " + correlations.get(1)),
                    new Deposited(25, "EUR", "fail-me"));
        }
    }

    /** Three deposits as the releases before wrote them, in one transaction, with their stream row and command. */
    static Old writeOldRows(String name) throws SQLException {
        StreamId stream = StreamId.of("old-rows-" + name);
        CommandId command = CommandId.generate();
        String[][] rows = {
            {"it.evolving.MoneyIn", "1", "{\"amount\":150}"},
            {"it.evolving.Deposited", "2", "{\"cents\":50,\"currency\":\"CHF\"}"},
            {"it.evolving.Deposited", "3", "{\"cents\":25,\"currency\":\"EUR\",\"note\":\"fail-me\"}"}
        };
        List<String> correlations = new ArrayList<>();
        try (Connection c = TestDatabases.adminConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into ec_events (global_position, tx_id,"
                    + " event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id,"
                    + " causation_id, recorded_at, custom_metadata) values (nextval('ec_event_position_seq'),"
                    + " cast(cast(pg_current_xact_id() as text) as bigint), ?, ?, ?, ?, ?, ?, ?, ?, now(), '{}')")) {
                for (int i = 0; i < rows.length; i++) {
                    String correlation = "old-release-" + i + "-" + name;
                    correlations.add(correlation);
                    insert.setString(1, org.eventcore.EventId.generate().toString());
                    insert.setString(2, stream.value());
                    insert.setLong(3, i + 1);
                    insert.setString(4, rows[i][0]);
                    insert.setInt(5, Integer.parseInt(rows[i][1]));
                    insert.setBytes(6, rows[i][2].getBytes(StandardCharsets.UTF_8));
                    insert.setString(7, correlation);
                    insert.setString(8, command.value());
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement streams =
                            c.prepareStatement("insert into ec_streams (stream_id, stream_version) values (?, 3)");
                    PreparedStatement commands =
                            c.prepareStatement("insert into ec_commands (command_id, recorded_at) values (?, now())")) {
                streams.setString(1, stream.value());
                streams.executeUpdate();
                commands.setString(1, command.value());
                commands.executeUpdate();
            }
            c.commit();
        }
        return new Old(stream, command, correlations);
    }

    static List<Object> payloadsOf(List<StoredEvent<Object>> events, StreamId stream) {
        return events.stream()
                .filter(e -> e.streamId().equals(stream))
                .map(StoredEvent::payload)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_command_folds_old_rows_in_their_current_form(String unit) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, EvolvingAccount.serializer(), JpaStoreSettings.DEFAULT);
        Old old = writeOldRows("state-" + unit + "-" + System.nanoTime());
        CommandExecutor executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withBoundary(jpa));

        assertThatThrownBy(() -> executor.execute(new Withdraw(old.stream(), 226)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("insufficient funds: balance 225, withdrawal 226");
        var result = executor.execute(new Withdraw(old.stream(), 225));

        assertThat(result.events())
                .singleElement()
                .satisfies(e -> assertThat(e.payload()).isEqualTo(new Withdrawn(225)));
        assertThat(payloadsOf(store.read(Set.of(old.stream())).get(old.stream()).events(), old.stream()))
                .as("the stream as a command reads it")
                .containsExactly(
                        old.expected().get(0),
                        old.expected().get(1),
                        old.expected().get(2),
                        new Withdrawn(225));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void the_global_log_and_a_command_s_stored_events_give_old_rows_in_their_current_form(String unit)
            throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, EvolvingAccount.serializer(), JpaStoreSettings.DEFAULT);
        GlobalPosition before = store.head();
        Old old = writeOldRows("log-" + unit + "-" + System.nanoTime());

        List<StoredEvent<Object>> log = new ArrayList<>();
        GlobalPosition after = before;
        for (List<StoredEvent<Object>> batch = store.readLog(after, 2);
                !batch.isEmpty();
                batch = store.readLog(after, 2)) {
            log.addAll(batch);
            after = batch.get(batch.size() - 1).position();
        }

        assertThat(payloadsOf(log, old.stream())).isEqualTo(old.expected());
        assertThat(store.eventsOf(old.command()))
                .hasValueSatisfying(
                        events -> assertThat(payloadsOf(events, old.stream())).isEqualTo(old.expected()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_durable_projection_handles_skips_and_rebuilds_old_rows_in_their_current_form(String unit) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, EvolvingAccount.serializer(), JpaStoreSettings.DEFAULT);
        JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
        JpaProjectionLeases leases = JpaProjectionLeases.create(jpa, Clock.systemUTC());
        String name = "it-old-rows-" + unit + "-" + System.nanoTime();
        GlobalPosition before = store.head();
        checkpoints.save(name, before);
        Old old = writeOldRows(name);
        GlobalPosition last = store.head();

        List<Object> handled = new CopyOnWriteArrayList<>();
        ProjectionDefinition definition = ProjectionDefinition.of(name, (StoredEvent<Object> e) -> {
                    if (e.streamId().equals(old.stream())) {
                        if (e.payload() instanceof Deposited d && d.note().equals("fail-me")) {
                            throw new IllegalStateException("this handler refuses the note " + d.note());
                        }
                        handled.add(e.payload());
                    }
                })
                .withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD)
                .withBatchSize(2)
                .withPollInterval(Duration.ofMillis(10));
        ProjectionRunner runner = ProjectionRunner.builder(definition)
                .log(store)
                .checkpoints(checkpoints)
                .leases(leases)
                .boundary(jpa)
                .executor(pool)
                .owner("n1")
                .build();
        runner.start();
        try {
            assertThat(runner.awaitPosition(last, Duration.ofSeconds(30))).isTrue();
            assertThat(handled)
                    .containsExactly(old.expected().get(0), old.expected().get(1));
            List<SkippedEvent> skipped = leases.recent(name, 10);
            assertThat(skipped).singleElement().satisfies(s -> {
                assertThat(s.payloadType()).isEqualTo(Deposited.class.getName());
                assertThat(s.error()).contains("this handler refuses the note fail-me");
            });

            handled.clear();
            runner.rebuild(before, () -> {});
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (handled.size() < 2) {
                assertThat(System.nanoTime())
                        .as("the rebuild replays the old rows")
                        .isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(runner.awaitPosition(last, Duration.ofSeconds(30))).isTrue();
            assertThat(handled)
                    .containsExactly(old.expected().get(0), old.expected().get(1));
        } finally {
            assertThat(runner.stop(Duration.ofSeconds(10))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_release_that_does_not_know_a_stored_revision_refuses_it_and_names_it(String unit) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        Old old = writeOldRows("older-release-" + unit + "-" + System.nanoTime());
        // the release before the rename: it knows it.evolving.MoneyIn only
        JpaEventStore olderRelease = JpaEventStore.create(
                jpa,
                org.eventcore.jsonb.JsonbEventSerializer.create(org.eventcore.serialization.EventTypeRegistry.builder()
                        .register("it.evolving.MoneyIn", 1, MoneyIn.class)
                        .register("it.evolving.Deposited", 2, DepositedBefore.class)
                        .build()),
                JpaStoreSettings.DEFAULT);

        assertThatThrownBy(() -> olderRelease.read(Set.of(old.stream())))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("it.evolving.Deposited")
                .hasMessageContaining("EC1507 Stored event of type it.evolving.Deposited has revision 3, newer than"
                        + " revision 2 of " + DepositedBefore.class.getName());
    }

    public record MoneyIn(long amount) {}

    public record DepositedBefore(long cents, String currency) {}
}
