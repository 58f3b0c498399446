package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The schema's append function as a database object: it runs with its caller's privileges, only
 * {@code eventcore_app} may execute it, its search path is fixed when it is installed, and what a
 * caller puts in its own search path (a temporary table of the same name) does not change what it
 * reads or writes.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendFunctionIT {

    private static final String CALL =
            "select outcome, writer_tx, event_position, stale_stream, stale_version, newer_tx"
                    + " from ec_append(?, cast(? as timestamptz), cast(? as text[]), cast(? as bigint[]), cast(? as text[]),"
                    + " cast(? as text[]), cast(? as text[]), cast(? as integer[]), cast(? as bytea[]), cast(? as text[]),"
                    + " cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]))";

    /** Calls ec_append on {@code c} for one event in a new stream; returns the outcome of each row. */
    private static List<String> appendOne(Connection c, String command, String stream) throws Exception {
        try (PreparedStatement call = c.prepareStatement(CALL)) {
            call.setString(1, command);
            call.setString(2, "2026-12-04T10:00:00Z");
            call.setString(3, OneStatementAppend.array(List.of(stream), true));
            call.setString(4, "{0}");
            call.setString(
                    5,
                    OneStatementAppend.array(List.of(java.util.UUID.randomUUID().toString()), true));
            call.setString(6, OneStatementAppend.array(List.of(stream), true));
            call.setString(7, "{\"t\"}");
            call.setString(8, "{1}");
            call.setString(9, "{\"\\\\x7b7d\"}");
            call.setString(10, OneStatementAppend.array(List.of(command), true));
            call.setString(11, OneStatementAppend.array(List.of(command), true));
            call.setString(12, "{NULL}");
            call.setString(13, "{\"2026-12-04T10:00:00Z\"}");
            call.setString(14, "{\"{}\"}");
            List<String> outcomes = new ArrayList<>();
            try (ResultSet r = call.executeQuery()) {
                while (r.next()) {
                    outcomes.add(r.getString(1));
                }
            }
            return outcomes;
        }
    }

    @Test
    void it_runs_as_its_caller_with_a_fixed_search_path_and_no_one_outside_eventcore_app_may_execute_it()
            throws Exception {
        String url = TestDatabases.createDatabase();
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement()) {
            try (ResultSet r = s.executeQuery("select p.prosecdef, array_to_string(p.proconfig, ';'),"
                    + " has_function_privilege('public', p.oid, 'execute'),"
                    + " has_function_privilege('eventcore_app', p.oid, 'execute')"
                    + " from pg_proc p where p.proname = 'ec_append'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getBoolean(1)).as("SECURITY DEFINER").isFalse();
                assertThat(r.getString(2).split(";"))
                        .as("the search path fixed by V3, the plans kept per session by V4 (both restated by V6)")
                        .containsExactlyInAnyOrder(
                                "search_path=pg_catalog, public, pg_temp", "plan_cache_mode=force_generic_plan");
                assertThat(r.getBoolean(3)).as("PUBLIC may execute").isFalse();
                assertThat(r.getBoolean(4)).as("eventcore_app may execute").isTrue();
                assertThat(r.next()).isFalse();
            }
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'ec_outsider') then"
                    + " create role ec_outsider login password 'outsider'; end if; end $$");
            s.execute("grant select, insert, update on ec_events, ec_streams, ec_commands to ec_outsider");
        }
        try (Connection outsider = DriverManager.getConnection(url, "ec_outsider", "outsider")) {
            assertThatThrownBy(() -> appendOne(outsider, "outsider-1", "outsider-stream"))
                    .hasMessageContaining("permission denied for function ec_append");
        }
        try (Connection app = DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            assertThat(appendOne(app, "app-1", "app-stream")).containsExactly("ok");
            assertThat(appendOne(app, "app-1", "app-stream-2")).containsExactly("duplicate");
        }
    }

    @Test
    void a_temporary_table_of_the_callers_does_not_stand_in_for_the_schemas() throws Exception {
        String url = TestDatabases.createDatabase();
        try (Connection app = DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD);
                Statement s = app.createStatement()) {
            s.execute("create temporary table ec_commands (command_id varchar(128), recorded_at timestamptz)");
            s.execute("insert into pg_temp.ec_commands values ('shadowed', now())");
            s.execute("set search_path = pg_temp, public");

            assertThat(appendOne(app, "shadowed", "shadow-stream"))
                    .as("the function reads the schema's ec_commands, not the caller's temporary one")
                    .containsExactly("ok");
            try (ResultSet r =
                    s.executeQuery("select count(*) from public.ec_commands where command_id = 'shadowed'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}
