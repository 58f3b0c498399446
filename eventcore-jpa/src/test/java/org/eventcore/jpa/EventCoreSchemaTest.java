package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        assertThat(statements).last().isEqualTo("grant usage on sequence ec_event_position_seq to eventcore_app");
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
