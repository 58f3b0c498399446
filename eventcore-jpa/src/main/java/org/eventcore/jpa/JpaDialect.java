package org.eventcore.jpa;

/**
 * The database behind the persistence unit. The store's SQL is the same for every JPA provider;
 * only what the database offers for ordering the global log and locking streams differs.
 */
public enum JpaDialect {

    /**
     * PostgreSQL 13 or newer: an advisory lock per stream; the global log ordered by transaction id
     * and position and read only below the oldest running transaction, so appends run in parallel.
     */
    POSTGRESQL,

    /** H2 2.x, for development: appends are serialized through one lock row. */
    H2
}
