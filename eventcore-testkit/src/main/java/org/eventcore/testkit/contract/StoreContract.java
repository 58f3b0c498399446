package org.eventcore.testkit.contract;

import org.eventcore.spi.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * What every store contract suite shares: the store under test, new for every test, and stream ids
 * unique to the test. Adapter authors extend the suites, not this class.
 *
 * @param <S> the store type
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class StoreContract<S extends EventStore> {

    /** The store under test, new for every test. */
    protected S store;
    /** Stream ids unique to this test. */
    protected StoreFixture streams;

    /** Returns an empty store (or one whose existing streams do not collide with fresh ids). */
    protected abstract S newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        streams = StoreFixture.withPrefix(getClass().getSimpleName());
    }
}
