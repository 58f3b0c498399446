package org.eventcore;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The execution a command decides in: its command id and correlation id, the authenticated user and
 * roles it runs for, and the custom metadata its events will carry. A command reads it in
 * {@link Command#handle} through {@link Decision#execution()}, to enforce rules about who may do
 * what from the authenticated caller rather than from a field of the command that any caller could
 * fill in:
 *
 * <pre>{@code
 * public void handle(Accounts state, Decision<Withdraw, AccountEvent> decision) {
 *     String user = decision.execution().requireUser();
 *     require(state.of(account).owner().equals(user), "account %s is not open or not yours", account);
 *     ...
 * }
 * }</pre>
 *
 * <p>The user and roles come from {@link org.eventcore.execution.ExecutionOptions}; in a Jakarta EE
 * container the CDI bus sets them from the caller principal and the caller's roles, never from
 * request data. A command that needs a user rejects when there is none ({@link #requireUser()}):
 * there is no fallback to "anyone".
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param commandType the command's type
 * @param commandId the id of this execution (the idempotency key; the causation id of its events)
 * @param correlationId the correlation id its events will carry
 * @param user the authenticated user, if any
 * @param roles the roles the user is in, as far as they were given (empty when unknown)
 * @param metadata the custom metadata entries its events will carry
 */
public record ExecutionContext(
        Class<?> commandType,
        CommandId commandId,
        String correlationId,
        Optional<String> user,
        Set<String> roles,
        Map<String, String> metadata) {

    public ExecutionContext {
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        metadata = Map.copyOf(metadata);
    }

    /**
     * The authenticated user.
     *
     * @throws CommandRejectedException (EC1100) when the command runs for no authenticated user
     */
    public String requireUser() {
        return user.orElseThrow(() -> CommandRejectedException.of(
                commandType, "an authenticated user is required, and this command runs for none"));
    }

    /** Whether the user is in {@code role}. */
    public boolean isInRole(String role) {
        return user.isPresent() && roles.contains(role);
    }

    /**
     * Returns the authenticated user after checking that they are in {@code role}.
     *
     * @throws CommandRejectedException (EC1100) when there is no user or the user is not in the role
     */
    public String requireRole(String role) {
        String name = requireUser();
        if (!roles.contains(role)) {
            throw CommandRejectedException.of(
                    commandType, "only the role " + role + " may do this, and " + name + " is not in it");
        }
        return name;
    }
}
