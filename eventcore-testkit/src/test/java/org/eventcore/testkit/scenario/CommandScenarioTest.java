package org.eventcore.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventcore.CommandDefinitionException;
import org.eventcore.CommandRejectedException;
import org.eventcore.StreamId;
import org.eventcore.testkit.scenario.Increment.Incremented;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandScenarioTest {

    private final StreamId counter = StreamId.of("counter-1");
    private final StreamId other = StreamId.of("counter-2");

    @Test
    void given_history_is_folded_before_the_command_decides() {
        CommandScenario.given(counter, new Incremented(4), new Incremented(5))
                .and(other, new Incremented(9))
                .when(new Increment(counter, 1))
                .thenEmitted(counter, new Incremented(1))
                .thenNothingElse();
    }

    @Test
    void a_rule_rejection_is_matched_by_a_fragment_of_its_message() {
        CommandScenario.given(counter, new Incremented(8))
                .when(new Increment(counter, 3))
                .thenRejectedWith("would pass 10");
    }

    @Test
    void emitting_other_events_than_expected_fails_with_expected_and_actual() {
        var outcome = CommandScenario.given(counter, new Incremented(1)).when(new Increment(counter, 2));
        assertThatThrownBy(() -> outcome.thenEmitted(counter, new Incremented(3)))
                .isInstanceOf(AssertionFailedError.class)
                .as("the message shows both, as AssertJ does, for a build log that has no IDE to compare them")
                .hasMessageContaining("to emit to counter-1:%n  [Incremented[by=3]]".formatted())
                .hasMessageContaining("but it emitted to counter-1:%n  [Incremented[by=2]]".formatted())
                .satisfies(e -> {
                    AssertionFailedError f = (AssertionFailedError) e;
                    assertThat(f.getExpected().getValue().toString()).contains("Incremented[by=3]");
                    assertThat(f.getActual().getValue().toString()).contains("Incremented[by=2]");
                });
    }

    @Test
    void expecting_a_rejection_from_a_command_that_succeeds_fails_and_names_what_it_emitted() {
        var outcome = CommandScenario.givenNothing().when(new Increment(counter, 2));
        assertThatThrownBy(() -> outcome.thenRejectedWith("would pass 10"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("it succeeded and emitted")
                .hasMessageContaining("Incremented[by=2]");
    }

    @Test
    void a_rejection_by_another_rule_fails_the_assertion() {
        var outcome = CommandScenario.givenNothing().when(new Increment(counter, -1));
        assertThatThrownBy(() -> outcome.thenRejectedWith("would pass 10"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("to be rejected by a rule containing:%n  \"would pass 10\"".formatted())
                .hasMessageContaining(
                        "but it was rejected by another rule:%n  \"cannot add a negative number (-1)\"".formatted());
        assertThat(outcome.thenFailedWith(CommandRejectedException.class).rule())
                .isEqualTo("cannot add a negative number (-1)");
    }

    @Test
    void emitting_nothing_is_checked() {
        CommandScenario.givenNothing().when(new Increment(counter, 0)).thenEmittedNothing();
        var outcome = CommandScenario.givenNothing().when(new Increment(counter, 1));
        assertThatThrownBy(outcome::thenEmittedNothing)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("to emit nothing%nbut it emitted:%n  [counter-1: Incremented[by=1]]".formatted());
    }

    @Test
    void expecting_success_from_a_rejected_command_names_the_rule() {
        var outcome = CommandScenario.givenNothing().when(new Increment(counter, -1));
        assertThatThrownBy(() -> outcome.thenEmitted(counter, new Incremented(-1)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(
                        "to succeed%nbut it was rejected by the rule:%n  \"cannot add a negative number (-1)\""
                                .formatted());
    }

    @Test
    void expecting_another_failure_names_the_one_that_happened() {
        var outcome = CommandScenario.givenNothing().when(new Increment(counter, -1));
        assertThatThrownBy(() -> outcome.thenFailedWith(CommandDefinitionException.class))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("to fail with org.eventcore.CommandDefinitionException")
                .hasMessageContaining("but it was rejected by the rule:");
    }

    @Test
    void events_to_unchecked_streams_are_reported_by_then_nothing_else() {
        var outcome = CommandScenario.givenNothing().when(new Increment(counter, 1));
        assertThatThrownBy(outcome::thenNothingElse)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(
                        "to emit nothing but to []%nbut it also emitted:%n  [counter-1: Incremented[by=1]]"
                                .formatted());
    }

    /** A command whose declarations class does not exist. */
    record Undeclared(StreamId s) implements org.eventcore.Command<Undeclared, Integer, Incremented> {
        public Integer initialState() {
            return 0;
        }

        public Integer apply(Integer state, org.eventcore.StoredEvent<Incremented> event) {
            return state;
        }

        public void handle(Integer state, org.eventcore.Decision<Undeclared, Incremented> decision) {}
    }

    @Test
    void a_command_without_declarations_fails_with_the_definition_error() {
        assertThat(CommandScenario.givenNothing()
                        .when(new Undeclared(counter))
                        .thenFailedWith(CommandDefinitionException.class)
                        .getMessage())
                .startsWith("EC1101")
                .contains("CommandScenarioTest_UndeclaredStreams");
    }

    @Test
    void a_command_runs_for_no_user_unless_the_scenario_names_one() {
        CommandScenario.givenNothing()
                .when(new AdminIncrement(counter))
                .thenRejectedWith("an authenticated user is required");
        CommandScenario.givenNothing()
                .as("bob")
                .when(new AdminIncrement(counter))
                .thenRejectedWith("only the role admin may do this, and bob is not in it");
        var outcome = CommandScenario.givenNothing()
                .as("ada", "admin")
                .when(new AdminIncrement(counter))
                .thenEmitted(counter, new Incremented(1));
        assertThat(outcome.result().events().get(0).metadata().user()).contains("ada");
    }
}
