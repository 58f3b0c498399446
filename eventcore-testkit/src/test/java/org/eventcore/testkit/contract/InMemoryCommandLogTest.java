package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;

class InMemoryCommandLogTest extends CommandLogContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create();
    }
}
