package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link Inspect}. */
public final class InspectStreams extends StreamDeclarations<Inspect> {

    @Override
    public Class<Inspect> commandType() {
        return Inspect.class;
    }

    @Override
    public List<StreamId> streams(Inspect command) {
        return command.streams();
    }
}
