package org.eventcore.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema scripts shipped in this jar, versioned, for Flyway, Liquibase, psql or JPA schema
 * generation:
 *
 * <ul>
 *   <li>{@code META-INF/eventcore/schema/postgresql/roles.sql}: the owner and application roles
 *       (once per cluster, by a role with CREATEROLE);
 *   <li>{@code META-INF/eventcore/schema/postgresql/V1__eventcore_schema.sql}: tables, indexes, the
 *       immutability triggers and the grants, run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/h2/V1__eventcore_schema.sql}: the same tables for H2
 *       (development only).
 * </ul>
 *
 * <p>For development on H2 the persistence unit can create the schema at start-up with the standard
 * properties {@code jakarta.persistence.schema-generation.database.action=create},
 * {@code ...create-source=script} and {@code ...create-script-source=}{@link #resource()}.
 */
public enum EventCoreSchema {

    /** The PostgreSQL schema (run {@link #POSTGRESQL_ROLES} first). */
    POSTGRESQL("META-INF/eventcore/schema/postgresql/V1__eventcore_schema.sql"),

    /** The PostgreSQL roles script. */
    POSTGRESQL_ROLES("META-INF/eventcore/schema/postgresql/roles.sql"),

    /** The H2 schema, for development. */
    H2("META-INF/eventcore/schema/h2/V1__eventcore_schema.sql");

    /** The version of the schema these scripts create. */
    public static final int VERSION = 1;

    private final String resource;

    EventCoreSchema(String resource) {
        this.resource = resource;
    }

    /** The class-path resource name of the script. */
    public String resource() {
        return resource;
    }

    /**
     * The script's statements, without comments or the closing semicolons, for running it through
     * JDBC or {@code EntityManager.createNativeQuery} one statement at a time. Dollar-quoted bodies
     * (the trigger function) stay whole.
     */
    public List<String> statements() {
        return statements(text());
    }

    /** The statements of an SQL script written like these: split at semicolons that end a line outside dollar quotes. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean dollarQuoted = false;
        for (String line : script.split("\n")) {
            if (!dollarQuoted && (line.strip().startsWith("--") || line.isBlank())) {
                continue;
            }
            current.append(line).append('\n');
            if ((line.split("\\$\\$", -1).length - 1) % 2 == 1) {
                dollarQuoted = !dollarQuoted;
            }
            if (!dollarQuoted && line.strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return List.copyOf(statements);
    }

    /** The script's text. */
    public String text() {
        try (InputStream in = EventCoreSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "EC3030 The schema script " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
