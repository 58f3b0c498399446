package org.eventcore.examples.docs;

import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.inmemory.InMemoryEventStore;

/**
 * What the manual's usage snippets assume to be at hand, for {@link DocumentationSnippetsTest}, which
 * compiles each snippet as the body of a method of a subclass: the banking example's three accounts,
 * a store with its executor, and an idempotency key a client sent. A snippet may declare its own
 * variables of these names.
 */
abstract class SnippetContext {
    final StreamId bank = StreamId.of("account-bank");
    final StreamId alice = StreamId.of("account-alice");
    final StreamId bob = StreamId.of("account-bob");
    final InMemoryEventStore store = InMemoryEventStore.create();
    final CommandExecutor executor = CommandExecutor.create(store);
    final String idempotencyKey = "0190f5a0-0000-7000-8000-000000000001";
}
