package org.eventcore.jpa.guide;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;

/**
 * The JPA store on PostgreSQL in plain Java SE: a connection pool that drops the connections the
 * server closed, the persistence unit on that pool, the store, and an executor that runs every
 * attempt of a command in a transaction of its own. Close it when the application ends.
 */
public final class JavaSeEventStore implements AutoCloseable {

    private final AgroalDataSource pool;
    private final EntityManagerFactory factory;
    private final JpaEventStore store;
    private final CommandExecutor executor;

    /**
     * Connects as {@code user}, a login role that is a member of {@code eventcore_app}, to the database
     * at {@code jdbcUrl}, in which the schema scripts have been run, with a pool of {@code maxSize}
     * connections: as many as threads execute commands at once.
     */
    public JavaSeEventStore(String jdbcUrl, String user, String password, int maxSize, EventTypeRegistry types)
            throws SQLException {
        pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(maxSize)
                        // how long an attempt waits for a connection before it fails (and the executor retries
                        // it): while the database refuses connections, Agroal keeps trying to open one for
                        // this long, so keep it short and let the retry policy's time limit bound a command
                        .acquisitionTimeout(Duration.ofSeconds(2))
                        // a connection that failed with a connection error (SQLState 08..., 57P01...) is
                        // closed, not handed out again
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        // a connection that sat in the pool for more than a second is checked before use
                        // (the server may have closed it); one in steady use is not, which would cost
                        // every command a round trip: if it was closed, the attempt that meets it fails
                        // and the executor runs it again on another connection
                        .idleValidationTimeout(Duration.ofSeconds(1))
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(2))
                        .connectionFactoryConfiguration(c -> c.jdbcUrl(jdbcUrl)
                                // one try to open a connection ends after this, also on a silent network
                                .loginTimeout(Duration.ofSeconds(2))
                                // PostgreSQL ends any statement of these connections after 10 s, the store's
                                // statement timeout: the store then sets no JDBC query timeout (which the
                                // driver enforces with a timer task per statement)
                                .jdbcProperty("options", "-c statement_timeout=10s")
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword(password)))));
        // the pool is the persistence unit's data source: its properties name no URL and no user
        factory =
                Persistence.createEntityManagerFactory("events", Map.of("jakarta.persistence.nonJtaDataSource", pool));
        ResourceLocalJpa jpa = ResourceLocalJpa.create(factory);
        store = JpaEventStore.create(jpa, JsonbEventSerializer.create(types), JpaStoreSettings.DEFAULT);
        executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withBoundary(jpa));
    }

    /** The executor: one per application, thread-safe. */
    public CommandExecutor executor() {
        return executor;
    }

    /** The store, for reading the global log. */
    public JpaEventStore store() {
        return store;
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
