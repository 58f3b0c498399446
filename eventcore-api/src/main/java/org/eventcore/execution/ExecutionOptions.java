package org.eventcore.execution;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.eventcore.CommandId;

/**
 * Per-execution settings of one command: its id (the idempotency key), correlation id, user, custom
 * metadata for its events, and a retry policy that overrides the executor's.
 *
 * <pre>{@code
 * executor.execute(command, ExecutionOptions.DEFAULT
 *         .withCommandId(CommandId.of(request.getHeader("Idempotency-Key")))
 *         .withUser("alice"));
 * }</pre>
 *
 * <p>Absent ids are generated per execution: the command id as a UUIDv7, the correlation id equal
 * to the command id. Immutable and thread-safe.
 *
 * @param commandId the command id, or empty to generate one
 * @param correlationId the correlation id, or empty to use the command id
 * @param user the authenticated caller, if any
 * @param metadata custom metadata entries for every event of the command (validated like
 *     {@link org.eventcore.EventMetadata#custom()})
 * @param retryPolicy a retry policy for this execution, or empty for the executor's
 */
public record ExecutionOptions(
        Optional<CommandId> commandId,
        Optional<String> correlationId,
        Optional<String> user,
        Map<String, String> metadata,
        Optional<RetryPolicy> retryPolicy) {

    /** Everything generated or taken from the executor. */
    public static final ExecutionOptions DEFAULT =
            new ExecutionOptions(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

    public ExecutionOptions {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(user, "user");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    public ExecutionOptions withCommandId(CommandId commandId) {
        return new ExecutionOptions(Optional.of(commandId), correlationId, user, metadata, retryPolicy);
    }

    public ExecutionOptions withCorrelationId(String correlationId) {
        return new ExecutionOptions(commandId, Optional.of(correlationId), user, metadata, retryPolicy);
    }

    public ExecutionOptions withUser(String user) {
        return new ExecutionOptions(commandId, correlationId, Optional.of(user), metadata, retryPolicy);
    }

    /** A copy with one more custom metadata entry. */
    public ExecutionOptions withMetadata(String key, String value) {
        Map<String, String> copy = new TreeMap<>(metadata);
        copy.put(key, value);
        return new ExecutionOptions(commandId, correlationId, user, copy, retryPolicy);
    }

    public ExecutionOptions withRetryPolicy(RetryPolicy retryPolicy) {
        return new ExecutionOptions(commandId, correlationId, user, metadata, Optional.of(retryPolicy));
    }
}
