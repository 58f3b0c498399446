package org.eventcore;

/**
 * The root of all EventCore errors. Every error says whether running the same command again may
 * help ({@link #isRetriable()}) and carries a message id ({@code EC1xxx} api, {@code EC2xxx} cdi,
 * {@code EC3xxx} jpa, {@code EC4xxx} processor) at the start of its message.
 *
 * <ul>
 *   <li>{@link CommandRejectedException}: a business rule said no (permanent);
 *   <li>{@link StreamConflictException}: streams changed after they were read (retriable);
 *   <li>{@link RetriesExhaustedException}: the executor gave up after its attempts;
 *   <li>{@link StoreUnavailableException}: the store could not be reached or failed (transient);
 *   <li>{@link EventSerializationException}: a payload could not be written or read (permanent);
 *   <li>{@link StoreFailureException}: the store refused an operation for good (permanent);
 *   <li>{@link CommandDefinitionException}: a command is declared wrongly (permanent).
 * </ul>
 */
public abstract class EventCoreException extends RuntimeException {

    protected EventCoreException(String message) {
        super(message);
    }

    protected EventCoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether executing the same command again (later) may succeed. */
    public abstract boolean isRetriable();
}
