package org.eventcore.projection;

/**
 * What a {@link ProjectionRunner} does when its handler refuses an event. The failed batch is always
 * rolled back first, read model and checkpoint together; then:
 *
 * <ul>
 *   <li>{@link #STOP}: the runner stops in state {@link ProjectionState#FAILED} with a
 *       {@link ProjectionFailedException} naming the projection, the event (id, payload type,
 *       position) and the cause; {@link ProjectionRunner#start()} resumes from the checkpoint once
 *       the handler is fixed;
 *   <li>{@link #RETRY}: the runner runs the batch again after a capped exponential backoff
 *       ({@link ProjectionDefinition#retryBaseDelay()} doubling up to
 *       {@link ProjectionDefinition#retryMaxDelay()}), without limit; the status shows the error and
 *       the number of retries until a batch succeeds;
 *   <li>{@link #SKIP_AND_RECORD}: the runner runs the batch again without the failing event, saves
 *       the checkpoint past it and, in the same transaction, records it (event id, position, payload
 *       type, error) in the durable {@link org.eventcore.projection.spi.SkippedEventLog} of its leases
 *       ({@code ec_skipped_events} with the JPA store), shown by {@link ProjectionStatus#skipped()};
 *       after the commit it logs it at WARNING ({@code EC1613}). It never skips silently: the
 *       record exists exactly when the checkpoint is past the event, whatever the commit's outcome.
 * </ul>
 *
 * <p>A policy applies to <em>poison</em> events only: the handler's own exception, or a data error of
 * its read model for that event (an SQL state of class 22, 23 or 42, or of 0A, 21, 27, 2F, 38, 39,
 * 44, 54, P0). A failure of the infrastructure inside the handler (SQL
 * state of class 08, 40, 53, 55, 57 or 58, a connection, socket or timeout exception anywhere in the
 * cause chain, a transaction rolled back by the transaction manager, a retriable EventCore failure) is
 * not the event's fault: the runner retries it with the same backoff under every policy, showing how
 * long it has been retrying ({@link ProjectionStatus#retryingSince()}) and why
 * ({@link ProjectionStatus#lastError()}). Failures outside the handler are retried the same way when
 * they are transient and stop the runner otherwise; a stored event that cannot be read stops it
 * under every policy.
 */
public enum ErrorPolicy {
    /** Stop with a clear error. The default. */
    STOP,
    /** Retry the failing batch with capped exponential backoff until it succeeds. */
    RETRY,
    /** Skip the failing event, record it, and continue. */
    SKIP_AND_RECORD
}
