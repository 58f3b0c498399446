package org.eventcore.projection;

/**
 * What a {@link ProjectionRunner} does when its handler throws. The failed batch is always rolled
 * back first, read model and checkpoint together; then:
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
 *       the checkpoint past it and records it (event id, position, payload type, error) in
 *       {@link ProjectionStatus#skipped()} and in the log at WARNING; it never skips silently.
 * </ul>
 *
 * <p>Failures outside the handler (the store unavailable, a commit failure) are retried with the
 * same backoff under every policy when they are {@linkplain org.eventcore.EventCoreException#isRetriable()
 * retriable}, and stop the runner otherwise.
 */
public enum ErrorPolicy {
    /** Stop with a clear error. The default. */
    STOP,
    /** Retry the failing batch with capped exponential backoff until it succeeds. */
    RETRY,
    /** Skip the failing event, record it, and continue. */
    SKIP_AND_RECORD
}
