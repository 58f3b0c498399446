package org.eventcore.examples.concepts;

/** Money left an account. */
public record MoneyWithdrawn(long cents) implements AccountEvent {}
