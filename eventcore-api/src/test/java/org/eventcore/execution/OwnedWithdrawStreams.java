package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link OwnedWithdraw}. */
public final class OwnedWithdrawStreams extends StreamDeclarations<OwnedWithdraw> {

    @Override
    public Class<OwnedWithdraw> commandType() {
        return OwnedWithdraw.class;
    }

    @Override
    public List<StreamId> streams(OwnedWithdraw command) {
        return List.of(command.account());
    }

    static StreamHandle<OwnedWithdraw> account(OwnedWithdraw command) {
        return handleOf(OwnedWithdraw.class, command.account());
    }
}
