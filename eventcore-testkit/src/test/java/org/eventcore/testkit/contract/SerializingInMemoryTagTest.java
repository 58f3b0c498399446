package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;

/** The in-memory store with every payload passed through JSON-B: types matched after the round trip. */
class SerializingInMemoryTagTest extends TagContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create(JsonbEventSerializer.create(EventTypeRegistry.builder()
                .register(ContractEvent.class)
                .register(ContractMark.class)
                .build()));
    }
}
