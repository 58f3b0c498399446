/**
 * The messages of eventcore-testkit: {@link org.eventcore.testkit.messages.TestkitMessages}, the one
 * place the test kit writes the text of the failures it injects, one static method per message id
 * that returns the whole text, id first. Not API: the methods may change in any version, while the
 * ids and what they mean stay (the manual's messages page lists them).
 *
 * <p>This package is the module's lowest layer: of EventCore it uses only
 * {@link org.eventcore.messages.MessageId}.
 */
package org.eventcore.testkit.messages;
