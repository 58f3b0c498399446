package org.eventcore.bench;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.bench.model.BenchEvent;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.jpa.EventCoreSchema;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;

/** Where a run's events go: PostgreSQL through the JPA store, or the in-memory store. */
final class Target implements AutoCloseable {

    private final EventStore store;
    private final ExecutorSettings settings;
    private final List<String> description;
    private final List<AutoCloseable> resources;

    /** PostgreSQL only: how to reach the database and the run's schema, and the persistence. */
    private String url;

    private String user;
    private String password;
    private String schema;
    private org.eventcore.jpa.ResourceLocalJpa jpa;

    private Target(
            EventStore store, ExecutorSettings settings, List<String> description, List<AutoCloseable> resources) {
        this.store = store;
        this.settings = settings;
        this.description = description;
        this.resources = resources;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String schema() {
        return schema;
    }

    org.eventcore.jpa.ResourceLocalJpa jpa() {
        return jpa;
    }

    /** The event types of the benchmark. */
    EventTypeRegistry types() {
        return TYPES;
    }

    private static final EventTypeRegistry TYPES =
            EventTypeRegistry.builder().registerSealed(BenchEvent.class).build();

    static Target memory() {
        return new Target(
                InMemoryEventStore.create(),
                ExecutorSettings.DEFAULT,
                List.of("store: in memory (InMemoryEventStore)"),
                List.of());
    }

    /**
     * PostgreSQL at {@code url} (or an embedded PostgreSQL 15 started now, with synchronous_commit on), in a
     * schema of the run's own, through Hibernate and an Agroal pool of {@code poolSize} connections.
     */
    static Target postgres(String url, String user, String password, int poolSize, boolean lockOnRead)
            throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        if (url == null) {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
            resources.add(embedded);
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        String schema = "bench_" + System.currentTimeMillis();
        List<String> description = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("set search_path to " + schema);
            for (String statement : EventCoreSchema.POSTGRESQL_ROLES.statements()) {
                s.execute(statement);
            }
            for (String statement : EventCoreSchema.POSTGRESQL.statements()) {
                s.execute(statement);
            }
            description.add("database: " + single(s, "select version()"));
            description.add("synchronous_commit=" + single(s, "show synchronous_commit") + " fsync="
                    + single(s, "show fsync") + " (durable commits)");
        }
        // the manual's set-up: PostgreSQL bounds every statement (10 s, the store's timeout), so the store
        // sets no JDBC query timeout and the driver arms no timer per statement
        String poolUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&options=-c%20statement_timeout%3D10s";
        Map<String, String> pool = new HashMap<>();
        pool.put(AgroalPropertiesReader.JDBC_URL, poolUrl);
        pool.put(AgroalPropertiesReader.PRINCIPAL, user);
        pool.put(AgroalPropertiesReader.CREDENTIAL, password == null ? "" : password);
        pool.put(AgroalPropertiesReader.MAX_SIZE, Integer.toString(poolSize));
        pool.put(AgroalPropertiesReader.MIN_SIZE, "0");
        pool.put(AgroalPropertiesReader.INITIAL_SIZE, "1");
        pool.put(AgroalPropertiesReader.ACQUISITION_TIMEOUT_S, "30");
        AgroalDataSource dataSource = AgroalDataSource.from(new AgroalPropertiesReader().readProperties(pool));
        resources.add(0, dataSource);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "eventcore-bench", Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
        resources.add(0, factory::close);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(factory);
        EventStore store = JpaEventStore.create(jpa, serializer(), JpaStoreSettings.DEFAULT.withLockOnRead(lockOnRead));
        description.add("store: JpaEventStore through Hibernate ORM " + hibernateVersion()
                + " (resource-local, one transaction per attempt" + (lockOnRead ? ", reads lock the streams" : "")
                + "), Agroal pool of " + poolSize + " connections, schema " + schema
                + ", statement_timeout 10 s on the connections");
        Target target = new Target(store, ExecutorSettings.DEFAULT.withBoundary(jpa), description, resources);
        target.url = url;
        target.user = user;
        target.password = password;
        target.schema = schema;
        target.jpa = jpa;
        return target;
    }

    /** Hibernate's version from its Maven metadata (the shaded jar has no Hibernate manifest). */
    private static String hibernateVersion() {
        try (var in =
                Target.class.getResourceAsStream("/META-INF/maven/org.hibernate.orm/hibernate-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", org.hibernate.Version.getVersionString());
        } catch (java.io.IOException e) {
            return org.hibernate.Version.getVersionString();
        }
    }

    static JsonbEventSerializer serializer() {
        return JsonbEventSerializer.create(TYPES);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    EventStore store() {
        return store;
    }

    CommandExecutor executor(ExecutorSettings changes) {
        return CommandExecutor.create(store, changes);
    }

    ExecutorSettings settings() {
        return settings;
    }

    List<String> description() {
        return description;
    }

    /**
     * Pre-loads {@code streams} with {@code perStream} deposits of {@code cents} each, straight through the
     * store in appends of 100 streams.
     */
    void preload(List<StreamId> streams, int perStream, long cents) {
        for (int from = 0; from < streams.size(); from += 100) {
            List<StreamId> chunk = streams.subList(from, Math.min(streams.size(), from + 100));
            Map<StreamId, StreamVersion> expected = new HashMap<>();
            List<PendingEvent> events = new ArrayList<>();
            CommandId command = CommandId.generate();
            EventMetadata metadata = EventMetadata.of("preload", command, java.time.Instant.now());
            for (StreamId s : chunk) {
                expected.put(s, StreamVersion.of(0));
                for (int i = 0; i < perStream; i++) {
                    events.add(new PendingEvent(EventId.generate(), s, new BenchEvent.Deposited(cents), metadata));
                }
            }
            AppendRequest request = new AppendRequest(command, expected, events);
            settings.boundary().execute(hooks -> store.append(request));
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }
}
