/**
 * The messages of eventcore-inmemory: {@link org.eventcore.inmemory.messages.InMemoryMessages}, the
 * one place the in-memory store writes the text of its errors, one static method per message id that
 * takes the facts as plain Java values and returns the whole text, id first. Not API: the methods may
 * change in any version, while the ids and what they mean stay (the manual's messages page lists
 * them).
 *
 * <p>This package is the module's lowest layer: of EventCore it uses only
 * {@link org.eventcore.messages.MessageId} and {@link org.eventcore.Identifiers}.
 */
package org.eventcore.inmemory.messages;
