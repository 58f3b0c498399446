package org.eventcore.cdi.internal;

import java.time.Duration;
import java.util.Optional;
import org.eventcore.cdi.CommandRetry;
import org.eventcore.execution.RetryPolicy;

/** The retry policy a command type declares with {@link CommandRetry}: one reading, for the bus and the deployment check. */
final class CommandRetries {

    private CommandRetries() {}

    /**
     * The policy {@code commandType}'s {@link CommandRetry} declares, if it has one.
     *
     * @throws IllegalArgumentException naming the member out of range
     */
    static Optional<RetryPolicy> declaredBy(Class<?> commandType) {
        CommandRetry retry = commandType.getAnnotation(CommandRetry.class);
        if (retry == null) {
            return Optional.empty();
        }
        return Optional.of(new RetryPolicy(
                retry.maxAttempts(),
                Duration.ofMillis(retry.baseDelayMillis()),
                retry.multiplier(),
                Duration.ofMillis(retry.maxDelayMillis()),
                retry.jitter(),
                Duration.ofMillis(retry.timeLimitMillis())));
    }
}
