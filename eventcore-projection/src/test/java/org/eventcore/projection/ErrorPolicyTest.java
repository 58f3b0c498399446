package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.projection.Fixture.awaitCaughtUp;
import static org.eventcore.projection.Fixture.eventually;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErrorPolicyTest {

    static final int POISON = 13;

    final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** Applies to the read model after failing on the poison amount while {@code failing} is set. */
    ProjectionHandler failingOnPoison(AtomicBoolean failing) {
        return e -> {
            f.readModel.apply(e); // staged first: the roll back must drop it
            if (failing.get() && ((Added) e.payload()).amount() == POISON) {
                throw new IllegalStateException("cannot project " + POISON);
            }
        };
    }

    StoredEvent<Object> poisonEvent() {
        return f.ledger.store.readLog(GlobalPosition.of(POISON - 1), 1).get(0);
    }

    @Test
    void stop_fails_the_runner_with_an_error_naming_projection_event_type_position_and_cause() {
        f.addEvents(1, 20);
        ProjectionRunner runner = f.runner(Fixture.definition("totals", failingOnPoison(new AtomicBoolean(true)))
                .withErrorPolicy(ErrorPolicy.STOP));
        runner.start();
        eventually("the runner failed", () -> runner.status().state() == ProjectionState.FAILED);

        ProjectionStatus s = runner.status();
        StoredEvent<Object> poison = poisonEvent();
        assertThat(s.lastError())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("EC1610 Projection \"totals\" stopped")
                        .contains(poison.id().toString(), Added.class.getName(), "position 13")
                        .contains("IllegalStateException: cannot project 13"));
        assertThat(s.lease()).as("a failed runner releases its lease").isEmpty();
        // batches of 7: events 1-7 committed, the batch 8-14 rolled back
        assertThat(s.checkpoint()).isEqualTo(GlobalPosition.of(7));
        assertThat(f.readModel.applied().keySet()).allMatch(p -> p.compareTo(GlobalPosition.of(7)) <= 0);
        assertThat(f.readModel.applied()).hasSize(7);
    }

    @Test
    void a_failed_runner_started_again_resumes_from_its_checkpoint() {
        f.addEvents(1, 20);
        AtomicBoolean failing = new AtomicBoolean(true);
        ProjectionRunner runner = f.runner(Fixture.definition("totals", failingOnPoison(failing)));
        runner.start();
        eventually("the runner failed", () -> runner.status().state() == ProjectionState.FAILED);

        failing.set(false);
        runner.start();
        awaitCaughtUp(runner);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void retry_shows_the_error_and_retry_count_then_recovers_with_each_event_applied_once() {
        f.addEvents(1, 20);
        AtomicBoolean failing = new AtomicBoolean(true);
        ProjectionRunner runner =
                f.runner(Fixture.definition("totals", failingOnPoison(failing)).withErrorPolicy(ErrorPolicy.RETRY));
        runner.start();
        eventually("three retries", () -> runner.status().retries() >= 3);

        ProjectionStatus during = runner.status();
        assertThat(during.state()).isNotEqualTo(ProjectionState.FAILED);
        assertThat(during.lastError())
                .hasValueSatisfying(m -> assertThat(m).startsWith("EC1612").contains("cannot project 13"));
        assertThat(during.checkpoint()).isEqualTo(GlobalPosition.of(7));
        assertThat(during.lagEvents()).as("events after the checkpoint").isEqualTo(13);
        assertThat(during.lag())
                .as("the ledger's events are dated at the epoch")
                .isGreaterThan(Duration.ofDays(365));
        assertThat(during.failures()).isGreaterThanOrEqualTo(during.retries());

        failing.set(false);
        awaitCaughtUp(runner);
        ProjectionStatus after = runner.status();
        assertThat(after.retries()).isZero();
        assertThat(after.lagEvents()).isZero();
        assertThat(after.lag()).isEqualTo(Duration.ZERO);
        assertThat(after.failures()).as("failures are counted for good").isGreaterThanOrEqualTo(3);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void skip_and_record_skips_only_the_poison_event_records_it_and_continues() {
        f.addEvents(1, 20);
        ProjectionRunner runner = f.runner(Fixture.definition("totals", failingOnPoison(new AtomicBoolean(true)))
                .withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD));
        runner.start();
        awaitCaughtUp(runner);

        StoredEvent<Object> poison = poisonEvent();
        ProjectionStatus s = runner.status();
        assertThat(s.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.eventId()).isEqualTo(poison.id());
            assertThat(skipped.position()).isEqualTo(poison.position());
            assertThat(skipped.payloadType()).isEqualTo(Added.class.getName());
            assertThat(skipped.error()).contains("IllegalStateException: cannot project 13");
        });
        assertThat(s.lastError())
                .hasValueSatisfying(m -> assertThat(m).contains(poison.id().toString()));
        assertThat(s.eventsHandled()).isEqualTo(19);
        assertThat(s.failures())
                .as("the poison's batch failed once, then skipped it")
                .isEqualTo(1);
        assertThat(f.readModel.applied().keySet())
                .as("every event but the poison, once")
                .containsExactlyElementsOf(f.ledger.positions().stream()
                        .filter(p -> !p.equals(poison.position()))
                        .toList());
        assertThat(f.readModel.applied().values()).allMatch(n -> n == 1);
    }
}
