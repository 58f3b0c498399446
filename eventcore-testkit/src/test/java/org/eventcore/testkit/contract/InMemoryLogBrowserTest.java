package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;

class InMemoryLogBrowserTest extends LogBrowserContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create();
    }
}
