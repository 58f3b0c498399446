package org.eventcore.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eventcore.projection.ErrorPolicy;

/**
 * How the runner drives a durable projection: its error policy, batch size and timings. Put it on a
 * bean class that holds handlers of the projection (once per projection in the application):
 *
 * <pre>{@code
 * @ApplicationScoped
 * @ProjectionOptions(projection = "balances", errorPolicy = ErrorPolicy.SKIP_AND_RECORD, batchSize = 200)
 * public class BalancesView {
 *     void on(@Observes @Projection("balances") MoneyDeposited deposited, EventContext context) { ... }
 * }
 * }</pre>
 *
 * <p>A projection without options runs with the defaults of {@link
 * org.eventcore.projection.ProjectionDefinition#of}. The deployment fails with EC2051 when two
 * classes give options for the same projection, with EC2052 when the named projection has no
 * handler, and with EC2053 when a value is out of range.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ProjectionOptions.List.class)
public @interface ProjectionOptions {

    /** The name of the projection, as in its handlers' {@link Projection}. */
    String projection();

    /** What a handler failure does. */
    ErrorPolicy errorPolicy() default ErrorPolicy.STOP;

    /** Events per transaction, 1 to 10,000. */
    int batchSize() default 100;

    /** How long an idle or standby runner waits before looking again, in milliseconds. */
    long pollIntervalMillis() default 500;

    /** The first wait after a failed batch, in milliseconds; it doubles on each retry. */
    long retryBaseDelayMillis() default 100;

    /** The longest wait after a failed batch, in milliseconds. */
    long retryMaxDelayMillis() default 30_000;

    /**
     * How long the projection's lease lasts without renewal, in milliseconds: after a node stops
     * without releasing it, the next node takes over after at most this long. A batch must take
     * less than two thirds of it.
     */
    long leaseDurationMillis() default 30_000;

    /** Several {@link ProjectionOptions} on one class. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ProjectionOptions[] value();
    }
}
