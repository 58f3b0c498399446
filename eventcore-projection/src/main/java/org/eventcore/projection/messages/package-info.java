/**
 * The messages of eventcore-projection: {@link org.eventcore.projection.messages.ProjectionMessages},
 * the one place the projection SPI, the runner and the in-memory leases write the text of their
 * errors, statuses and log records, one static method per message id that takes the facts as plain
 * Java values and returns the whole text, id first. Not API: the methods may change in any version,
 * while the ids and what they mean stay (the manual's messages page lists them).
 *
 * <p>This package is the module's lowest layer, below the projection SPI: of EventCore it uses only
 * {@link org.eventcore.messages.MessageId} and {@link org.eventcore.Identifiers}.
 */
package org.eventcore.projection.messages;
