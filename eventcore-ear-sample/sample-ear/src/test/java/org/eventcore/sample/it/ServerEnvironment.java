package org.eventcore.sample.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the server under test needs before Arquillian deploys to it, started once per test JVM: the
 * embedded PostgreSQL 15 the server's default datasource points at (on a free port, durable commits), set up as the sample's page says (see {@link #start()}), and, when the tests run against Payara
 * ({@code arquillian.launch=payara}), the Payara Server domain {@value #PAYARA_DOMAIN} (created and
 * started with asadmin by {@code src/test/payara/payara.sh}, stopped when the JVM ends). WildFly is
 * started by Arquillian's managed adapter itself, with a port offset. Every port is chosen free
 * ({@link #choosePorts()}). Register this extension before Arquillian's.
 */
public final class ServerEnvironment implements BeforeAllCallback {

    private static boolean payaraStarted;

    private static EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        choosePorts();
        start();
        if ("payara".equals(System.getProperty("arquillian.launch"))) {
            startPayara();
        } else {
            forgetWildFlyDeployments();
        }
    }

    /** The name of the Payara Server domain the tests create and use. */
    static final String PAYARA_DOMAIN = "eventcore-it";

    private static boolean portsChosen;

    /**
     * Chooses free ports for every server the tests start, once per JVM, before Arquillian reads its
     * configuration (which refers to them): a developer's own WildFly or Payara on the usual ports
     * (8080, 9990, 4848) never meets the tests. Sets {@code sample.it.pg.port} (unless given), for
     * WildFly {@code wildfly.port.offset} and {@code wildfly.management.port}, for Payara
     * {@code payara.port.base} and {@code payara.admin.port}, {@code sample.base.url}, and
     * {@code sample.otlp.port} (the OTLP receiver of the observability tests).
     */
    static synchronized void choosePorts() {
        if (portsChosen) {
            return;
        }
        if (System.getProperty("sample.it.pg.port") == null) {
            System.setProperty("sample.it.pg.port", Integer.toString(FreePorts.any()));
        }
        int http;
        if ("payara".equals(System.getProperty("arquillian.launch"))) {
            int base = payaraPortBase();
            System.setProperty("payara.port.base", Integer.toString(base));
            System.setProperty("payara.admin.port", Integer.toString(base + 48));
            http = base + 80;
        } else {
            int offset = FreePorts.wildflyOffset(100);
            System.setProperty("wildfly.port.offset", Integer.toString(offset));
            System.setProperty("wildfly.management.port", Integer.toString(9990 + offset));
            http = 8080 + offset;
        }
        System.setProperty("sample.base.url", "http://localhost:" + http + "/eventcore-sample/api/");
        // where the observability tests' OTLP receiver listens (arquillian.xml's wildfly-observed, the
        // Payara domain's settings): for Payara a port kept with its port base, so that the domain need
        // not restart for a new endpoint
        int preferred = "payara".equals(System.getProperty("arquillian.launch"))
                ? Integer.parseInt(System.getProperty("payara.port.base")) + 90
                : 0;
        System.setProperty(
                "sample.otlp.port",
                Integer.toString(OtlpReceiver.start(preferred).port()));
        portsChosen = true;
    }

    /**
     * The port base of the tests' Payara domain: the one it was created with when all its ports are
     * free (creating a domain takes a while), otherwise a new free one (payara.sh then creates it
     * again).
     */
    private static int payaraPortBase() {
        java.nio.file.Path recorded = java.nio.file.Path.of(
                System.getProperty("payara.home"), "glassfish", "domains", PAYARA_DOMAIN, ".eventcore-portbase");
        try {
            if (java.nio.file.Files.exists(recorded)) {
                int base = Integer.parseInt(
                        java.nio.file.Files.readString(recorded).strip());
                if (FreePorts.payaraBaseIsFree(base)) {
                    return base;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // choose a new one
        }
        return FreePorts.payaraPortBase();
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
                System.getProperty("sample.it.pg.port"),
                System.getProperty("payara.port.base"),
                PAYARA_DOMAIN,
                System.getProperty("sample.otlp.port"));
        payaraStarted = true;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() ->
                        run("bash", script, "stop", home, PAYARA_DOMAIN, System.getProperty("payara.admin.port"))));
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
        choosePorts();
        int port = Integer.getInteger("sample.it.pg.port");
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
