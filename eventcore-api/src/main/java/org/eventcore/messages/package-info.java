/**
 * The messages of EventCore's modules: {@link org.eventcore.messages.MessageId}, and the message
 * catalogue of this module, {@link org.eventcore.messages.ApiMessages}. Each module keeps its messages
 * in one catalogue ({@code <module>.messages.<Module>Messages}), one static method per message id that
 * takes the facts of the message as plain Java values and returns its whole text, id first. The
 * catalogues are the one place message texts are written; nothing decides anything on a message's
 * text. They are not API: their methods may change in any version, while the ids and what they mean
 * stay (the manual lists them).
 *
 * <p>This package is the api's lowest layer: it depends on nothing of EventCore.
 */
package org.eventcore.messages;
