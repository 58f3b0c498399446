package org.eventcore.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.payloads;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChaosEventStoreTest {

    private final StreamId stream = StreamId.of("chaos-test");

    @Test
    void an_unknown_outcome_is_reported_after_the_wrapped_store_stored_the_append() {
        InMemoryEventStore inner = InMemoryEventStore.create();
        ChaosEventStore chaos = ChaosEventStore.wrap(inner, ChaosSettings.NONE.withUnknownOutcomeRate(1.0));

        assertThatThrownBy(() ->
                        request().expect(stream, 0).write(stream, event(1)).appendTo(chaos))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageContaining("EC1952");
        assertThat(payloads(inner, stream)).containsExactly(event(1));
        assertThat(chaos.injected().unknownOutcomes()).isEqualTo(1);
    }

    @Test
    void an_injected_append_failure_or_conflict_stores_nothing() {
        InMemoryEventStore inner = InMemoryEventStore.create();
        ChaosEventStore failing = ChaosEventStore.wrap(inner, ChaosSettings.NONE.withAppendFailureRate(1.0));
        assertThatThrownBy(() ->
                        request().expect(stream, 0).write(stream, event(1)).appendTo(failing))
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(CommitOutcomeUnknownException.class);
        ChaosEventStore conflicting = ChaosEventStore.wrap(inner, ChaosSettings.NONE.withConflictRate(1.0));
        assertThatThrownBy(() ->
                        request().expect(stream, 0).write(stream, event(1)).appendTo(conflicting))
                .isInstanceOf(StreamConflictException.class);
        assertThat(payloads(inner, stream)).isEmpty();
        assertThat(failing.injected().appendFailures()).isEqualTo(1);
        assertThat(conflicting.injected().conflicts()).isEqualTo(1);
    }

    @Test
    void read_failures_are_transient() {
        ChaosEventStore chaos =
                ChaosEventStore.wrap(InMemoryEventStore.create(), ChaosSettings.NONE.withReadFailureRate(1.0));
        assertThatThrownBy(() -> chaos.read(Set.of(stream))).isInstanceOf(StoreUnavailableException.class);
        assertThat(chaos.injected().readFailures()).isEqualTo(1);
    }

    @Test
    void the_same_seed_injects_the_same_faults_in_the_same_order() {
        assertThat(outcomes(7)).isEqualTo(outcomes(7)).isNotEqualTo(outcomes(8));
    }

    private static List<String> outcomes(long seed) {
        ChaosEventStore chaos = ChaosEventStore.wrap(
                InMemoryEventStore.create(),
                ChaosSettings.NONE.withSeed(seed).withAppendFailureRate(0.3).withConflictRate(0.3));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StreamId s = StreamId.of("s-" + i);
            try {
                request().expect(s, 0).write(s, event(i)).appendTo(chaos);
                outcomes.add("ok");
            } catch (RuntimeException e) {
                outcomes.add(e.getClass().getSimpleName());
            }
        }
        return outcomes;
    }

    @Test
    void settings_refuse_rates_outside_zero_to_one_and_negative_latency() {
        assertThatThrownBy(() -> ChaosSettings.NONE.withConflictRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosSettings.NONE.withReadFailureRate(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosSettings.NONE.withMaxLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosSettings.NONE.withConflictRate(0.6).withAppendFailureRate(0.6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
