package org.eventcore.jpa.faults;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventcore.CommandId;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.JtaAttemptBoundary;
import org.eventcore.jpa.JtaJpa;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.jpa.TestJta;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;

/**
 * The store as an application on a Java SE or EE server would run it: the application role's
 * connections in an Agroal pool (which drops a connection the server closed), Hibernate
 * resource-local on that pool, {@link JpaEventStore} and an executor with one transaction per
 * attempt.
 */
final class Ledger implements AutoCloseable {

    /** The money each account is opened with. */
    static final long OPENING_BALANCE = 1_000;

    private final String url;
    private final AgroalDataSource pool;
    private final EntityManagerFactory factory;
    final ResourceLocalJpa jpa;
    final JpaEventStore store;

    private Ledger(String url, AgroalDataSource pool, EntityManagerFactory factory, JpaStoreSettings settings) {
        this.url = url;
        this.pool = pool;
        this.factory = factory;
        this.jpa = ResourceLocalJpa.create(factory);
        this.store = JpaEventStore.create(jpa, TestDatabases.serializer(), settings);
    }

    /** Connects to the database at {@code url} as the application role, with a pool of {@code size}. */
    static Ledger connect(String url, int size) {
        return connect(url, size, Duration.ofSeconds(5), JpaStoreSettings.DEFAULT.statementTimeout());
    }

    /**
     * Connects with a pool of {@code size} that waits at most {@code acquisition} for a connection (while
     * the database is down, Agroal waits that long before it reports the failure), and a store whose
     * statements (lock waits included) time out after {@code statementTimeout}.
     */
    static Ledger connect(String url, int size, Duration acquisition, Duration statementTimeout) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(size)
                        .acquisitionTimeout(acquisition)
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        .connectionFactoryConfiguration(c -> c.jdbcUrl(url)
                                .principal(new NamePrincipal(TestDatabases.APP_USER))
                                .credential(new SimplePassword(TestDatabases.APP_PASSWORD))));
        AgroalDataSource pool;
        try {
            pool = AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the pool on " + url, e);
        }
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "eventcore-hibernate", Map.of("jakarta.persistence.nonJtaDataSource", pool));
        return new Ledger(url, pool, factory, JpaStoreSettings.DEFAULT.withStatementTimeout(statementTimeout));
    }

    /** The same database under JTA: the executor as a Jakarta EE server runs it. */
    static final class Jta implements AutoCloseable {
        private final AgroalDataSource pool;
        private final EntityManagerFactory factory;
        private final JpaEventStore store;

        private Jta(AgroalDataSource pool, EntityManagerFactory factory) {
            this.pool = pool;
            this.factory = factory;
            this.store = JpaEventStore.create(
                    JtaJpa.create(factory, TestJta.registry()), TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        }

        /** An executor with a Narayana transaction per attempt, retrying under {@code policy}. */
        CommandExecutor executor(RetryPolicy policy) {
            return CommandExecutor.create(
                    store,
                    ExecutorSettings.DEFAULT
                            .withBoundary(JtaAttemptBoundary.create(TestJta.transactionManager()))
                            .withRetryPolicy(policy)
                            .withListener(AttemptHistory.ALL));
        }

        @Override
        public void close() {
            factory.close();
            pool.close();
        }
    }

    /**
     * This ledger's database under JTA: Narayana's transaction manager, an Agroal pool of {@code size}
     * whose connections enlist in its transactions (and are dropped when the server closed them), and
     * Hibernate's JTA persistence unit.
     */
    Jta jta(int size) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(size)
                        .acquisitionTimeout(Duration.ofSeconds(5))
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        .transactionIntegration(
                                new NarayanaTransactionIntegration(TestJta.transactionManager(), TestJta.registry()))
                        .connectionFactoryConfiguration(c -> c.jdbcUrl(url)
                                .principal(new NamePrincipal(TestDatabases.APP_USER))
                                .credential(new SimplePassword(TestDatabases.APP_PASSWORD))));
        try {
            AgroalDataSource jtaPool = AgroalDataSource.from(config);
            return new Jta(
                    jtaPool,
                    Persistence.createEntityManagerFactory(
                            "eventcore-hibernate-jta", Map.of("jakarta.persistence.jtaDataSource", jtaPool)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the JTA pool on " + url, e);
        }
    }

    /** An executor on this ledger's store, retrying under {@code policy}. */
    CommandExecutor executor(RetryPolicy policy) {
        return CommandExecutor.create(
                store,
                ExecutorSettings.DEFAULT
                        .withBoundary(jpa)
                        .withRetryPolicy(policy)
                        .withListener(AttemptHistory.ALL));
    }

    /**
     * Opens {@code count} accounts named {@code prefix}-0.. with {@link #OPENING_BALANCE} each (one
     * deposit event, command id {@code open-<stream>}).
     */
    List<StreamId> open(String prefix, int count) {
        List<StreamId> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StreamId account = StreamId.of(prefix + "-account-" + i);
            accounts.add(account);
            jpa.execute(attempt -> StoreFixture.request(CommandId.of("open-" + account.value()))
                    .expect(account, 0)
                    .write(account, new ContractEvent(Move.DEPOSITED, OPENING_BALANCE))
                    .appendTo(store));
        }
        return accounts;
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
