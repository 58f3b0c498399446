package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.eventcore.EventSerializationException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.StreamId;
import org.eventcore.spi.AppendResult;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the database itself enforces, and how bad stored data and slow locks surface. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseGuardsIT {

    private final JpaEventStore store = TestDatabases.postgresStore("eventcore-hibernate");
    private final StoreFixture streams = StoreFixture.withPrefix("guards");

    private long storedPosition(AppendResult r) {
        return r.events().get(0).position().offset();
    }

    @Test
    void the_application_role_can_neither_update_nor_delete_stored_events() throws SQLException {
        StreamId s = streams.stream("immutable");
        long position = storedPosition(request().expect(s, 0).write(s, event(1)).appendTo(store));
        try (Connection c = TestDatabases.appConnection();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(
                            "update ec_events set stream_version = 99 where global_position = " + position))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> st.executeUpdate("delete from ec_events where global_position = " + position))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> st.executeUpdate("truncate ec_events"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
        assertThat(StoreFixture.payloads(store, s)).containsExactly(event(1));
    }

    @Test
    void even_the_owner_role_cannot_change_or_remove_stored_events() throws SQLException {
        StreamId s = streams.stream("owner");
        long position = storedPosition(request().expect(s, 0).write(s, event(1)).appendTo(store));
        try (Connection c = TestDatabases.adminConnection();
                Statement st = c.createStatement()) {
            st.execute("set role eventcore_owner");
            assertThatThrownBy(() -> st.executeUpdate(
                            "update ec_events set stream_version = 99 where global_position = " + position))
                    .hasMessageContaining("EC3100 Stored events are immutable: UPDATE on ec_events is not allowed");
            assertThatThrownBy(() -> st.executeUpdate("delete from ec_events where global_position = " + position))
                    .hasMessageContaining("EC3100 Stored events are immutable: DELETE on ec_events is not allowed");
            assertThatThrownBy(() -> st.executeUpdate("truncate ec_events"))
                    .hasMessageContaining("EC3100 Stored events are immutable: TRUNCATE on ec_events is not allowed");
        }
        assertThat(StoreFixture.payloads(store, s)).containsExactly(event(1));
    }

    /** Writes a row by hand as the admin, as a corrupted or foreign row would look. */
    private void insertRaw(StreamId stream, String type, byte[] payload, String customMetadata) throws SQLException {
        try (Connection c = TestDatabases.adminConnection()) {
            TestDatabases.insertForgedRow(c, stream.value(), type, payload, customMetadata);
        }
    }

    @Test
    void a_stored_row_of_an_unknown_type_fails_to_read_with_its_id_and_type() throws SQLException {
        StreamId s = streams.stream("unknown-type");
        insertRaw(s, "banking.Unheard", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "{}");
        assertThatThrownBy(() -> store.read(Set.of(s)))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("EC3202 Stored event ")
                .hasMessageContaining("(type banking.Unheard, stream " + s + ", version 1) cannot be read")
                .hasMessageContaining("EC1502 Unknown event type \"banking.Unheard\"");
    }

    @Test
    void a_stored_row_with_corrupt_json_fails_to_read_with_its_id_and_type() throws SQLException {
        StreamId s = streams.stream("corrupt");
        insertRaw(
                s,
                "eventcore.testkit.ContractEvent",
                "{\"text\": \"unterminated".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{}");
        assertThatThrownBy(() -> store.read(Set.of(s)))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining(
                        "(type eventcore.testkit.ContractEvent, stream " + s + ", version 1) cannot be read")
                .hasMessageContaining("EC1508");
    }

    @Test
    void a_stored_row_with_corrupt_metadata_fails_to_read_clearly() throws SQLException {
        StreamId s = streams.stream("corrupt-metadata");
        insertRaw(
                s,
                "eventcore.testkit.ContractEvent",
                "{\"text\":\"x\",\"number\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{broken");
        assertThatThrownBy(() -> store.read(Set.of(s)))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("EC3203")
                .hasMessageContaining("has metadata that cannot be read");
    }

    @Test
    void an_append_waiting_for_a_locked_stream_longer_than_the_statement_timeout_fails_transiently() throws Exception {
        StreamId s = streams.stream("held");
        JpaEventStore impatient = JpaEventStore.create(
                ResourceLocalJpa.create(TestDatabases.postgres("eventcore-hibernate")),
                TestDatabases.serializer(),
                JpaStoreSettings.DEFAULT.withStatementTimeout(Duration.ofSeconds(1)));
        assertHeldAppendEndsWithin(impatient, s, Duration.ofSeconds(5));
        assertThat(StoreFixture.payloads(store, s)).isEmpty();
        request().expect(s, 0).write(s, event(2)).appendTo(impatient);
        assertThat(StoreFixture.payloads(store, s)).containsExactly(event(2));
    }

    /**
     * With {@code statement_timeout} set on its connections (here through the URL's {@code options}),
     * PostgreSQL bounds the store's statements itself: the store sets no JDBC query timeout (a timer
     * task per statement in PgJDBC), and an append held by a locked stream still ends, transiently,
     * after the server's timeout. A server timeout longer than the store's does not count: then the
     * store's own timeout applies as a JDBC query timeout.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void the_servers_statement_timeout_bounds_the_stores_statements_when_it_is_no_longer_than_the_stores(String unit)
            throws Exception {
        String url = TestDatabases.postgresUrl();
        String options = (url.contains("?") ? "&" : "?") + "options=-c%20statement_timeout%3D";
        EntityManagerFactory serverBound = factoryAt(unit, CountingDriver.counting(url + options + "1000"));
        EntityManagerFactory serverTooLong = factoryAt(unit, CountingDriver.counting(url + options + "60000"));
        try {
            JpaEventStore byServer = JpaEventStore.create(
                    ResourceLocalJpa.create(serverBound),
                    TestDatabases.serializer(),
                    JpaStoreSettings.DEFAULT.withStatementTimeout(Duration.ofSeconds(10)));
            JpaEventStore byDriver = JpaEventStore.create(
                    ResourceLocalJpa.create(serverTooLong),
                    TestDatabases.serializer(),
                    JpaStoreSettings.DEFAULT.withStatementTimeout(Duration.ofSeconds(1)));
            StreamId free = streams.stream("server-bound-free");
            StreamId held = streams.stream("server-bound-held");
            request().expect(free, 0).write(free, event(1)).appendTo(byServer); // the first use checks the server
            CountingDriver.takeQueryTimeouts();
            request().expect(free, 1).write(free, event(2)).appendTo(byServer);
            assertThat(StoreFixture.payloads(byServer, free)).containsExactly(event(1), event(2));
            assertThat(CountingDriver.takeQueryTimeouts())
                    .as("JDBC query timeouts with the server's bound")
                    .isEmpty();
            assertHeldAppendEndsWithin(byServer, held, Duration.ofSeconds(5));
            assertThat(CountingDriver.takeQueryTimeouts()).isEmpty();

            StreamId other = streams.stream("driver-bound-held");
            request().expect(other, 0).write(other, event(1)).appendTo(byDriver);
            CountingDriver.takeQueryTimeouts();
            assertHeldAppendEndsWithin(byDriver, other, Duration.ofSeconds(5));
            assertThat(CountingDriver.takeQueryTimeouts())
                    .as("the store's 1 s, as JDBC query timeouts, when the server's is longer")
                    .isNotEmpty()
                    .containsOnly(1);
        } finally {
            serverBound.close();
            serverTooLong.close();
        }
    }

    private static EntityManagerFactory factoryAt(String unit, String url) {
        java.util.Map<String, String> properties = new java.util.HashMap<>(java.util.Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", TestDatabases.APP_USER,
                "jakarta.persistence.jdbc.password", TestDatabases.APP_PASSWORD));
        if (unit.contains("eclipselink")) {
            // EclipseLink loads the named driver; Hibernate, given none, asks DriverManager for the URL
            properties.put("jakarta.persistence.jdbc.driver", CountingDriver.class.getName());
        }
        return jakarta.persistence.Persistence.createEntityManagerFactory(unit, properties);
    }

    /** An append to {@code s}, whose lock another transaction holds, fails transiently within {@code limit}. */
    private static void assertHeldAppendEndsWithin(JpaEventStore store, StreamId s, Duration limit) throws Exception {
        long version = StoreFixture.read(store, s).version().value();
        try (Connection c = TestDatabases.appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, s.value());
                ps.execute();
            }
            long started = System.nanoTime();
            assertThatThrownBy(() ->
                            request().expect(s, version).write(s, event(7)).appendTo(store))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("EC3303")
                    .satisfies(e -> assertThat(((StoreUnavailableException) e).isRetriable())
                            .isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
            c.rollback();
        }
        assertThat(StoreFixture.read(store, s).version().value()).isEqualTo(version);
    }

    @Test
    void a_payload_larger_than_the_limit_is_refused_before_anything_is_written() {
        StreamId s = streams.stream("large");
        JpaEventStore strict = JpaEventStore.create(
                ResourceLocalJpa.create(TestDatabases.postgres("eventcore-hibernate")),
                TestDatabases.serializer().withMaxPayloadBytes(100),
                JpaStoreSettings.DEFAULT);
        assertThatThrownBy(() -> request()
                        .expect(s, 0)
                        .write(s, new org.eventcore.testkit.contract.ContractEvent("x".repeat(200), 1))
                        .appendTo(strict))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("EC3201 Event ")
                .hasMessageContaining("EC1506");
        assertThat(StoreFixture.payloads(store, s)).isEmpty();
    }

    /** A payload class no registry knows. */
    record Unregistered(String text) {}

    @Test
    void a_payload_of_an_unregistered_type_is_refused_with_the_event_id_and_nothing_is_written() {
        StreamId s = streams.stream("unregistered");
        var append = request()
                .expect(s, 0)
                .write(s, event(1))
                .write(s, new Unregistered("x"))
                .build();
        assertThatThrownBy(() -> store.append(append))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC3201 Event " + append.events().get(1).id() + " for stream " + s)
                .hasMessageContaining("EC1501 Event class " + Unregistered.class.getName() + " is not registered");
        assertThat(StoreFixture.payloads(store, s)).isEmpty();
    }

    @Test
    void a_transaction_that_wrote_before_locking_cannot_put_a_streams_events_out_of_log_order() throws Exception {
        StreamId s = streams.stream("order");
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres("eventcore-hibernate"));
        JpaEventStore shared = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
        java.util.concurrent.CountDownLatch wrote = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch appendedMeanwhile = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> early =
                java.util.concurrent.CompletableFuture.runAsync(() -> jpa.execute(attempt -> {
                    // the caller's own work: it writes first, so its transaction id is taken now
                    checkpoints.save("order-" + System.nanoTime(), org.eventcore.GlobalPosition.of(1));
                    wrote.countDown();
                    try {
                        appendedMeanwhile.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return shared.append(
                            request().expect(s, 1).write(s, event(2)).build());
                }));
        wrote.await();
        request().expect(s, 0).write(s, event(1)).appendTo(store);
        appendedMeanwhile.countDown();

        assertThatThrownBy(early::join)
                .hasCauseInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("EC3305");
        assertThat(StoreFixture.payloads(store, s)).containsExactly(event(1));
    }
}
