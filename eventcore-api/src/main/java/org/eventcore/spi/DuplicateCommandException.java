package org.eventcore.spi;

import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.messages.ApiMessages;

/**
 * An append carried a command id that the store already holds: the command was applied before.
 * Nothing was written. The executor answers with the stored result of the first execution.
 */
public final class DuplicateCommandException extends EventCoreException {

    private final CommandId commandId;

    public DuplicateCommandException(CommandId commandId) {
        super(ApiMessages.duplicateCommand(String.valueOf(commandId)));
        this.commandId = commandId;
    }

    /** The command id found in the store. */
    public CommandId commandId() {
        return commandId;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
