package org.eventcore.testkit.scenario;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link AdminIncrement}. */
public final class AdminIncrementStreams extends StreamDeclarations<AdminIncrement> {

    @Override
    public Class<AdminIncrement> commandType() {
        return AdminIncrement.class;
    }

    @Override
    public List<StreamId> streams(AdminIncrement command) {
        return List.of(command.counter());
    }

    static StreamHandle<AdminIncrement> counter(AdminIncrement command) {
        return handleOf(AdminIncrement.class, command.counter());
    }
}
