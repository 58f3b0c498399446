package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eventcore.jpa.EventCoreSchema;

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

    /** The database user the application connects as (PostgreSQL). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String currentUser() {
        return (String) em.createNativeQuery("select current_user").getSingleResult();
    }

    /**
     * On PostgreSQL: EventCore's schema is there, and the application does not connect as a role that
     * could change stored events.
     *
     * @throws SampleSetupException naming what to do otherwise
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void checkPostgres() {
        Object[] who = (Object[]) em.createNativeQuery("select current_user, current_database(), r.rolsuper,"
                        + " pg_has_role(current_user, 'eventcore_owner', 'MEMBER')"
                        + " from pg_roles r where r.rolname = current_user")
                .getSingleResult();
        String user = (String) who[0];
        String database = (String) who[1];
        if (!exists("ec_events")) {
            throw new SampleSetupException("EventCore's schema is missing in the database " + database
                    + ". Install it before starting the sample: bash eventcore-ear-sample/postgres/setup-database.sh"
                    + " (see the sample's page, \"On PostgreSQL\")");
        }
        if (Boolean.TRUE.equals(who[2]) || Boolean.TRUE.equals(who[3])) {
            throw new SampleSetupException("the sample connects to " + database + " as " + user + ", "
                    + (Boolean.TRUE.equals(who[2]) ? "a superuser" : "a member of eventcore_owner")
                    + ", who could switch off the triggers that keep stored events immutable. Connect as a login"
                    + " role that is a member of eventcore_app only, such as eventcore_sample, which"
                    + " setup-database.sh creates (SAMPLE_PG_USER, SAMPLE_PG_PASSWORD of run.sh)");
        }
    }

    /** Creates the read models' tables when they are missing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createReadModelsIfMissing() {
        if (!exists("sample_balances")) {
            LOG.log(System.Logger.Level.INFO, "Creating the sample's read-model tables");
            run(resource("sample-read-models.sql"));
        }
    }

    /** On H2, the demo: creates EventCore's tables and the read models' when they are missing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createH2() {
        if (!exists("ec_events")) {
            LOG.log(System.Logger.Level.INFO, "Creating the EventCore schema (H2)");
            run(EventCoreSchema.H2.text());
        } else {
            // a database kept from an earlier EventCore: the scripts after its version
            int version = exists("ec_schema_version")
                    ? ((Number) em.createNativeQuery("select max(version) from ec_schema_version")
                                    .getSingleResult())
                            .intValue()
                    : 1;
            for (EventCoreSchema.Script script : EventCoreSchema.H2.scriptsAfter(version)) {
                LOG.log(System.Logger.Level.INFO, "Upgrading the EventCore schema (H2): " + script.fileName());
                run(script.text());
            }
        }
        if (!exists("sample_balances")) {
            run(resource("sample-read-models.sql"));
        }
    }

    /** The SQLState of the first SQLException among the causes of {@code failure}. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private boolean exists(String table) {
        Number n = (Number)
                em.createNativeQuery("select count(*) from information_schema.tables where lower(table_name) = ?1")
                        .setParameter(1, table)
                        .getSingleResult();
        return n.longValue() > 0;
    }

    private void run(String script) {
        List<String> statements = EventCoreSchema.statements(script);
        for (String statement : statements) {
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
