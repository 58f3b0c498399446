package org.eventcore.examples.concepts;

/** What happens to an account: the one event family of the Concepts page's bank. */
public sealed interface AccountEvent permits AccountOpened, MoneyDeposited, MoneyWithdrawn, AccountClosed {}
