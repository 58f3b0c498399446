package org.eventcore.examples.concepts;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * The stream declarations of {@link CloseAccount}, written by hand. They name the account only: the
 * payout account is not declared but discovered.
 */
public final class CloseAccountStreams implements StreamDeclarations<CloseAccount> {

    public static StreamHandle<CloseAccount> account(CloseAccount command) {
        return StreamHandle.of(CloseAccount.class, command.account());
    }

    @Override
    public Class<CloseAccount> commandType() {
        return CloseAccount.class;
    }

    @Override
    public List<StreamId> streams(CloseAccount command) {
        return List.of(command.account());
    }
}
