package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;

/** The in-memory store with a serializer hands over each event's stored form. */
class InMemorySerializedLogBrowserTest extends LogBrowserContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create(JsonbEventSerializer.create(
                EventTypeRegistry.builder().register(ContractEvent.class).build()));
    }
}
