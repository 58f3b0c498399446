package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eventcore.CommandDefinitionException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandModelTest {

    static final class Outer {
        static final class Inner {
            static final class Deepest {}
        }
    }

    @Test
    void the_declarations_class_of_a_top_level_command_is_its_name_plus_Streams() {
        assertThat(CommandModel.declarationsClassName(CommandModelTest.class))
                .isEqualTo("org.eventcore.execution.CommandModelTestStreams");
    }

    @Test
    void the_declarations_class_of_a_nested_command_joins_the_enclosing_names_with_underscores() {
        assertThat(CommandModel.declarationsClassName(Outer.Inner.class))
                .isEqualTo("org.eventcore.execution.CommandModelTest_Outer_InnerStreams");
        assertThat(CommandModel.declarationsClassName(Outer.Inner.Deepest.class))
                .isEqualTo("org.eventcore.execution.CommandModelTest_Outer_Inner_DeepestStreams");
        assertThat(CommandModel.declarationsClassName(Map.Entry.class)).isEqualTo("java.util.Map_EntryStreams");
    }

    @Test
    void a_class_that_is_not_a_command_is_refused_with_EC1105() {
        assertThatThrownBy(() -> CommandModel.of(String.class))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessage("EC1105 java.lang.String is not a command: it must implement org.eventcore.Command");
    }
}
