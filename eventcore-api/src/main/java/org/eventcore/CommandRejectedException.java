package org.eventcore;

import java.util.Objects;
import org.eventcore.messages.ApiMessages;

/**
 * A business rule rejected a command ({@link Command#require}). Permanent: the executor never
 * retries it, and nothing was written.
 */
public final class CommandRejectedException extends EventCoreException {

    private final String commandType;
    private final String rule;

    private CommandRejectedException(String commandType, String rule) {
        super(ApiMessages.commandRejected(commandType, rule));
        this.commandType = commandType;
        this.rule = rule;
    }

    /** The rejection of a command of type {@code commandType} by the rule {@code rule}. */
    public static CommandRejectedException of(Class<?> commandType, String rule) {
        Objects.requireNonNull(commandType, "commandType");
        return new CommandRejectedException(commandType.getSimpleName(), Objects.requireNonNull(rule, "rule"));
    }

    /** The simple name of the rejected command's type. */
    public String commandType() {
        return commandType;
    }

    /** The rule's message, formatted. */
    public String rule() {
        return rule;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
