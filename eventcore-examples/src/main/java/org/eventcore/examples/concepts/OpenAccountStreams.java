package org.eventcore.examples.concepts;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** The stream declarations of {@link OpenAccount}, written by hand. */
public final class OpenAccountStreams implements StreamDeclarations<OpenAccount> {

    public static StreamHandle<OpenAccount> account(OpenAccount command) {
        return StreamHandle.of(OpenAccount.class, command.account());
    }

    @Override
    public Class<OpenAccount> commandType() {
        return OpenAccount.class;
    }

    @Override
    public List<StreamId> streams(OpenAccount command) {
        return List.of(command.account());
    }
}
