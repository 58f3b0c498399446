package org.eventcore.sample.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the server under test needs before Arquillian deploys to it, started once per test JVM: the
 * embedded PostgreSQL 15 the server's default datasource points at (port {@code sample.it.pg.port},
 * durable commits), set up as the sample's page says (see {@link #start()}), and, when the tests run against Payara
 * ({@code arquillian.launch=payara}), the Payara Server domain (started with asadmin by
 * {@code src/test/payara/payara.sh}, stopped when the JVM ends). WildFly is started by Arquillian's
 * managed adapter itself. Register this extension before Arquillian's.
 */
public final class ServerEnvironment implements BeforeAllCallback {

    private static boolean payaraStarted;

    private static EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        if ("payara".equals(System.getProperty("arquillian.launch"))) {
            startPayara();
        } else {
            forgetWildFlyDeployments();
        }
    }

    /** Removes what {@code run.sh} may have left in WildFly's deployment scanner, which Arquillian would meet. */
    private static void forgetWildFlyDeployments() {
        java.io.File[] left = new java.io.File(System.getProperty("jboss.home"), "standalone/deployments")
                .listFiles((dir, name) -> name.startsWith("eventcore-sample.ear"));
        if (left != null) {
            for (java.io.File f : left) {
                if (!f.delete()) {
                    throw new IllegalStateException("cannot remove " + f + " from WildFly's deployments");
                }
            }
        }
    }

    private static synchronized void startPayara() {
        if (payaraStarted) {
            return;
        }
        String home = System.getProperty("payara.home");
        String script = System.getProperty("payara.script", "src/test/payara/payara.sh");
        run(
                "bash",
                script,
                "start",
                home,
                System.getProperty("sample.driver.jar"),
                Integer.getInteger("sample.it.pg.port", 55439).toString(),
                System.getProperty("payara.http.port", "8180"));
        payaraStarted = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("bash", script, "stop", home)));
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see the output above");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The database the sample runs on, and the application's login role (as setup-database.sh makes them). */
    static final String DATABASE = "eventcore";

    static final String APP_USER = "eventcore_sample";
    static final String APP_PASSWORD = "sample-secret";

    /**
     * Starts the database if it is not running yet, and sets it up the way the sample's page says
     * ({@code eventcore-ear-sample/postgres/setup-database.sh}, here through JDBC): the roles, the
     * application's login role (a member of {@code eventcore_app} only), the database owned by
     * {@code eventcore_owner} with EventCore's schema installed as that role, and CREATE on its schema
     * public for the login. The servers connect as that login, never as a superuser.
     */
    public static synchronized void start() {
        if (postgres != null) {
            return;
        }
        int port = Integer.getInteger("sample.it.pg.port", 55439);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " for the server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending
            }
        }));
        try (java.sql.Connection admin = postgres.getPostgresDatabase().getConnection();
                java.sql.Statement s = admin.createStatement()) {
            s.execute(org.eventcore.jpa.EventCoreSchema.POSTGRESQL_ROLES.text());
            s.execute("create role " + APP_USER + " login password '" + APP_PASSWORD + "' in role eventcore_app");
            s.execute("create database " + DATABASE + " owner eventcore_owner");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the sample's roles and database", e);
        }
        try (java.sql.Connection admin = connection();
                java.sql.Statement s = admin.createStatement()) {
            s.execute("set role eventcore_owner; " + org.eventcore.jpa.EventCoreSchema.POSTGRESQL.text());
            s.execute("reset role");
            s.execute("grant create on schema public to " + APP_USER);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot install EventCore's schema for the sample", e);
        }
    }

    /** An administrator's JDBC connection to the sample's database (for tests that look at what was stored). */
    public static java.sql.Connection connection() throws java.sql.SQLException {
        start();
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }
}
