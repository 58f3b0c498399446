/**
 * Running commands: {@link org.eventcore.execution.CommandExecutor} reads, folds, decides and appends
 * atomically; it retries conflicts and transient failures under a
 * {@link org.eventcore.execution.RetryPolicy}, in exactly one retry loop, with each attempt inside
 * its own {@link org.eventcore.spi.AttemptBoundary}. {@link org.eventcore.execution.ExecutionOptions}
 * carry the per-call command id (idempotency key), correlation id, user and metadata;
 * {@link org.eventcore.execution.ExecutionListener} observes attempts and outcomes. Plain Java: no
 * container API.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.execution;
