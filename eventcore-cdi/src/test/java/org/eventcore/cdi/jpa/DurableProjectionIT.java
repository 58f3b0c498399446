package org.eventcore.cdi.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.execution.CommandResult;
import org.eventcore.jpa.TestDatabases;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A durable projection declared as a CDI observer, with its checkpoint, lease and read model in
 * PostgreSQL under JTA, fed by concurrent commands: every committed event lands in the read model
 * exactly once.
 */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DurableProjectionIT {

    @WeldSetup
    WeldInitiator weld = org.eventcore.cdi.fixture.EventCoreWeld.with(
            JpaStoreBeans.class, ProjectionBeans.class, LedgerProjection.class);

    @Inject
    CommandBus commands;

    @Inject
    DurableProjections projections;

    @BeforeAll
    static void createReadModelTable() throws SQLException {
        try (Connection c = TestDatabases.adminConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists cdi_ledger (event_id varchar(36) primary key,"
                    + " counter varchar(255) not null, amount integer not null)");
            s.execute("grant select, insert on cdi_ledger to eventcore_app");
        }
    }

    private static long[] ledger(String prefix) throws SQLException {
        try (Connection c = TestDatabases.appConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*), coalesce(sum(amount), 0) from cdi_ledger where counter like ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    @Test
    void concurrent_commands_reach_the_durable_read_model_exactly_once() throws Exception {
        String prefix = "ledger-" + System.nanoTime() + "-";
        List<StreamId> counters =
                List.of(StreamId.of(prefix + "a"), StreamId.of(prefix + "b"), StreamId.of(prefix + "c"));
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<GlobalPosition> reached = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        CommandResult<?> r = commands.execute(new Add(counters.get((thread + i) % counters.size()), 1));
                        reached.add(r.lastPosition().orElseThrow());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        GlobalPosition last = reached.stream().max(GlobalPosition::compareTo).orElseThrow();

        assertThat(projections.awaitPosition("cdi-ledger", last, Duration.ofSeconds(30)))
                .isTrue();
        long[] ledger = ledger(prefix);
        assertThat(ledger[0]).as("events in the read model, each once").isEqualTo(threads * perThread);
        assertThat(ledger[1]).isEqualTo(threads * perThread);
    }
}
