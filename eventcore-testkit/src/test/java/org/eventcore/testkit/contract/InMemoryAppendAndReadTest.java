package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;

class InMemoryAppendAndReadTest extends AppendAndReadContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create();
    }
}
