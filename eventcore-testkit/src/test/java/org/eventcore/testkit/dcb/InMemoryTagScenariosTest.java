package org.eventcore.testkit.dcb;

import org.eventcore.inmemory.InMemoryEventStore;

class InMemoryTagScenariosTest extends TagScenariosContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create();
    }
}
