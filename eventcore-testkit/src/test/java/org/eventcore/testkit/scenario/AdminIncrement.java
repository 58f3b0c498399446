package org.eventcore.testkit.scenario;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.scenario.Increment.Incremented;

/** Increments a counter, for the role admin only. */
record AdminIncrement(@Stream StreamId counter) implements Command<AdminIncrement, Integer, Incremented> {

    @Override
    public Integer initialState() {
        return 0;
    }

    @Override
    public Integer apply(Integer state, StoredEvent<Incremented> event) {
        return state + event.payload().by();
    }

    @Override
    public void handle(Integer state, Decision<AdminIncrement, Incremented> decision) {
        decision.execution().requireRole("admin");
        decision.emit(AdminIncrementStreams.counter(this), new Incremented(1));
    }
}
