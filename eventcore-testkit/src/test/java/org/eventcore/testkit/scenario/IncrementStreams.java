package org.eventcore.testkit.scenario;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Stream declarations of {@link Increment}. */
public final class IncrementStreams extends StreamDeclarations<Increment> {

    @Override
    public Class<Increment> commandType() {
        return Increment.class;
    }

    @Override
    public List<StreamId> streams(Increment command) {
        return List.of(command.counter());
    }

    static StreamHandle<Increment> counter(Increment command) {
        return handleOf(Increment.class, command.counter());
    }
}
