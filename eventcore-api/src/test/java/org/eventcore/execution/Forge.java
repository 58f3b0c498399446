package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Makes up stream handles the way only a deliberate misuse can: by subclassing StreamDeclarations. */
final class Forge extends StreamDeclarations<Object> {

    static <C> StreamHandle<C> handle(Class<C> commandType, StreamId stream) {
        return handleOf(commandType, stream);
    }

    @Override
    public Class<Object> commandType() {
        return Object.class;
    }

    @Override
    public List<StreamId> streams(Object command) {
        return List.of();
    }
}
