package org.eventcore.examples.concepts;

/** An account was closed. */
public record AccountClosed() implements AccountEvent {}
