package org.eventcore.sample.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test JVM, the embedded PostgreSQL 15 that the server's datasource points at (port
 * {@code sample.it.pg.port}, database and user {@code postgres}), with durable commits. Register it
 * before Arquillian's extension, so that the database is up when the EAR deploys.
 */
public final class PostgresForServer implements BeforeAllCallback {

    private static EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Starts the database if it is not running yet. */
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
    }

    /** A JDBC connection to the database, as the server's datasource user. */
    public static java.sql.Connection connection() throws java.sql.SQLException {
        start();
        return postgres.getPostgresDatabase().getConnection();
    }
}
