/**
 * The message catalogue of eventcore-cdi, {@link org.eventcore.cdi.messages.CdiMessages}: the one
 * place the texts of the module's message ids (EC20xx) are written, one static method per id that
 * takes the facts of the message as plain Java values and returns its whole text, id first. The
 * portable extension's deployment problems, the bus's and the durable projections' exceptions, their
 * log records and the projections' status strings all take their text from here; nothing decides
 * anything on a message's text.
 *
 * <p>This package is the module's lowest layer: the contract ({@code org.eventcore.cdi}) and the
 * implementation ({@code org.eventcore.cdi.internal}) use it, and it uses nothing of the module (of
 * EventCore only {@code MessageId} and {@code Identifiers}, for quoting).
 */
package org.eventcore.cdi.messages;
