package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;

class InMemoryOptimisticConcurrencyTest extends OptimisticConcurrencyContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create();
    }
}
