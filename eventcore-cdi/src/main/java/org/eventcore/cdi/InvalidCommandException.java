package org.eventcore.cdi;

import java.util.List;
import java.util.Objects;
import org.eventcore.EventCoreException;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * Bean Validation found a command invalid before its first attempt: its constraints ({@code @NotNull},
 * {@code @Positive}, {@code @Valid} on nested values...) were violated. Nothing was read or written;
 * never retried. Every violation is named with its property path and message, so an API can answer
 * with the details (the sample answers 400).
 */
public final class InvalidCommandException extends EventCoreException {

    /**
     * One violated constraint.
     *
     * @param property the property path from the command, for example {@code amount} or
     *     {@code address.city}
     * @param message the constraint's message, for example {@code must be greater than 0}
     */
    public record Violation(String property, String message) {
        public Violation {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return property + ": " + message;
        }
    }

    private final String commandType;
    private final List<Violation> violations;

    /** The command of type {@code commandType} violates {@code violations} (at least one). */
    public InvalidCommandException(String commandType, List<Violation> violations) {
        super(CdiMessages.invalidCommand(
                commandType, violations.stream().map(Violation::toString).toList()));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid command violates at least one constraint");
        }
        this.commandType = Objects.requireNonNull(commandType, "commandType");
        this.violations = List.copyOf(violations);
    }

    /** The simple name of the command's type. */
    public String commandType() {
        return commandType;
    }

    /** The violated constraints, by property path. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
