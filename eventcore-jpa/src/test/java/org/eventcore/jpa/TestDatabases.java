package org.eventcore.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * The databases the tests run against: a real PostgreSQL 15 started once per test JVM (embedded, with
 * synchronous_commit on), or an external one named by EVENTCORE_TEST_PG_URL (an admin connection;
 * EVENTCORE_TEST_PG_USER and EVENTCORE_TEST_PG_PASSWORD); and in-memory H2 databases.
 *
 * <p>On PostgreSQL the schema is installed as eventcore_owner and the store connects as a login role
 * that is only a member of eventcore_app, as in production.
 */
public final class TestDatabases {

    public static final String APP_USER = "eventcore_test_app";
    public static final String APP_PASSWORD = "app-secret";

    private static final Map<String, EntityManagerFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final AtomicInteger H2_COUNTER = new AtomicInteger();
    private static volatile String postgresUrl;
    private static volatile String adminUser;
    private static volatile String adminPassword;

    private TestDatabases() {}

    /** The serializer the tests use: the contract events and the test events. */
    public static JsonbEventSerializer serializer() {
        return JsonbEventSerializer.create(EventTypeRegistry.builder()
                .register(ContractEvent.class)
                .register(org.eventcore.testkit.contract.ContractMark.class)
                .build());
    }

