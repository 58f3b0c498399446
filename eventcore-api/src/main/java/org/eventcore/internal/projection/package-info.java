/**
 * The machinery behind {@link org.eventcore.projection.ProjectionRunner}: the loop that holds the
 * lease, runs batches and applies the error policy, and the state it shares with callers. No
 * compatibility promise; never use from another module.
 */
package org.eventcore.internal.projection;
