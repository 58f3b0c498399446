/**
 * The messages of eventcore-jpa: {@link org.eventcore.jpa.messages.JpaMessages}, the one place the JPA
 * store, its transaction helpers and its schema code write the text of their errors and warnings, one
 * static method per message id that takes the facts as plain Java values and returns the whole text,
 * id first. The messages the schema raises in the database (its trigger's {@code EC3100}, {@code
 * ec_append_tagged}'s {@code EC3310}) have their methods here too, so that every id of the module is listed
 * in one place. Not API: the methods may change in
 * any version, while the ids and what they mean stay (the manual's messages page lists them).
 *
 * <p>This package is the module's lowest layer: every other package of the module may use it, and it
 * uses nothing of the module; of EventCore it uses only {@link org.eventcore.messages.MessageId}.
 */
package org.eventcore.jpa.messages;
