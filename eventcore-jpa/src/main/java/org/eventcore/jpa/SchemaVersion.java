package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.eventcore.StoreFailureException;
import org.eventcore.jpa.messages.JpaMessages;

/**
 * Reads which version of the EventCore schema a database holds, and refuses one older than a
 * component needs with the scripts to run. Version 1 has no version table; from version 2 on,
 * {@code ec_schema_version} holds one row per script run. The lookups read the information schema
 * first, so that a missing table never raises an error inside the caller's transaction (PostgreSQL
 * would abort it).
 */
final class SchemaVersion {

    private SchemaVersion() {}

    /** The version of the schema the current schema (search path) holds: 0 when there is none. */
    public static int read(EntityManager em) {
        if (tableExists(em, "ec_schema_version")) {
            Number version = (Number) em.createNativeQuery("select max(version) from ec_schema_version")
                    .getSingleResult();
            return version == null ? 1 : version.intValue();
        }
        return tableExists(em, "ec_checkpoints") ? 1 : 0;
    }

    /**
     * Throws when the schema is older than {@code needed}, naming {@code component}, the version
     * found and the scripts to run.
     */
    private static void require(EntityManager em, int needed, String component) {
        int found = read(em);
        if (found < needed) {
            throw new StoreFailureException(tooOld(found, needed, component));
        }
    }

    /**
     * What {@code component} needs of the schema, checked the first time it is used: once the schema
     * was found recent enough, later calls read nothing (a schema is never downgraded under a running
     * application); while it is too old, every call checks again, so an upgrade takes effect without a
     * restart. Thread-safe.
     */
    static final class Requirement {

        private final int needed;
        private final String component;
        private volatile boolean met;

        Requirement(int needed, String component) {
            this.needed = needed;
            this.component = component;
        }

        /** Throws (EC3031, EC3032) when the schema is older than needed; reads it only until it was not. */
        void check(EntityManager em) {
            if (!met) {
                require(em, needed, component);
                met = true;
            }
        }
    }

    /** The message for a schema at {@code found} when {@code component} needs {@code needed}. */
    public static String tooOld(int found, int needed, String component) {
        List<EventCoreSchema.Script> missing = EventCoreSchema.POSTGRESQL.scriptsAfter(found).stream()
                .filter(s -> s.version() <= needed)
                .toList();
        StringBuilder scripts = new StringBuilder();
        for (EventCoreSchema.Script s : missing) {
            scripts.append(scripts.length() == 0 ? "" : ", then ").append(s.fileName());
        }
        return found == 0
                ? JpaMessages.schemaMissing(needed, component, scripts.toString())
                : JpaMessages.schemaTooOld(found, needed, component, scripts.toString());
    }

    private static boolean tableExists(EntityManager em, String table) {
        Number count = (Number) em.createNativeQuery("select count(*) from information_schema.tables"
                        + " where lower(table_name) = ?1 and lower(table_schema) = lower(current_schema)")
                .setParameter(1, table)
                .getSingleResult();
        return count.intValue() > 0;
    }
}
