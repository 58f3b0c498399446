package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionRunnerBuilderTest {

    final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_runner_without_its_required_parts_is_refused_naming_every_missing_one() {
        assertThatThrownBy(() -> ProjectionRunner.builder(f.definition("totals"))
                        .log(f.ledger.store)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EC1623 The runner of projection totals is missing parts: call checkpoints(...),"
                        + " leases(...), executor(...) before build()");
    }

    @Test
    void an_invalid_owner_is_refused_when_it_is_given() {
        assertThatThrownBy(
                        () -> ProjectionRunner.builder(f.definition("totals")).owner(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1601");
    }

    @Test
    void with_the_default_boundary_and_owner_a_runner_over_memory_follows_the_log() {
        f.addEvents(1, 10);
        ProjectionRunner runner = ProjectionRunner.builder(Fixture.definition("plain", e -> {}))
                .log(f.ledger.store)
                .checkpoints(f.checkpoints)
                .leases(f.leases)
                .executor(f.pool)
                .build();
        runner.start();
        try {
            Fixture.awaitCaughtUp(runner);
            assertThat(runner.status().lease())
                    .hasValueSatisfying(l -> assertThat(l.owner())
                            .startsWith("node-" + ProcessHandle.current().pid()));
        } finally {
            runner.stop(java.time.Duration.ofSeconds(5));
        }
    }
}
