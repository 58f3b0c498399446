package org.eventcore.execution;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * @param roles the roles the caller is in, which the command sees in
 *     {@link org.eventcore.ExecutionContext#roles()} (never stored with the events)
 * @param metadata custom metadata entries for every event of the command (validated like
 *     {@link org.eventcore.EventMetadata#custom()})
 * @param retryPolicy a retry policy for this execution, or empty for the executor's
 */
public record ExecutionOptions(
        Optional<CommandId> commandId,
        Optional<String> correlationId,
        Optional<String> user,
        Set<String> roles,
        Map<String, String> metadata,
        Optional<RetryPolicy> retryPolicy) {

    /** Everything generated or taken from the executor; no user, no roles. */
    public static final ExecutionOptions DEFAULT = new ExecutionOptions(
            Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Map.of(), Optional.empty());

    public ExecutionOptions {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    public ExecutionOptions withCommandId(CommandId commandId) {
        return new ExecutionOptions(Optional.of(commandId), correlationId, user, roles, metadata, retryPolicy);
    }

    public ExecutionOptions withCorrelationId(String correlationId) {
        return new ExecutionOptions(commandId, Optional.of(correlationId), user, roles, metadata, retryPolicy);
    }

    public ExecutionOptions withUser(String user) {
        return new ExecutionOptions(commandId, correlationId, Optional.of(user), roles, metadata, retryPolicy);
    }

    /** A copy with the roles of the user (replacing any given before). */
    public ExecutionOptions withRoles(Set<String> roles) {
        return new ExecutionOptions(commandId, correlationId, user, roles, metadata, retryPolicy);
    }

    /** A copy with one more custom metadata entry. */
    public ExecutionOptions withMetadata(String key, String value) {
        Map<String, String> copy = new TreeMap<>(metadata);
        copy.put(key, value);
        return new ExecutionOptions(commandId, correlationId, user, roles, copy, retryPolicy);
    }

    public ExecutionOptions withRetryPolicy(RetryPolicy retryPolicy) {
        return new ExecutionOptions(commandId, correlationId, user, roles, metadata, Optional.of(retryPolicy));
    }
}
