package org.eventcore.cdi.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
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
 * The bus with the JPA store on PostgreSQL under JTA: the events and an inline projection's row
 * commit together, or not at all.
 */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JpaCommandBusIT {

    @WeldSetup
    WeldInitiator weld = org.eventcore.cdi.fixture.EventCoreWeld.with(JpaStoreBeans.class, TotalsTable.class);

    @Inject
    CommandBus commands;

    @Inject
    TotalsTable totals;

    private final StreamId counter = StreamId.of("cdi-jpa-" + System.nanoTime());

    @BeforeAll
    static void createReadModelTable() throws SQLException {
        try (Connection c = TestDatabases.adminConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "create table if not exists cdi_totals (counter varchar(255) primary key, total integer not null)");
            s.execute("grant select, insert, update on cdi_totals to eventcore_app");
        }
    }

    private Integer total() throws SQLException {
        try (Connection c = TestDatabases.appConnection();
                PreparedStatement ps = c.prepareStatement("select total from cdi_totals where counter = ?")) {
            ps.setString(1, counter.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private long version() throws SQLException {
        try (Connection c = TestDatabases.appConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select coalesce(max(stream_version), 0) from ec_events where stream_id = ?")) {
            ps.setString(1, counter.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void the_events_and_the_inline_projection_commit_together() throws SQLException {
        CommandResult<?> first = commands.execute(new Add(counter, 5));
        commands.execute(new Add(counter, 7));

        assertThat(first.events()).hasSize(1);
        assertThat(total()).isEqualTo(12);
        assertThat(version()).isEqualTo(2);
    }

    @Test
    void a_failing_inline_projection_rolls_back_the_events_and_its_own_row() throws SQLException {
        commands.execute(new Add(counter, 5));
        totals.failNext();

        assertThatThrownBy(() -> commands.execute(new Add(counter, 7)))
                .hasMessageContaining("projection failed after writing its row");

        assertThat(total()).isEqualTo(5);
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void a_rejected_command_writes_neither_events_nor_rows() throws SQLException {
        commands.execute(new Add(counter, 100));
        assertThatThrownBy(() -> commands.execute(new Add(counter, 1))).hasMessageContaining("would pass 100");
        assertThat(total()).isEqualTo(100);
        assertThat(version()).isEqualTo(1);
    }
}
