package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eventcore.jpa.JpaDialect;

/**
 * The sample's database: which one the server's default datasource points at (PostgreSQL, or H2 for
 * the demo), checked at start-up.
 *
 * <ul>
 *   <li>On H2 (the demo, in memory) the sample creates every table itself.
 *   <li>On PostgreSQL EventCore's schema must have been installed by its owner beforehand
 *       ({@code eventcore-ear-sample/postgres/setup-database.sh}), and the application must connect as
 *       a member of {@code eventcore_app}: never as a superuser, the tables' owner or a member of
 *       {@code eventcore_owner}, who could switch off the triggers that keep events immutable. The
 *       sample then creates only its own read-model tables, when they are missing.
 * </ul>
 *
 * What is wrong fails the deployment with a {@link SampleSetupException} that says what to run or
 * grant.
 */
@ApplicationScoped
public class DatabaseSchema {

    private static final System.Logger LOG = System.getLogger(DatabaseSchema.class.getName());

    @Inject
    SchemaTransactions transactions;

    private JpaDialect dialect;

    /** Checks the database when the application starts; a database set up wrongly fails the deployment. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            ensure();
        } catch (SampleSetupException e) {
            LOG.log(Level.ERROR, "The sample cannot start: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // Payara creates its EJBs (the entity manager's) after this event: checked at first use instead
            LOG.log(Level.INFO, "The database is checked at the first request (" + e + ")");
        }
    }

    /** Checks the database and creates what the sample may create; returns its dialect. Idempotent. */
    public synchronized JpaDialect ensure() {
        if (dialect == null) {
            JpaDialect found = transactions.isPostgres() ? JpaDialect.POSTGRESQL : JpaDialect.H2;
            if (found == JpaDialect.POSTGRESQL) {
                transactions.checkPostgres();
                createReadModels();
            } else {
                transactions.createH2();
            }
            dialect = found;
        }
        return dialect;
    }

    private void createReadModels() {
        try {
            transactions.createReadModelsIfMissing();
        } catch (RuntimeException e) {
            if (SchemaTransactions.sqlState(e).filter("42501"::equals).isPresent()) {
                String user = transactions.currentUser();
                throw new SampleSetupException(
                        "the sample's read-model tables are missing and the database user "
                                + user + " may not create them (permission denied for schema public). Run"
                                + " eventcore-ear-sample/postgres/setup-database.sh, which grants it, or as the"
                                + " database's owner: grant create on schema public to " + user,
                        e);
            }
            throw e;
        }
    }
}
