package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eventcore.jpa.EventCoreSchema;
import org.eventcore.jpa.JpaDialect;

/** The schema work of {@link DatabaseSchema}, each step in a transaction of its own, through the persistence unit. */
@ApplicationScoped
public class SchemaTransactions {

    private static final System.Logger LOG = System.getLogger(SchemaTransactions.class.getName());

    @Inject
    EntityManager em;

    /** Whether the database is PostgreSQL: only there does the standard catalog list pg_catalog's tables. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isPostgres() {
        Number n = (Number) em.createNativeQuery(
                        "select count(*) from information_schema.tables where lower(table_schema) = 'pg_catalog'")
                .getSingleResult();
        return n.longValue() > 0;
    }

    /** Creates EventCore's tables and the read models' when they are missing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createIfMissing(JpaDialect dialect) {
        if (!exists("ec_events")) {
            LOG.log(System.Logger.Level.INFO, "Creating the EventCore schema ({0})", dialect);
            if (dialect == JpaDialect.POSTGRESQL) {
                run(EventCoreSchema.POSTGRESQL_ROLES.text());
                run(EventCoreSchema.POSTGRESQL.text());
            } else {
                run(EventCoreSchema.H2.text());
            }
        }
        if (!exists("sample_balances")) {
            run(resource("sample-read-models.sql"));
        }
    }

    private boolean exists(String table) {
        Number n = (Number)
                em.createNativeQuery("select count(*) from information_schema.tables where lower(table_name) = ?1")
                        .setParameter(1, table)
                        .getSingleResult();
        return n.longValue() > 0;
    }

    private void run(String script) {
        for (String statement : EventCoreSchema.statements(script)) {
            em.createNativeQuery(statement).executeUpdate();
        }
    }

    private static String resource(String name) {
        try (InputStream in = SchemaTransactions.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the sample's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
