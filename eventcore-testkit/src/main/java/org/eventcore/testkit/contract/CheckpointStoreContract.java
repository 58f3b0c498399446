package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.CheckpointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Contract: checkpoints of durable projections are kept exactly, per name.
 *
 * @param <S> the checkpoint store type
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CheckpointStoreContract<S extends CheckpointStore> {

    protected S checkpoints;
    private String prefix;

    /** Returns a checkpoint store (names used by the tests are unique per test). */
    protected abstract S newCheckpointStore();

    @BeforeEach
    void setUpStore() {
        checkpoints = newCheckpointStore();
        prefix = "projection-" + System.nanoTime() + "-";
    }

    @Test
    void a_projection_that_never_saved_has_no_checkpoint() {
        assertThat(checkpoints.load(prefix + "new")).isEmpty();
    }

    @Test
    void the_last_saved_position_is_loaded_exactly_also_with_two_parts() {
        checkpoints.save(prefix + "a", GlobalPosition.of(7));
        assertThat(checkpoints.load(prefix + "a")).contains(GlobalPosition.of(7));
        checkpoints.save(prefix + "a", GlobalPosition.of(123_456_789_012L, Long.MAX_VALUE));
        assertThat(checkpoints.load(prefix + "a")).contains(GlobalPosition.of(123_456_789_012L, Long.MAX_VALUE));
    }

    @Test
    void a_rebuild_may_move_a_checkpoint_back() {
        checkpoints.save(prefix + "a", GlobalPosition.of(90));
        checkpoints.save(prefix + "a", GlobalPosition.start());
        assertThat(checkpoints.load(prefix + "a")).contains(GlobalPosition.start());
    }

    @Test
    void projections_keep_their_own_checkpoints() {
        checkpoints.save(prefix + "balances", GlobalPosition.of(3));
        checkpoints.save(prefix + "statements", GlobalPosition.of(9));
        assertThat(checkpoints.load(prefix + "balances")).contains(GlobalPosition.of(3));
        assertThat(checkpoints.load(prefix + "statements")).contains(GlobalPosition.of(9));
    }

    @Test
    void names_with_quotes_and_non_ascii_characters_work_and_invalid_names_are_refused() {
        String name = prefix + "'; drop table x; -- ünïcødé";
        checkpoints.save(name, GlobalPosition.of(5));
        assertThat(checkpoints.load(name)).contains(GlobalPosition.of(5));
        assertThatThrownBy(() -> checkpoints.save("", GlobalPosition.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(refusalOf(""));
        assertThatThrownBy(() -> checkpoints.load("bad\nname"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(refusalOf("bad\nname"));
        assertThatThrownBy(() -> checkpoints.load("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(refusalOf("x".repeat(201)));
    }

    /** The message of the SPI's own name check (EC1013), which every store must report unchanged. */
    private static String refusalOf(String name) {
        Throwable refused = catchThrowable(() -> CheckpointStore.requireValidName(name));
        assertThat(refused).as("the SPI refuses %s", name).isInstanceOf(IllegalArgumentException.class);
        return refused.getMessage();
    }
}
