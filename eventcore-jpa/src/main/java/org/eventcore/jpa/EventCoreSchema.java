package org.eventcore.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.jpa.messages.JpaMessages;

/**
 * The schema scripts shipped in this jar, versioned, for Flyway, Liquibase, psql or JPA schema
 * generation. Each change of the schema is a new script beside the earlier ones, never an edit of
 * one; a database is brought up to date by running the scripts after its version, in order.
 *
 * <ul>
 *   <li>{@code META-INF/eventcore/schema/postgresql/roles.sql}: the owner and application roles
 *       (once per cluster, by a role with CREATEROLE);
 *   <li>{@code META-INF/eventcore/schema/postgresql/V1__eventcore_schema.sql}: tables, indexes, the
 *       immutability triggers and the grants, run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V2__eventcore_skipped_events.sql}: the events
 *       projections skipped and the schema's version table, run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V3__eventcore_append_function.sql}: the function
 *       {@code ec_append}, the append of one command in one statement, run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V4__eventcore_append_generic_plans.sql}: has
 *       {@code ec_append} plan its statements once per session rather than per call, run as
 *       {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V5__eventcore_snapshots.sql}: the snapshots of
 *       cached command states ({@code ec_snapshots}), run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V6__eventcore_append_key_lookups.sql}: has
 *       {@code ec_append} look each stream of a command up by its key in every plan (a session that
 *       planned it on empty tables no longer scans every event), run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V7__eventcore_projection_controls.sql}: the changes
 *       of durable projections asked through the console ({@code ec_projection_controls}), run as
 *       {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V8__eventcore_tags.sql}: the tags of events
 *       ({@code ec_event_tags}) and {@code ec_append_tagged}, the append of commands with tags or tag
 *       queries (ADR 0009), run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/postgresql/V9__eventcore_tag_lock_order.sql}: has an append take its
 *       stream locks before its tag locks (no deadlock between an attempt that locked its streams and
 *       another append), run as {@code eventcore_owner};
 *   <li>{@code META-INF/eventcore/schema/h2/V1__eventcore_schema.sql}, {@code V2__...} to {@code V9__...}:
 *       the same tables for H2 (development only; H2 keeps the append of several statements);
 *   <li>{@code META-INF/eventcore/schema/postgresql-create.sql} and {@code h2-create.sql}: all
 *       versioned scripts of the database in one, for a new database and for tools that take one
 *       script ({@link #resource()}).
 * </ul>
 *
 * <p>For development on H2 the persistence unit can create the schema at start-up with the standard
 * properties {@code jakarta.persistence.schema-generation.database.action=create},
 * {@code ...create-source=script} and {@code ...create-script-source=}{@link #resource()}.
 */
public enum EventCoreSchema {

    /** The PostgreSQL schema (run {@link #POSTGRESQL_ROLES} first). */
    POSTGRESQL(
            "postgresql",
            "postgresql-create.sql",
            "V1__eventcore_schema.sql",
            "V2__eventcore_skipped_events.sql",
            "V3__eventcore_append_function.sql",
            "V4__eventcore_append_generic_plans.sql",
            "V5__eventcore_snapshots.sql",
            "V6__eventcore_append_key_lookups.sql",
            "V7__eventcore_projection_controls.sql",
            "V8__eventcore_tags.sql",
            "V9__eventcore_tag_lock_order.sql"),

    /** The PostgreSQL roles script: not versioned, run once per cluster and safe to run again. */
    POSTGRESQL_ROLES("postgresql", "postgresql/roles.sql", "roles.sql"),

    /** The H2 schema, for development. */
    H2(
            "h2",
            "h2-create.sql",
            "V1__eventcore_schema.sql",
            "V2__eventcore_skipped_events.sql",
            "V3__eventcore_append_function.sql",
            "V4__eventcore_append_generic_plans.sql",
            "V5__eventcore_snapshots.sql",
            "V6__eventcore_append_key_lookups.sql",
            "V7__eventcore_projection_controls.sql",
            "V8__eventcore_tags.sql",
            "V9__eventcore_tag_lock_order.sql");

    /** The version of the schema these scripts create. */
    public static final int VERSION = 9;

    private static final String ROOT = "META-INF/eventcore/schema/";

    /**
     * One script: its version (0 for the roles script, which has none) and its class-path resource.
     *
     * @param version the schema version the script brings a database to
     * @param resource the class-path resource name
     */
    public record Script(int version, String resource) {

        /** The script's file name, for example {@code V2__eventcore_skipped_events.sql}. */
        public String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }

        /** The script's text. */
        public String text() {
            return read(resource);
        }

        /** The script's statements, as {@link EventCoreSchema#statements(String)} splits them. */
        public List<String> statements() {
            return EventCoreSchema.statements(text());
        }
    }

    private final String resource;
    private final List<Script> scripts;

    EventCoreSchema(String folder, String resource, String... files) {
        this.resource = ROOT + resource;
        List<Script> list = new ArrayList<>();
        for (String file : files) {
            int version = file.startsWith("V") ? Integer.parseInt(file.substring(1, file.indexOf("__"))) : 0;
            list.add(new Script(version, ROOT + folder + "/" + file));
        }
        this.scripts = List.copyOf(list);
    }

    /**
     * The class-path resource of one script that creates the whole schema of {@link #VERSION} in a new
     * database (for the roles, the roles script).
     */
    public String resource() {
        return resource;
    }

    /** The scripts, in the order to run them on a new database. */
    public List<Script> scripts() {
        return scripts;
    }

    /** The scripts that bring a database at {@code version} up to {@link #VERSION}, in order. */
    public List<Script> scriptsAfter(int version) {
        return scripts.stream().filter(s -> s.version() > version).toList();
    }

    /**
     * The statements of all scripts, in order, without comments or the closing semicolons, for running it through
     * JDBC or {@code EntityManager.createNativeQuery} one statement at a time. Dollar-quoted bodies
     * (the trigger function) stay whole.
     */
    public List<String> statements() {
        List<String> all = new ArrayList<>();
        for (Script script : scripts) {
            all.addAll(script.statements());
        }
        return List.copyOf(all);
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

    /** The text of all scripts, in order: the whole schema for a new database. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (Script script : scripts) {
            all.append(script.text()).append(script.text().endsWith("\n") ? "" : "\n");
        }
        return all.toString();
    }

    private static String read(String resource) {
        try (InputStream in = EventCoreSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(JpaMessages.schemaScriptMissing(resource));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
