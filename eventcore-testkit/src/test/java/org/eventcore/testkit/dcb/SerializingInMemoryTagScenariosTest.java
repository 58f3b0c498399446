package org.eventcore.testkit.dcb;

import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.jsonb.JsonbEventSerializer;

/** The scenarios with every payload through JSON-B, as a database store stores them. */
class SerializingInMemoryTagScenariosTest extends TagScenariosContract<InMemoryEventStore> {
    @Override
    protected InMemoryEventStore newStore() {
        return InMemoryEventStore.create(JsonbEventSerializer.create(DcbEvent.registry(false)));
    }
}
