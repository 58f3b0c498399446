package org.eventcore.testkit.contract;

import org.eventcore.projection.inmemory.InMemoryCheckpointStore;

class InMemoryCheckpointStoreTest extends CheckpointStoreContract<InMemoryCheckpointStore> {
    @Override
    protected InMemoryCheckpointStore newCheckpointStore() {
        return InMemoryCheckpointStore.create();
    }
}
