package org.eventcore.jpa;

import com.arjuna.ats.jta.common.jtaPropertyManager;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * JTA without a server for the tests: Narayana's transaction manager and synchronization registry,
 * an Agroal pool on the test PostgreSQL whose (non-XA) connections enlist in the current
 * transaction, and the JTA persistence units of {@code persistence.xml} on that pool.
 *
 * <p>Narayana's object store goes to {@code target/narayana} (set by Failsafe, and here for runs
 * from an IDE, before Narayana reads its configuration). Every test that uses JTA goes through this
 * class first.
 */
public final class TestJta {

    static {
        String store = Path.of("target", "narayana").toAbsolutePath().toString();
        System.setProperty(
                "ObjectStoreEnvironmentBean.objectStoreDir",
                System.getProperty("ObjectStoreEnvironmentBean.objectStoreDir", store));
        System.setProperty(
                "com.arjuna.ats.arjuna.objectstore.objectStoreDir",
                System.getProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", store));
        System.setProperty(
                "CoreEnvironmentBean.nodeIdentifier",
                System.getProperty("CoreEnvironmentBean.nodeIdentifier", "eventcore-tests"));
        // no recovery here, so no status service listening on a port
        System.setProperty("CoordinatorEnvironmentBean.transactionStatusManagerEnable", "false");
    }

    private static final Map<String, EntityManagerFactory> FACTORIES = new ConcurrentHashMap<>();
    private static volatile AgroalDataSource dataSource;

    private TestJta() {}

    /** Narayana's transaction manager (one per JVM). */
    public static TransactionManager transactionManager() {
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    /** Narayana's synchronization registry (one per JVM). */
    public static TransactionSynchronizationRegistry registry() {
        return jtaPropertyManager.getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
    }

    /** A pool on the test database whose connections enlist in the current JTA transaction. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(24)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .transactionIntegration(
                                    new NarayanaTransactionIntegration(transactionManager(), registry()))
                            .connectionFactoryConfiguration(connection -> connection
                                    .jdbcUrl(TestDatabases.postgresUrl())
                                    .principal(new NamePrincipal(TestDatabases.APP_USER))
                                    .credential(new SimplePassword(TestDatabases.APP_PASSWORD))));
            try {
                dataSource = AgroalDataSource.from(config);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the JTA data source", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close));
        }
        return dataSource;
    }

    /** The factory of JTA persistence unit {@code unit} on the test PostgreSQL. */
    public static EntityManagerFactory postgres(String unit) {
        return FACTORIES.computeIfAbsent(
                unit,
                k -> Persistence.createEntityManagerFactory(
                        unit, Map.of("jakarta.persistence.jtaDataSource", dataSource())));
    }

    /** The store's access to the entity managers of {@code unit}, one per transaction. */
    public static JtaJpa jpa(String unit) {
        return JtaJpa.create(postgres(unit), registry());
    }

    /** A store on JTA persistence unit {@code unit}; call it inside a transaction. */
    public static JpaEventStore store(String unit) {
        return JpaEventStore.create(jpa(unit), TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
    }

    /** A store on {@code unit} that runs each call in a JTA transaction of its own (for the contract suites). */
    public static TransactionPerCallStore storePerCall(String unit) {
        return new TransactionPerCallStore(store(unit), transactionManager());
    }
}
