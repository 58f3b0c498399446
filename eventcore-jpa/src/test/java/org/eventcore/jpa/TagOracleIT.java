package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.testkit.dcb.DcbEvent;
import org.eventcore.testkit.dcb.TagOracle;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The tag oracle on PostgreSQL: {@value #DEFAULT_WRITERS} writers (or {@code -Deventcore.oracle.writers}) race
 * the scenarios' commands, {@value #DEFAULT_COMMANDS} of them in CI ({@code -Deventcore.oracle.commands=100000}
 * for the full run), each attempt in a transaction of its own. The current release runs on Hibernate; a quarter
 * of the writers run the first release of a rolling rename of {@code StudentSubscribed} (it writes the old name)
 * on EclipseLink, against the same database; an eighth run only stream-only commands that tag their events.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TagOracleIT {

    static final int DEFAULT_WRITERS = 32;
    static final int DEFAULT_COMMANDS = 4_000;

    @Test
    void racing_writers_on_postgresql_break_no_rule_lose_nothing_and_disjoint_tags_never_conflict() throws Exception {
        int writers = Integer.getInteger("eventcore.oracle.writers", DEFAULT_WRITERS);
        int commands = Integer.getInteger("eventcore.oracle.commands", DEFAULT_COMMANDS);
        String url = TestDatabases.createDatabase();
        try (Node current = Node.open(url, "eventcore-hibernate", DcbEvent.registry(false), writers + 8);
                Node old = Node.open(url, "eventcore-eclipselink", DcbEvent.registry(true), writers / 4 + 4)) {
            TagOracle.Report report = TagOracle.run(
                    TagOracle.Settings.of(writers, commands), current.executor(), old.executor(), current.store);
            System.out.println("PostgreSQL: " + report.summary());

            assertThat(report.violations()).isEmpty();
            assertThat(report.lostAcknowledged()).isZero();
            assertThat(report.disjointConflicts()).isZero();
            assertThat(report.acknowledged() + report.rejected() + report.gaveUp())
                    .isEqualTo(report.commands());
            assertThat(report.acknowledged()).isGreaterThan(report.commands() / 5);
            assertThat(report.gaveUp()).isLessThan(report.commands() / 100 + 1);
        }
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement();
                ResultSet r = s.executeQuery(
                        "select count(*) from ec_events where event_type = '" + DcbEvent.OLD_SUBSCRIBED_NAME + "'")) {
            r.next();
            assertThat(r.getLong(1))
                    .as("subscriptions stored under the type's earlier name")
                    .isPositive();
        }
    }

    /** One node: a pool, a persistence unit, a store and an executor with a transaction per attempt. */
    private record Node(AgroalDataSource pool, EntityManagerFactory factory, ResourceLocalJpa jpa, JpaEventStore store)
            implements AutoCloseable {

        static Node open(String url, String unit, org.eventcore.serialization.EventTypeRegistry registry, int size)
                throws Exception {
            AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.maxSize(size)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(c -> c.jdbcUrl(url)
                                    .principal(new NamePrincipal(TestDatabases.APP_USER))
                                    .credential(new SimplePassword(TestDatabases.APP_PASSWORD)))));
            EntityManagerFactory factory =
                    Persistence.createEntityManagerFactory(unit, Map.of("jakarta.persistence.nonJtaDataSource", pool));
            ResourceLocalJpa jpa = ResourceLocalJpa.create(factory);
            return new Node(
                    pool,
                    factory,
                    jpa,
                    JpaEventStore.create(jpa, JsonbEventSerializer.create(registry), JpaStoreSettings.DEFAULT));
        }

        CommandExecutor executor() {
            return CommandExecutor.create(
                    store, ExecutorSettings.DEFAULT.withBoundary(jpa).withRetryPolicy(TagOracle.RETRY_POLICY));
        }

        @Override
        public void close() {
            factory.close();
            pool.close();
        }
    }
}
