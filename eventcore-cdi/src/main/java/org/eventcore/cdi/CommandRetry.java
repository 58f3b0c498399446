package org.eventcore.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The retry policy of one command type, read by the {@link CommandBus}. Without it the bus uses the
 * application's {@link org.eventcore.execution.RetryPolicy} bean, if it produces one, else
 * {@link org.eventcore.execution.RetryPolicy#DEFAULT}. A {@code RetryPolicy} in the call's
 * {@link org.eventcore.execution.ExecutionOptions} wins over both.
 *
 * <pre>{@code
 * @CommandRetry(maxAttempts = 20, baseDelayMillis = 2, maxDelayMillis = 200)
 * public record ReserveSeat(@Stream StreamId show, int seat) implements Command<...> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CommandRetry {

    /** Attempts in all, at least 1. */
    int maxAttempts() default 8;

    /** The wait before the first retry, in milliseconds. */
    long baseDelayMillis() default 5;

    /** The growth of the wait per attempt, at least 1. */
    double multiplier() default 2.0;

    /** The longest wait, in milliseconds. */
    long maxDelayMillis() default 1000;

    /** The largest fraction of a wait taken off at random, 0 to 1. */
    double jitter() default 0.5;

    /**
     * How long after its start the command may still be retried, in milliseconds, more than zero (see
     * {@link org.eventcore.execution.RetryPolicy#timeLimit()}).
     */
    long timeLimitMillis() default 30_000;
}
