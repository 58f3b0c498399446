/**
 * The messages of eventcore-jsonb: {@link org.eventcore.jsonb.messages.JsonbMessages}, the one place
 * the JSON-B serializer writes the text of its errors, one static method per message id that takes
 * the facts as plain Java values and returns the whole text, id first. Not API: the methods may
 * change in any version, while the ids and what they mean stay (the manual's messages page lists
 * them).
 *
 * <p>This package is the module's lowest layer: of EventCore it uses only
 * {@link org.eventcore.messages.MessageId} and {@link org.eventcore.Identifiers}.
 */
package org.eventcore.jsonb.messages;
