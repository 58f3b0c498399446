package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionDefinitionTest {

    final ProjectionHandler none = e -> {};

    @Test
    void of_gives_the_documented_defaults_and_with_methods_change_one_component() {
        ProjectionDefinition d = ProjectionDefinition.of("p", none);
        assertThat(d.batchSize()).isEqualTo(100);
        assertThat(d.errorPolicy()).isEqualTo(ErrorPolicy.STOP);
        assertThat(d.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.withBatchSize(5))
                .isEqualTo(new ProjectionDefinition(
                        "p",
                        none,
                        5,
                        ErrorPolicy.STOP,
                        d.pollInterval(),
                        d.retryBaseDelay(),
                        d.retryMaxDelay(),
                        d.leaseDuration()));
    }

    @Test
    void invalid_components_are_refused_with_a_message_naming_them() {
        ProjectionDefinition d = ProjectionDefinition.of("p", none);
        assertThatThrownBy(() -> ProjectionDefinition.of("bad\nname", none)).hasMessageStartingWith("EC1013");
        assertThatThrownBy(() -> d.withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> d.withPollInterval(Duration.ZERO)).hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> d.withRetryDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("retryMaxDelay");
    }

    @Test
    void retry_delays_double_from_the_base_and_stop_at_the_cap() {
        ProjectionDefinition d =
                ProjectionDefinition.of("p", none).withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(d.retryDelay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(d.retryDelay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(d.retryDelay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(d.retryDelay(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(d.retryDelay(1_000_000)).isEqualTo(Duration.ofMillis(1000));
    }
}