    /** The JDBC URL of the test database on PostgreSQL, set up on first use. */
    public static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            String external = System.getenv("EVENTCORE_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                adminUser = System.getenv().getOrDefault("EVENTCORE_TEST_PG_USER", "postgres");
                adminPassword = System.getenv().getOrDefault("EVENTCORE_TEST_PG_PASSWORD", "");
                postgresUrl = install(external);
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder()
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("max_connections", "120")
                            .start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException e) {
                            // the JVM is ending
                        }
                    }));
                    adminUser = "postgres";
                    adminPassword = "";
                    // without ?user=: PgJDBC lets URL parameters override the user given to getConnection
                    // connectTimeout and socketTimeout (seconds) bound connecting and a silent server, as the
                    // manual recommends; socketTimeout stays above the store's statement timeout
                    postgresUrl = install("jdbc:postgresql://localhost:" + pg.getPort()
                            + "/postgres?connectTimeout=5&socketTimeout=120");
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
            }
        }
        return postgresUrl;
    }

    /** An admin connection to the test database (for tests that act as an attacker or a DBA). */
    public static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(postgresUrl(), adminUser, adminPassword);
    }

    /** An admin connection to another database of the test PostgreSQL (one made by {@link #createDatabase()}). */
    public static Connection adminConnection(String url) throws SQLException {
        postgresUrl();
        return DriverManager.getConnection(url, adminUser, adminPassword);
    }

    /** An application-role connection to the test database. */
    public static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(postgresUrl(), APP_USER, APP_PASSWORD);
    }

    /** Creates a fresh database with the roles and the schema; returns its URL. */
    private static String install(String adminUrl) {
        return createDatabase(adminUrl, adminUser, adminPassword);
    }

    /** The database name in a PostgreSQL JDBC URL (the path, without parameters). */
    public static String databaseName(String url) {
        return url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    }

    /** A fresh database with the schema on the test PostgreSQL (for tests that need a log of their own). */
    public static String createDatabase() {
        String url = postgresUrl();
        return createDatabase(url, adminUser, adminPassword);
    }

    /**
     * A fresh database on the test PostgreSQL with the schema scripts up to {@code version} only: a
     * database of an earlier EventCore, for upgrade tests.
     */
    public static String createDatabase(int version) {
        String url = postgresUrl();
        return createDatabase(url, adminUser, adminPassword, version);
    }

    /**
     * Creates, on the PostgreSQL server of {@code adminUrl}, the roles, the test's application login role
     * and a fresh database owned by eventcore_owner with the schema installed; returns the database's URL
     * (for the application role: {@link #APP_USER}, {@link #APP_PASSWORD}).
     */
    public static String createDatabase(String adminUrl, String admin, String secret) {
        return createDatabase(adminUrl, admin, secret, EventCoreSchema.VERSION);
    }

    /**
     * A new database like {@link #createDatabase(String, String, String)}, with the schema scripts up to
     * {@code version} only: a database of an earlier EventCore, for upgrade tests.
     */
    public static String createDatabase(String adminUrl, String admin, String secret, int version) {
        String database = "eventcore_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(adminUrl, admin, secret);
                Statement s = c.createStatement()) {
            s.execute(script("postgresql/roles.sql"));
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APP_USER + "') then"
                    + " create role " + APP_USER + " login password '" + APP_PASSWORD + "' in role eventcore_app;"
                    + " end if; end $$");
            s.execute("create database " + database + " owner eventcore_owner");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL at " + adminUrl, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        if (url.contains("user=")) {
            throw new IllegalStateException("EVENTCORE_TEST_PG_URL must not contain user=: it would override the"
                    + " application role; use EVENTCORE_TEST_PG_USER");
        }
        try (Connection c = DriverManager.getConnection(url, admin, secret);
                Statement s = c.createStatement()) {
            s.execute("set role eventcore_owner");
            for (EventCoreSchema.Script script : EventCoreSchema.POSTGRESQL.scripts()) {
                if (script.version() <= version) {
                    s.execute(script.text());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot install the EventCore schema at " + url, e);
        }
        return url;
    }

    /**
     * Writes an event row by hand through {@code admin}, as a row corrupted or forged outside EventCore
     * would look: version 1 of {@code stream}, causation id "forged"; returns its event id.
     */
    public static String insertForgedRow(
            Connection admin, String stream, String type, byte[] payload, String customMetadata) throws SQLException {
        String eventId = java.util.UUID.randomUUID().toString();
        try (java.sql.PreparedStatement ps = admin.prepareStatement("insert into ec_events (global_position, tx_id,"
                + " event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id,"
                + " causation_id, recorded_at, custom_metadata) values (nextval('ec_event_position_seq'),"
                + " cast(cast(pg_current_xact_id() as text) as bigint), ?, ?, 1, ?, 1, ?, 'c', 'forged', now(), ?)")) {
            ps.setString(1, eventId);
            ps.setString(2, stream);
            ps.setString(3, type);
            ps.setBytes(4, payload);
            ps.setString(5, customMetadata);
            ps.executeUpdate();
        }
        return eventId;
    }

    static String script(String name) {
        try (InputStream in = TestDatabases.class.getResourceAsStream("/META-INF/eventcore/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The factory of persistence unit {@code unit} ("eventcore-hibernate" or "eventcore-eclipselink") on PostgreSQL. */
    public static EntityManagerFactory postgres(String unit) {
        return FACTORIES.computeIfAbsent(
                "pg:" + unit,
                k -> Persistence.createEntityManagerFactory(
                        unit,
                        Map.of(
                                "jakarta.persistence.jdbc.url",
                                postgresUrl(),
                                "jakarta.persistence.jdbc.user",
                                APP_USER,
                                "jakarta.persistence.jdbc.password",
                                APP_PASSWORD,
                                "jakarta.persistence.jdbc.driver",
                                "org.postgresql.Driver")));
    }

    /** A factory on a new in-memory H2 database with the schema installed. */
    public static EntityManagerFactory newH2(String unit) {
        String url = "jdbc:h2:mem:eventcore" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(EventCoreSchema.H2.text());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot install the EventCore schema on H2", e);
        }
        return Persistence.createEntityManagerFactory(
                unit,
                Map.of(
                        "jakarta.persistence.jdbc.url", url,
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", "",
                        "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
    }

    /** A store on PostgreSQL through persistence unit {@code unit}. */
    public static JpaEventStore postgresStore(String unit) {
        return JpaEventStore.create(ResourceLocalJpa.create(postgres(unit)), serializer(), JpaStoreSettings.DEFAULT);
    }

    /** A store on PostgreSQL through persistence unit {@code unit} with {@code serializer}. */
    public static JpaEventStore postgresStore(String unit, org.eventcore.serialization.EventSerializer serializer) {
        return JpaEventStore.create(ResourceLocalJpa.create(postgres(unit)), serializer, JpaStoreSettings.DEFAULT);
    }

    /** A store on an H2 database shared by the tests of one class ({@code key}) with {@code serializer}. */
    public static JpaEventStore h2Store(String key, org.eventcore.serialization.EventSerializer serializer) {
        return JpaEventStore.create(
                ResourceLocalJpa.create(h2Factory(key)),
                serializer,
                JpaStoreSettings.DEFAULT.withDialect(JpaDialect.H2));
    }

    private static final Map<String, EntityManagerFactory> H2_SHARED = new ConcurrentHashMap<>();

    /** The factory of an H2 database shared by the tests of one class ({@code key}). */
    public static EntityManagerFactory h2Factory(String key) {
        return H2_SHARED.computeIfAbsent(key, k -> newH2("eventcore-hibernate"));
    }

    /** A store on an H2 database shared by the tests of one class ({@code key}). */
    public static JpaEventStore h2Store(String key) {
        EntityManagerFactory emf = h2Factory(key);
        return JpaEventStore.create(
                ResourceLocalJpa.create(emf), serializer(), JpaStoreSettings.DEFAULT.withDialect(JpaDialect.H2));
    }
}
