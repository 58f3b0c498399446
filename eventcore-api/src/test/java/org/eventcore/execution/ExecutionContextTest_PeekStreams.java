package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link ExecutionContextTest.Peek}. */
public final class ExecutionContextTest_PeekStreams extends StreamDeclarations<ExecutionContextTest.Peek> {

    @Override
    public Class<ExecutionContextTest.Peek> commandType() {
        return ExecutionContextTest.Peek.class;
    }

    @Override
    public List<StreamId> streams(ExecutionContextTest.Peek command) {
        return List.of(command.account());
    }
}
