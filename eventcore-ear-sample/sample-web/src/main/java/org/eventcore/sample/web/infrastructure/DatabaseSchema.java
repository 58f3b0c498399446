package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eventcore.jpa.JpaDialect;

/**
 * The sample's database: which one the server's default datasource points at (PostgreSQL, or H2 for
 * the demo), and its tables, created at the first start when they are missing. A production
 * application runs EventCore's shipped scripts with Flyway or Liquibase instead, as the schema's owner.
 */
@ApplicationScoped
public class DatabaseSchema {

    @Inject
    SchemaTransactions transactions;

    private JpaDialect dialect;

    /** Creates the tables if they are missing; returns the database's dialect. Idempotent. */
    public synchronized JpaDialect ensure() {
        if (dialect == null) {
            JpaDialect found = transactions.isPostgres() ? JpaDialect.POSTGRESQL : JpaDialect.H2;
            transactions.createIfMissing(found);
            dialect = found;
        }
        return dialect;
    }
}
