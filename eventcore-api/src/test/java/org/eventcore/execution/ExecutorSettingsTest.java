package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.spi.AttemptBoundary;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExecutorSettingsTest {

    @Test
    void the_defaults_are_the_default_policy_the_direct_boundary_the_utc_clock_and_eight_discovery_rounds() {
        ExecutorSettings settings = ExecutorSettings.DEFAULT;

        assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(settings.boundary()).isSameAs(AttemptBoundary.direct());
        assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
        assertThat(settings.maxDiscoveryRounds()).isEqualTo(8);
    }

    @Test
    void fewer_than_one_discovery_round_is_refused_with_EC1021() {
        assertThatThrownBy(() -> ExecutorSettings.DEFAULT.withMaxDiscoveryRounds(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1021 maxDiscoveryRounds must be at least 1, was 0");
    }

    @Test
    void each_with_copy_changes_only_its_own_component() {
        RetryPolicy policy = RetryPolicy.none();
        ExecutorSettings changed =
                ExecutorSettings.DEFAULT.withRetryPolicy(policy).withMaxDiscoveryRounds(2);

        assertThat(changed.retryPolicy()).isSameAs(policy);
        assertThat(changed.maxDiscoveryRounds()).isEqualTo(2);
        assertThat(changed.boundary()).isSameAs(ExecutorSettings.DEFAULT.boundary());
        assertThat(changed.listener()).isSameAs(ExecutorSettings.DEFAULT.listener());
        assertThat(ExecutorSettings.DEFAULT.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void execution_options_start_empty_and_collect_metadata_sorted_without_changing_the_original() {
        ExecutionOptions options = ExecutionOptions.DEFAULT
                .withCommandId(CommandId.of("c-1"))
                .withCorrelationId("corr-1")
                .withUser("bob")
                .withMetadata("zeta", "1")
                .withMetadata("alpha", "2")
                .withMetadata("zeta", "3");

        assertThat(ExecutionOptions.DEFAULT)
                .isEqualTo(new ExecutionOptions(
                        Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Map.of(), Optional.empty()));
        assertThat(options.commandId()).contains(CommandId.of("c-1"));
        assertThat(options.correlationId()).contains("corr-1");
        assertThat(options.user()).contains("bob");
        assertThat(options.metadata()).isEqualTo(Map.of("alpha", "2", "zeta", "3"));
        assertThat(options.retryPolicy()).isEmpty();
    }
}
