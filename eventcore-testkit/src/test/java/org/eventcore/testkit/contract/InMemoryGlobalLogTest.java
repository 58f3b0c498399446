package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;

class InMemoryGlobalLogTest extends GlobalLogContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create();
    }
}
