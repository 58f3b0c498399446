package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.jpa.guide.JavaSeEventStore;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.testkit.contract.ContractEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * How many times one command waits for PostgreSQL: a deposit to one existing stream (the benchmark's
 * W1) makes three round trips, the read of its stream, the append (one call of {@code ec_append}),
 * the commit, with the pool set up as the manual recommends, with both JPA providers, resource-local
 * and JTA alike. Counted by a JDBC driver in front of PostgreSQL's, after a warm-up; a change that
 * adds a statement to the path fails here.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoundTripsIT {

    private static final int COMMANDS = 20;

    private static final List<String> THREE = List.of("select", "ec_append", "commit");

    /** Runs {@code command} COMMANDS times after a warm-up; returns the round trips of each run. */
    private static List<List<String>> tripsOf(Supplier<Object> command) {
        for (int i = 0; i < 5; i++) {
            command.get();
        }
        CountingDriver.take();
        CountingDriver.takeQueryTimeouts();
        List<List<String>> all = new java.util.ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            command.get();
            all.add(CountingDriver.take());
        }
        return all;
    }

    /** The kind of each round trip: the first word of its statement, or ec_append, or commit, validation. */
    private static List<String> kinds(List<String> trips) {
        return trips.stream()
                .map(t -> t.startsWith("ec_append")
                        ? "ec_append"
                        : t.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static void assertThreeRoundTrips(List<List<String>> commands) {
        assertThat(commands)
                .allSatisfy(trips -> assertThat(kinds(trips))
                        .as("the round trips of one W1 command: %s", trips)
                        .isEqualTo(THREE));
    }

    /** A resource-local factory of {@code unit} whose connections go through the counting driver. */
    private static EntityManagerFactory countingFactory(String unit, String url) {
        return Persistence.createEntityManagerFactory(
                unit,
                Map.of(
                        "jakarta.persistence.jdbc.url",
                        CountingDriver.counting(url),
                        "jakarta.persistence.jdbc.user",
                        TestDatabases.APP_USER,
                        "jakarta.persistence.jdbc.password",
                        TestDatabases.APP_PASSWORD,
                        "jakarta.persistence.jdbc.driver",
                        CountingDriver.class.getName()));
    }

    private static StreamId newAccount() {
        return StreamId.of("round-trips-" + System.nanoTime());
    }

    @Test
    void resource_local_with_hibernate_on_the_manuals_java_se_set_up() throws Exception {
        String url = TestDatabases.createDatabase();
        EventTypeRegistry types =
                EventTypeRegistry.builder().register(ContractEvent.class).build();
        try (JavaSeEventStore events = new JavaSeEventStore(
                CountingDriver.counting(url), TestDatabases.APP_USER, TestDatabases.APP_PASSWORD, 1, types)) {
            StreamId account = newAccount();
            events.executor().execute(new DepositOne(account, 1));
            assertThreeRoundTrips(tripsOf(() -> events.executor().execute(new DepositOne(account, 1))));
            assertThat(CountingDriver.takeQueryTimeouts())
                    .as("the server's statement_timeout bounds the statements: no JDBC query timeout, no timer task")
                    .isEmpty();
        }
    }

    @Test
    void resource_local_with_eclipselink() {
        String url = TestDatabases.createDatabase();
        EntityManagerFactory emf = countingFactory("eventcore-eclipselink", url);
        try {
            ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
            CommandExecutor executor = CommandExecutor.create(
                    JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT),
                    ExecutorSettings.DEFAULT.withBoundary(jpa));
            StreamId account = newAccount();
            executor.execute(new DepositOne(account, 1));
            assertThreeRoundTrips(tripsOf(() -> executor.execute(new DepositOne(account, 1))));
            assertThat(CountingDriver.takeQueryTimeouts())
                    .as("without a statement_timeout on the connection, the store's read and append carry"
                            + " the store's timeout as JDBC query timeouts")
                    .hasSize(2 * COMMANDS)
                    .containsOnly(10);
        } finally {
            emf.close();
        }
    }

    @Test
    void a_cached_command_makes_the_same_three_round_trips_reading_only_what_is_new() {
        String url = TestDatabases.createDatabase();
        EntityManagerFactory emf = countingFactory("eventcore-eclipselink", url);
        try {
            ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
            CommandExecutor executor = CommandExecutor.create(
                    JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT),
                    ExecutorSettings.DEFAULT.withBoundary(jpa));
            StreamId account = newAccount();
            executor.execute(new CachedDepositOne(account, 1));
            List<List<String>> commands = tripsOf(() -> executor.execute(new CachedDepositOne(account, 1)));
            assertThreeRoundTrips(commands);
            assertThat(commands)
                    .allSatisfy(trips -> assertThat(trips.get(0))
                            .as("the read of the events after the cached state (EventRow.STREAMS_AFTER_SQL,"
                                    + " whose columns are those of the joined events e)")
                            .startsWith("select e.global_position"));
            assertThat(executor.stateCacheStatistics().hits()).isEqualTo(5 + COMMANDS);
        } finally {
            emf.close();
        }
    }

    @Test
    void jta_with_hibernate_and_eclipselink() throws Exception {
        String url = TestDatabases.createDatabase();
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(2)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .transactionIntegration(
                                new NarayanaTransactionIntegration(TestJta.transactionManager(), TestJta.registry()))
                        .connectionFactoryConfiguration(c -> c.jdbcUrl(CountingDriver.counting(url))
                                .principal(new NamePrincipal(TestDatabases.APP_USER))
                                .credential(new SimplePassword(TestDatabases.APP_PASSWORD)))))) {
            for (String unit : List.of("eventcore-hibernate-jta", "eventcore-eclipselink-jta")) {
                EntityManagerFactory emf =
                        Persistence.createEntityManagerFactory(unit, Map.of("jakarta.persistence.jtaDataSource", pool));
                try {
                    JtaJpa jpa = JtaJpa.create(emf, TestJta.registry());
                    CommandExecutor executor = CommandExecutor.create(
                            JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT),
                            ExecutorSettings.DEFAULT.withBoundary(
                                    JtaAttemptBoundary.create(TestJta.transactionManager())));
                    StreamId account = newAccount();
                    executor.execute(new DepositOne(account, 1));
                    assertThreeRoundTrips(tripsOf(() -> executor.execute(new DepositOne(account, 1))));
                } finally {
                    emf.close();
                }
            }
        }
    }
}
