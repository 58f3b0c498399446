package org.eventcore.examples.concepts;

/** Money came into an account. */
public record MoneyDeposited(long cents) implements AccountEvent {}
