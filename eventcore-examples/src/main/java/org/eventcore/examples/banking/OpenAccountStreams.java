package org.eventcore.examples.banking;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * The stream declarations of {@link OpenAccount}: its {@code @Stream} members and their typed handles.
 * Written by hand in the shape the EventCore annotation processor generates.
 */
public final class OpenAccountStreams implements StreamDeclarations<OpenAccount> {

    /** Used by the executor, which finds this class by its name. */
    public OpenAccountStreams() {}

    @Override
    public Class<OpenAccount> commandType() {
        return OpenAccount.class;
    }

    @Override
    public List<StreamId> streams(OpenAccount command) {
        return List.of(command.account());
    }

    /** The handle of the stream {@code account} of {@code command}. */
    public static StreamHandle<OpenAccount> account(OpenAccount command) {
        return StreamHandle.of(OpenAccount.class, command.account());
    }
}
