package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventcore.CommandDefinitionException;
import org.eventcore.StreamId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaggedCommandTest {

    @Test
    void a_store_that_cannot_read_tags_refuses_a_command_with_tag_queries_before_it_decides() {
        SimpleStore store = new SimpleStore();
        CommandExecutor executor = CommandExecutor.create(store);

        assertThatThrownBy(() -> executor.execute(Claim.of("a", "alice")))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1112 Command org.eventcore.execution.Claim declares tag queries")
                .hasMessageContaining(SimpleStore.class.getName());
        assertThat(store.read(java.util.Set.of(StreamId.of("claimant-a")))
                        .get(StreamId.of("claimant-a"))
                        .events())
                .isEmpty();
    }

    @Test
    void a_null_tag_query_names_the_member() {
        CommandExecutor executor = CommandExecutor.create(new SimpleStore());

        assertThatThrownBy(() -> executor.execute(new Claim(StreamId.of("claimant-b"), "bob", null)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith(
                        "EC1113 The @Consistency member query of command org.eventcore.execution.Claim");
    }
}
