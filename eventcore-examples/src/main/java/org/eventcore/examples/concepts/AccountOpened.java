package org.eventcore.examples.concepts;

import org.eventcore.StreamId;

/** An account was opened by {@code owner}; {@code payoutAccount} receives its balance when it is closed. */
public record AccountOpened(String owner, StreamId payoutAccount) implements AccountEvent {}
