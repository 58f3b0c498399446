package org.eventcore.testkit.scenario;

import java.util.List;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** A tiny command for the scenario tests: adds to a counter that may not pass 10. */
record Increment(@Stream StreamId counter, int by) implements Command<Increment, Integer, Increment.Incremented> {

    /** Public, so that JSON-B can read it in the stored-form tests. */
    public record Incremented(int by) {}

    @Override
    public Integer initialState() {
        return 0;
    }

    @Override
    public Integer apply(Integer state, StoredEvent<Incremented> event) {
        return state + event.payload().by();
    }

    @Override
    public void handle(Integer state, Decision<Increment, Incremented> decision) {
        require(by >= 0, "cannot add a negative number (%d)", by);
        require(state + by <= 10, "counter %s would pass 10", counter);
        if (by > 0) {
            decision.emitAll(IncrementStreams.counter(this), List.of(new Incremented(by)));
        }
    }
}
