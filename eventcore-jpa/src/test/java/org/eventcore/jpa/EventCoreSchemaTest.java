package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eventcore.jpa.messages.JpaMessages;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventCoreSchemaTest {

    @Test
    void the_postgresql_script_splits_into_statements_with_the_trigger_function_whole() {
        List<String> statements = EventCoreSchema.POSTGRESQL.statements();

        assertThat(statements).first().isEqualTo("create sequence ec_event_position_seq as bigint");
        assertThat(statements).noneMatch(s -> s.startsWith("--") || s.endsWith(";") || s.isBlank());
        assertThat(statements)
                .filteredOn(s -> s.startsWith("create function ec_reject_event_change()"))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("raise exception 'EC3100 Stored events are immutable")
                        .endsWith("end\n$$"));
        assertThat(EventCoreSchema.POSTGRESQL.scripts().get(0).statements())
                .last()
                .isEqualTo("grant usage on sequence ec_event_position_seq to eventcore_app");
        assertThat(EventCoreSchema.POSTGRESQL.scripts().get(1).statements())
                .last()
                .isEqualTo("grant select, insert, delete on ec_skipped_events to eventcore_app");
        assertThat(statements)
                .filteredOn(s -> s.startsWith("create function ec_append("))
                .singleElement()
                .satisfies(f -> assertThat(f).contains("security invoker").endsWith("end\n$$"));
        assertThat(statements)
                .filteredOn(s -> s.startsWith("do $$"))
                .as("version 3 fixes the search path, version 6 again after replacing the function, version 8 for"
                        + " its functions")
                .hasSize(3)
                .allSatisfy(d -> assertThat(d).contains("set search_path = pg_catalog, %I, pg_temp"));
        assertThat(statements)
                .filteredOn(s -> s.startsWith("create function ec_append_tagged("))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("security invoker")
                        .contains("pg_visible_in_snapshot")
                        .contains("'read committed'")
                        .endsWith("end\n$$"));
        assertThat(statements)
                .filteredOn(s -> s.startsWith("create or replace function ec_append_keys("))
                .singleElement()
                .satisfies(f -> assertThat(f).contains("order by min(a.c), a.k"));
        assertThat(statements)
                .filteredOn(s -> s.startsWith("create or replace function ec_append("))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("security invoker")
                        .contains("set plan_cache_mode = force_generic_plan")
                        .contains("left join lateral (select cur.stream_version from ec_streams cur")
                        .contains("cross join lateral (select e.tx_id")
                        .endsWith("end\n$$"));
        assertThat(statements)
                .filteredOn(s -> s.startsWith("alter function ec_append("))
                .singleElement()
                .satisfies(a -> assertThat(a).endsWith("set plan_cache_mode = force_generic_plan"));
        assertThat(statements)
                .filteredOn(s -> s.startsWith("create table ec_snapshots ("))
                .singleElement()
                .satisfies(t -> assertThat(t).contains("constraint ec_snapshots_pkey primary key (key_digest)"));
        assertThat(statements)
                .last()
                .isEqualTo("insert into ec_schema_version (version) values (" + EventCoreSchema.VERSION + ")");
    }

    @Test
    void the_trigger_raises_the_catalogues_text_of_EC3100_with_the_operation_in_place() {
        assertThat(EventCoreSchema.POSTGRESQL.statements())
                .filteredOn(s -> s.startsWith("create function ec_reject_event_change()"))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("raise exception '" + JpaMessages.storedEventImmutable("%") + "', tg_op"));
    }

    @Test
    void each_database_has_one_script_per_version_from_1_to_the_current_one_and_no_other() throws Exception {
        for (EventCoreSchema schema : List.of(EventCoreSchema.POSTGRESQL, EventCoreSchema.H2)) {
            assertThat(schema.scripts())
                    .extracting(EventCoreSchema.Script::version)
                    .as("%s", schema)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, EventCoreSchema.VERSION)
                            .boxed()
                            .toList());
            String folder = schema.scripts().get(0).resource();
            folder = folder.substring(0, folder.lastIndexOf('/'));
            try (Stream<Path> files = Files.list(
                    Path.of(getClass().getClassLoader().getResource(folder).toURI()))) {
                assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")))
                        .as("the versioned scripts in %s", folder)
                        .containsExactlyInAnyOrderElementsOf(schema.scripts().stream()
                                .map(EventCoreSchema.Script::fileName)
                                .toList());
            }
        }
        assertThat(EventCoreSchema.POSTGRESQL.scripts())
                .extracting(EventCoreSchema.Script::fileName)
                .as("the same file names for every database")
                .isEqualTo(EventCoreSchema.H2.scripts().stream()
                        .map(EventCoreSchema.Script::fileName)
                        .toList());
    }

    @Test
    void every_script_after_the_first_records_its_version() {
        for (EventCoreSchema schema : List.of(EventCoreSchema.POSTGRESQL, EventCoreSchema.H2)) {
            for (EventCoreSchema.Script script : schema.scriptsAfter(1)) {
                assertThat(script.statements())
                        .as("%s", script.resource())
                        .contains("insert into ec_schema_version (version) values (" + script.version() + ")");
            }
        }
    }

    @Test
    void the_one_script_for_a_new_database_is_every_versioned_script_in_order() throws Exception {
        for (EventCoreSchema schema : List.of(EventCoreSchema.POSTGRESQL, EventCoreSchema.H2)) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(schema.resource())) {
                assertThat(in).as("%s is built into the jar", schema.resource()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("%s", schema.resource())
                        .isEqualTo(schema.text());
            }
        }
    }

    @Test
    void the_scripts_after_a_version_are_the_upgrade_from_it() {
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(1))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly(
                        "V2__eventcore_skipped_events.sql",
                        "V3__eventcore_append_function.sql",
                        "V4__eventcore_append_generic_plans.sql",
                        "V5__eventcore_snapshots.sql",
                        "V6__eventcore_append_key_lookups.sql",
                        "V7__eventcore_projection_controls.sql",
                        "V8__eventcore_tags.sql",
                        "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(2))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly(
                        "V3__eventcore_append_function.sql",
                        "V4__eventcore_append_generic_plans.sql",
                        "V5__eventcore_snapshots.sql",
                        "V6__eventcore_append_key_lookups.sql",
                        "V7__eventcore_projection_controls.sql",
                        "V8__eventcore_tags.sql",
                        "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(3))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly(
                        "V4__eventcore_append_generic_plans.sql",
                        "V5__eventcore_snapshots.sql",
                        "V6__eventcore_append_key_lookups.sql",
                        "V7__eventcore_projection_controls.sql",
                        "V8__eventcore_tags.sql",
                        "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(4))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly(
                        "V5__eventcore_snapshots.sql",
                        "V6__eventcore_append_key_lookups.sql",
                        "V7__eventcore_projection_controls.sql",
                        "V8__eventcore_tags.sql",
                        "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(5))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly(
                        "V6__eventcore_append_key_lookups.sql",
                        "V7__eventcore_projection_controls.sql",
                        "V8__eventcore_tags.sql",
                        "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(6))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly(
                        "V7__eventcore_projection_controls.sql",
                        "V8__eventcore_tags.sql",
                        "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(7))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly("V8__eventcore_tags.sql", "V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(8))
                .extracting(EventCoreSchema.Script::fileName)
                .containsExactly("V9__eventcore_tag_lock_order.sql");
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(EventCoreSchema.VERSION))
                .isEmpty();
        assertThat(EventCoreSchema.POSTGRESQL.scriptsAfter(0)).isEqualTo(EventCoreSchema.POSTGRESQL.scripts());
    }

    @Test
    void the_roles_script_is_one_dollar_quoted_block() {
        assertThat(EventCoreSchema.POSTGRESQL_ROLES.statements())
                .singleElement()
                .satisfies(block -> assertThat(block).startsWith("do $$").endsWith("$$"));
    }

    @Test
    void a_script_without_a_final_semicolon_keeps_its_last_statement() {
        assertThat(EventCoreSchema.statements("-- a comment\ncreate table a (x int);\n\ninsert into a values (1)"))
                .containsExactly("create table a (x int)", "insert into a values (1)");
    }
}
