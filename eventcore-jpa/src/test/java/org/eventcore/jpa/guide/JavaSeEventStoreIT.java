package org.eventcore.jpa.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandResult;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.jpa.WriteBoth;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.testkit.contract.ContractEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The Java SE set-up of the manual's PostgreSQL and JPA page, as written: it executes commands, and
 * after the server closed every connection of the pool (a restart, a failover, a DBA), the next
 * command gets a fresh connection at its first attempt instead of failing on a dead one.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JavaSeEventStoreIT {

    private final StreamId a = StreamId.of("guide-a-" + System.nanoTime());
    private final StreamId b = StreamId.of("guide-b-" + System.nanoTime());

    @Test
    void commands_run_and_connections_the_server_closed_are_never_handed_out() throws Exception {
        String url = TestDatabases.createDatabase();
        EventTypeRegistry types =
                EventTypeRegistry.builder().register(ContractEvent.class).build();
        try (JavaSeEventStore events =
                new JavaSeEventStore(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD, 4, types)) {
            CommandResult<ContractEvent> first = events.executor().execute(new WriteBoth(a, b, 1));
            assertThat(first.events()).hasSize(2);

            // closed while it sat idle: idle validation finds it before use
            Thread.sleep(1_500);
            assertThat(terminateApplicationConnections(url))
                    .as("the pool held a connection, which the server closed")
                    .isPositive();
            CommandResult<ContractEvent> second = events.executor().execute(new WriteBoth(a, b, 2));
            assertThat(second.attempts())
                    .as("idle validation found the dead connection: no attempt met it")
                    .isEqualTo(1);

            // closed while in steady use: one attempt meets it, the pool drops it, the next attempt succeeds
            assertThat(terminateApplicationConnections(url)).isPositive();
            CommandResult<ContractEvent> third = events.executor().execute(new WriteBoth(a, b, 3));
            assertThat(third.attempts())
                    .as("the attempt that met the dead connection failed and ran again")
                    .isEqualTo(2);
            CommandResult<ContractEvent> fourth = events.executor().execute(new WriteBoth(a, b, 4));
            assertThat(fourth.attempts())
                    .as("the exception sorter closed the dead connection: it is not handed out again")
                    .isEqualTo(1);
            assertThat(events.store().readLog(GlobalPosition.start(), 10)).hasSize(8);
        }
    }

    private static int terminateApplicationConnections(String url) throws Exception {
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement();
                var rs =
                        s.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = '"
                                + TestDatabases.APP_USER + "' and datname = current_database()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
