/**
 * The JPA entities of the EventCore store: {@link org.eventcore.jpa.entity.EventRecord} (table
 * {@code ec_events}), {@link org.eventcore.jpa.entity.StreamRecord} ({@code ec_streams}),
 * {@link org.eventcore.jpa.entity.CommandRecord} ({@code ec_commands}) and
 * {@link org.eventcore.jpa.entity.CheckpointRecord} ({@code ec_checkpoints}). List them in the
 * persistence unit that the store uses. They map the shipped schema scripts and carry no logic;
 * the store alone writes them.
 */
package org.eventcore.jpa.entity;
