package org.eventcore;

/**
 * A command is declared or written wrongly: its stream declarations are missing or invalid, it
 * wrote to a stream it neither declared nor discovered, or it kept discovering streams without end.
 * The message names the command and says how to fix it. Permanent: a programming error.
 */
public final class CommandDefinitionException extends EventCoreException {

    public CommandDefinitionException(String message) {
        super(message);
    }

    public CommandDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
